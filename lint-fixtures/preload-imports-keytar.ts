// lint-as: electron/preload/uses-keytar.ts
// breaks: sts-tray/layer-imports (the keychain is an adapter's, never the preload's)
export const keytar = import('keytar');
