// lint-as: renderer/src/uses-core.ts
// breaks: sts-tray/layer-imports (the renderer reads only window.stsTray)
import '../../electron/core/x.js';
