// lint-as: renderer/src/uses-zod.tsx
// breaks: sts-tray/layer-imports (zod reaches the renderer through electron/contract, not directly)
import 'zod/mini';
