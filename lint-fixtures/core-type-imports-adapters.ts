// lint-as: electron/core/uses-adapter-type.ts
// breaks: sts-tray/layer-imports (a type-only import('…') is an arrow too)
// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- the form is the point: the layer rule must see it too
export type Store = import('../adapters/node-file-store.js').NodeFileStore;
