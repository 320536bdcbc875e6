import { describe, expect, it } from 'vitest';
import type { ClipboardItem } from 'electron';
import { concealedPayload, electronClipboard, type ClipboardPayload } from './electron-clipboard.js';

const RAW = (name: string) => `electron application/osclipboard;format="${name}"`;

async function bytes(value: string | Blob | undefined): Promise<number[]> {
  if (!(value instanceof Blob)) throw new Error(`expected a Blob, got ${typeof value}`);
  return [...new Uint8Array(await value.arrayBuffer())];
}

describe('concealedPayload', () => {
  it('macOS: the text plus the org.nspasteboard.ConcealedType pasteboard type', () => {
    expect(concealedPayload('lines', 'darwin')).toEqual({ 'text/plain': 'lines', [RAW('org.nspasteboard.ConcealedType')]: '' });
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

describe('electronClipboard', () => {
  it('writes one item holding the text and its markers, in a single write', async () => {
    const writes: ClipboardPayload[][] = [];
    class RecordingItem {
      constructor(readonly items: ClipboardPayload) {}
    }
    const port = electronClipboard(
      {
        readText: () => Promise.resolve('current'),
        write: (data: ClipboardItem[]) => {
          writes.push(data.map((item) => (item as unknown as RecordingItem).items));
          return Promise.resolve();
        },
        clear: () => undefined,
      },
      RecordingItem as unknown as new (items: ClipboardPayload) => ClipboardItem,
      'linux',
    );
    await port.writeConcealed('lines');
    expect(writes).toEqual([[{ 'text/plain': 'lines', [RAW('x-kde-passwordManagerHint')]: 'secret' }]]);
    expect(await port.readText()).toBe('current');
  });
});
