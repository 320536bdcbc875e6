import { describe, expect, it } from 'vitest';
import { noticeIdOf, toastXml } from './toast-xml.js';

describe('toastXml', () => {
  it('names the notice in the launch string and escapes the texts', () => {
    expect(toastXml('n7', 'Renewal of <prd> failed', 'AccessDenied & "retry"')).toBe(
      '<toast launch="sts-tray-notice:n7" activationType="foreground"><visual><binding template="ToastGeneric">' +
        '<text>Renewal of &lt;prd&gt; failed</text><text>AccessDenied &amp; &quot;retry&quot;</text></binding></visual></toast>',
    );
  });
});

describe('noticeIdOf', () => {
  it.each([
    ['sts-tray-notice:n7', 'n7'],
    ['  sts-tray-notice:n12 extra', 'n12'],
    ['', null],
    ['someone-else:n7', null],
  ])('%j → %j', (args, expected) => {
    expect(noticeIdOf(args)).toBe(expected);
  });
});
