// The tools' pause (ToolPorts.wait) on virtual time: resolves when the test moves time on.

import type { Timers } from '../ports.js';

export function virtualWait(timers: Timers): (ms: number) => Promise<void> {
  return (ms) => new Promise<void>((resolve) => timers.setTimer(resolve, ms));
}
