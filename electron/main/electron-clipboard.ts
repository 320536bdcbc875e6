// Electron's clipboard behind ClipboardPort, writing export lines with each OS's marker for
// "a secret: clipboard managers and history, skip this":
//   macOS:   the pasteboard type org.nspasteboard.ConcealedType (nspasteboard.org convention);
//   Windows: the registered formats ExcludeClipboardContentFromMonitorProcessing,
//            CanIncludeInClipboardHistory = 0 and CanUploadToCloudClipboard = 0 (DWORDs), which
//            Windows' own clipboard history and cloud sync honour;
//   Linux:   the target x-kde-passwordManagerHint = "secret" (Klipper, CopyQ, GPaste…).
// Electron 45's clipboard.write() takes ClipboardItems whose keys may name a raw OS format as
// `electron application/osclipboard;format="<name>"`, and commits all of one item at once,
// so the text never sits on the clipboard without its marker.
// Every operation goes through a FocusRoute (app/focused-clipboard.ts): direct where any client
// may change the clipboard, through a focused window on Wayland.

import type { Clipboard, ClipboardItem } from 'electron';
import type { ClipboardClear, ClipboardPort } from '../app/clipboard-guard.js';
import type { FocusRoute } from '../app/focused-clipboard.js';

export type ClipboardPayload = Record<string, string | Blob>;

const osFormat = (name: string) => `electron application/osclipboard;format="${name}"`;
/** A little-endian DWORD 0, as Windows reads these flags. */
const dwordZero = () => new Blob([new Uint8Array(4)]);

/** The representations written for `text` on `platform`: plain text plus the markers. */
export function concealedPayload(text: string, platform: NodeJS.Platform): ClipboardPayload {
  const payload: ClipboardPayload = { 'text/plain': text };
  switch (platform) {
    case 'darwin':
      // One byte: an empty payload is not reliably kept as a pasteboard type, and the
      // convention reads only the type's presence.
      payload[osFormat('org.nspasteboard.ConcealedType')] = '1';
      break;
    case 'win32':
      payload[osFormat('ExcludeClipboardContentFromMonitorProcessing')] = dwordZero();
      payload[osFormat('CanIncludeInClipboardHistory')] = dwordZero();
      payload[osFormat('CanUploadToCloudClipboard')] = dwordZero();
      break;
    default:
      // Linux and the BSDs: X11 and Wayland clipboard managers read the KDE hint.
      payload[osFormat('x-kde-passwordManagerHint')] = 'secret';
  }
  return payload;
}

export type ClipboardItemConstructor = new (items: ClipboardPayload) => ClipboardItem;

export function electronClipboard(
  clipboard: Pick<Clipboard, 'readText' | 'write' | 'clear'>,
  ClipboardItemClass: ClipboardItemConstructor,
  platform: NodeJS.Platform,
  route: FocusRoute,
): ClipboardPort {
  return {
    writeConcealed: async (text) =>
      (await route(() => clipboard.write([new ClipboardItemClass(concealedPayload(text, platform))]))) ? 'written' : 'refused',
    clearIf: async (isOurs) => {
      let outcome: ClipboardClear = 'kept';
      const done = await route(async () => {
        // Read inside the route too: with focus, Wayland hands Chromium the current content.
        if (!isOurs(await clipboard.readText())) return;
        clipboard.clear();
        outcome = 'cleared';
      });
      return done ? outcome : 'refused';
    },
  };
}
