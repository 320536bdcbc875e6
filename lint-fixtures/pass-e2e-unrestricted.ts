// lint-as: e2e/uses-anything.ts
// passes: sts-tray/layer-imports (e2e is not a layer)
import 'electron';
import '../electron/core/testing/x.js';
import '../renderer/src/app.js';
