// lint-as: electron/core/uses-fs.test.ts
// breaks: sts-tray/layer-imports (core tests run on fakes; a file-system test belongs to adapters)
import 'node:fs';
