// lint-as: renderer/src/uses-path.tsx
// breaks: sts-tray/layer-imports (the window is a plain browser page)
import 'path';
