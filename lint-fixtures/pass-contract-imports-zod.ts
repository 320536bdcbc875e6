// lint-as: electron/contract/uses-zod.ts
// passes: sts-tray/layer-imports (zod and its subpaths)
import 'zod/mini';
import 'zod/v4/locales/en.js';
