// lint-as: electron/contract/uses-crypto.ts
// breaks: sts-tray/layer-imports (the contract runs in the renderer too: no Node)
import 'node:crypto';
