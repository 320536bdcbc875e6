import { describe, expect, it } from 'vitest';
import type { ClipboardItem } from 'electron';
import { concealedPayload, electronClipboard, type ClipboardPayload } from './electron-clipboard.js';
import { directRoute, type FocusRoute } from '../app/focused-clipboard.js';

const RAW = (name: string) => `electron application/osclipboard;format="${name}"`;

async function bytes(value: string | Blob | undefined): Promise<number[]> {
  if (!(value instanceof Blob)) throw new Error(`expected a Blob, got ${typeof value}`);
  return [...new Uint8Array(await value.arrayBuffer())];
}

describe('concealedPayload', () => {
  it('macOS: the text plus the org.nspasteboard.ConcealedType pasteboard type, with a one-byte payload', () => {
    expect(concealedPayload('lines', 'darwin')).toEqual({ 'text/plain': 'lines', [RAW('org.nspasteboard.ConcealedType')]: '1' });
  });

  it('Windows: the text plus the monitor exclusion and history / cloud flags as DWORD 0', async () => {
    const payload = concealedPayload('lines', 'win32');
    expect(Object.keys(payload)).toEqual([
      'text/plain',
      RAW('ExcludeClipboardContentFromMonitorProcessing'),
      RAW('CanIncludeInClipboardHistory'),
      RAW('CanUploadToCloudClipboard'),
    ]);
    expect(payload['text/plain']).toBe('lines');
    expect(await bytes(payload[RAW('CanIncludeInClipboardHistory')])).toEqual([0, 0, 0, 0]);
    expect(await bytes(payload[RAW('CanUploadToCloudClipboard')])).toEqual([0, 0, 0, 0]);
  });

  it('Linux: the text plus x-kde-passwordManagerHint = secret', () => {
    expect(concealedPayload('lines', 'linux')).toEqual({ 'text/plain': 'lines', [RAW('x-kde-passwordManagerHint')]: 'secret' });
  });
});

function recordingClipboard(current: string) {
  const writes: ClipboardPayload[][] = [];
  let clears = 0;
  class RecordingItem {
    constructor(readonly items: ClipboardPayload) {}
  }
  const clipboard = {
    readText: () => Promise.resolve(current),
    write: (data: ClipboardItem[]) => {
      writes.push(data.map((item) => (item as unknown as RecordingItem).items));
      return Promise.resolve();
    },
    clear: () => void clears++,
  };
  const Item = RecordingItem as unknown as new (items: ClipboardPayload) => ClipboardItem;
  return { writes, clears: () => clears, clipboard, Item };
}

/** Wayland with no focus to be had: the route runs nothing. */
const refusingRoute: FocusRoute = () => Promise.resolve(false);

describe('electronClipboard', () => {
  it('writes one item holding the text and its markers, in a single write', async () => {
    const { writes, clipboard, Item } = recordingClipboard('current');
    const port = electronClipboard(clipboard, Item, 'linux', directRoute);
    expect(await port.writeConcealed('lines')).toBe('written');
    expect(writes).toEqual([[{ 'text/plain': 'lines', [RAW('x-kde-passwordManagerHint')]: 'secret' }]]);
  });

  it('clears only what isOurs recognises', async () => {
    const { clears, clipboard, Item } = recordingClipboard('current');
    const port = electronClipboard(clipboard, Item, 'linux', directRoute);
    expect(await port.clearIf((text) => text === 'other')).toBe('kept');
    expect(await port.clearIf((text) => text === 'current')).toBe('cleared');
    expect(clears()).toBe(1);
  });

  it('when the route gets no focused window, nothing is written or cleared and both say refused', async () => {
    const { writes, clears, clipboard, Item } = recordingClipboard('lines');
    const port = electronClipboard(clipboard, Item, 'linux', refusingRoute);
    expect(await port.writeConcealed('lines')).toBe('refused');
    expect(await port.clearIf(() => true)).toBe('refused');
    expect(writes).toEqual([]);
    expect(clears()).toBe(0);
  });
});
