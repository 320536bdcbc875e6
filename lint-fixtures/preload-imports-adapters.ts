// lint-as: electron/preload/uses-adapters.ts
// breaks: sts-tray/layer-imports (the preload reaches Node services)
import '../adapters/node-services.js';
