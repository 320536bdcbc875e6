// SHA-256 of a text as hex: the digest the tray app's clipboard guard compares instead of
// keeping a copy of the export lines (main and the window's e2e harness both pass it in).

import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
