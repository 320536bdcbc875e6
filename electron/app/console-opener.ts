// Main's opener of console URLs, free of Electron: the one allow-list in front of the OS's
// browser. Only the login URL of a sign-in endpoint may go out: the three partitions'
// (https), or with STS_TRAY_SIGNIN_ENDPOINT set (tests), exactly that endpoint and no other.

import { SIGNIN_ENDPOINTS } from '../contract/partitions.js';
import { checkConsoleUrl } from '../core/console-url.js';
import { StsTrayError } from '../core/errors.js';

export function consoleOpener(openExternal: (url: string) => Promise<void>, configuredEndpoint: string | undefined): (url: string) => Promise<void> {
  const allowed = configuredEndpoint ? [configuredEndpoint] : Object.values(SIGNIN_ENDPOINTS);
  return async (url) => {
    if (!allowed.some((endpoint) => checkConsoleUrl(url, endpoint) === null)) {
      // The URL is a secret: not in the message.
      throw new StsTrayError('validation', 'refused to open a URL that is not the console login of an allowed sign-in endpoint');
    }
    try {
      await openExternal(url);
    } catch {
      // The OS's error may quote the URL, and this message reaches the activity list.
      throw new StsTrayError('file-io', 'the desktop could not open the browser for the AWS console: check the default browser setting');
    }
  };
}
