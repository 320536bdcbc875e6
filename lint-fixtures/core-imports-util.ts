// lint-as: electron/core/uses-util.ts
// breaks: sts-tray/layer-imports (a builtin without node: prefix)
import { inspect } from 'util';

export const show = inspect;
