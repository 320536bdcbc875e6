// lint-as: electron/cli/uses-main.ts
// breaks: sts-tray/layer-imports (the CLI never loads the tray shell)
import '../main/x.js';
