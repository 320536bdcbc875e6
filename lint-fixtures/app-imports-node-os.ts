// lint-as: electron/app/uses-os.ts
// breaks: sts-tray/layer-imports (the tray app is Node-free too)
import 'node:os';
