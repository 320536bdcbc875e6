// lint-as: electron/adapters/uses-electron.ts
// breaks: sts-tray/layer-imports (adapters implement core's ports without Electron)
import 'electron';
