// lint-as: electron/app/uses-adapters.ts
// breaks: sts-tray/layer-imports (main, the composition root, wires adapters in)
import '../adapters/x.js';
