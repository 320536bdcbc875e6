// lint-as: electron/cli/uses-electron.ts
// breaks: sts-tray/layer-imports (the CLI runs in plain Node)
import 'electron';
