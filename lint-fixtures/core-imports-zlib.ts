// lint-as: electron/core/uses-zlib.ts
// breaks: sts-tray/layer-imports (a builtin a hand-written list missed)
import 'zlib';
