// lint-as: electron/main/uses-core-testing.ts
// breaks: sts-tray/layer-imports (production code never imports a testing/ folder)
import '../core/testing/x.js';
