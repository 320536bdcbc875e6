// Waiting for what a person would see: the window updates after IPC and events, so its
// state is polled. Ten seconds (vitest's default is one) leaves room for a busy 2-core machine.

import { expect } from 'vitest';

export function poll<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: 10_000, interval: 50, ...(message === undefined ? {} : { message }) });
}
