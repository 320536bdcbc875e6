// lint-as: electron/core/uses-events.ts
// breaks: sts-tray/layer-imports (a builtin a hand-written list missed)
import type { EventEmitter } from 'events';

export type Emitter = EventEmitter;
