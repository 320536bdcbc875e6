// lint-as: electron/main/uses-renderer.ts
// breaks: sts-tray/layer-imports (nothing under electron/ imports renderer/)
import '../../renderer/src/app.js';
