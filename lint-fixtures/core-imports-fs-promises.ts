// lint-as: electron/core/uses-fs-promises.ts
// breaks: sts-tray/layer-imports (a builtin's subpath, without node: prefix)
import 'fs/promises';
