// lint-as: electron/app/uses-electron.ts
// breaks: sts-tray/layer-imports (the tray app reaches Electron through shell ports)
import 'electron';
