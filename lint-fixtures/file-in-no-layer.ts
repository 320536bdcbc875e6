// lint-as: electron/shared/orphan.ts
// breaks: sts-tray/layer-imports (every folder under electron/ is a layer of eslint-rules/layers.js)
export const orphan = 1;
