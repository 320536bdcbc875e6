// lint-as: electron/preload/uses-fs.ts
// breaks: sts-tray/layer-imports (the sandboxed preload has no file system)
export { readFile } from 'node:fs/promises';
