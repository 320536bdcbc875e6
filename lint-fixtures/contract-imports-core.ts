// lint-as: electron/contract/uses-core.ts
// breaks: sts-tray/layer-imports (the contract sits below core)
export * from '../core/errors.js';
