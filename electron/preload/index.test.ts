import { describe, expect, it, vi } from 'vitest';

// The real 'electron' module cannot load in Node; the preload's wiring is checked against stand-ins.
const exposed: [string, unknown][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer: { invoke: () => Promise.resolve(null), on: () => undefined, removeListener: () => undefined },
}));

describe('preload index', () => {
  it('exposes one thing, window.stsTray, holding exactly invoke and on', async () => {
    await import('./index.js');
    expect(exposed.map(([key]) => key)).toEqual(['stsTray']);
    const api = exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
  });
});
