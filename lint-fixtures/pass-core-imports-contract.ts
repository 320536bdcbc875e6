// lint-as: electron/core/uses-contract.ts
// passes: sts-tray/layer-imports (core sits on the contract)
import '../contract/x.js';
