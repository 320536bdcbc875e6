// lint-as: electron/core/uses-fs.ts
// breaks: sts-tray/layer-imports (the file system is reached through a port)
import 'node:fs';
