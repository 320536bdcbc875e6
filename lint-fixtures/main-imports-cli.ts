// lint-as: electron/main/uses-cli.ts
// breaks: sts-tray/layer-imports (the tray shell runs the CLI's watch loop)
import '../cli/watch-command.js';
