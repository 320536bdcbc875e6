// lint-as: electron/adapters/uses-core-testing.test.ts
// passes: sts-tray/layer-imports (shared fakes of a lower layer)
import '../core/testing/virtual-time.js';
import 'node:os';
