// lint-as: electron/main/uses-app.ts
// passes: sts-tray/layer-imports (main wires the tray app to Electron)
import 'electron';
import '../app/x.js';
import '../adapters/node-services.js';
import 'node:path';
