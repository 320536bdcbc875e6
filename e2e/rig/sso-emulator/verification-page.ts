// The emulator's stand-in for the AWS access portal's device page: it shows the user code and
// offers Allow and Deny, as the real page does after sign-in. A browser test drives it.

export function verificationPage(userCode: string, actionBase: string): string {
  const code = escapeHtml(userCode);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize request</title></head>
<body>
<h1>Authorize request</h1>
<p>Confirm that this code matches the one shown by your application:</p>
<p id="user-code">${code}</p>
<form method="post" action="${actionBase}/approve"><input type="hidden" name="user_code" value="${code}"><button id="allow" type="submit">Allow access</button></form>
<form method="post" action="${actionBase}/deny"><input type="hidden" name="user_code" value="${code}"><button id="deny" type="submit">Deny access</button></form>
</body></html>`;
}

export function resultPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(message)}</title></head><body><h1 id="result">${escapeHtml(message)}</h1></body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
