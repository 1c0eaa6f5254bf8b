/**
 * The small pages the loopback listener shows in the browser after sign-in.
 * Static HTML, no script, no outside resources; messages are escaped.
 */

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(title: string, heading: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f6f7f9; color: #1d2330; }
  main { max-width: 28rem; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  h1 { font-size: 1.3rem; margin: 0 0 .75rem; }
  p { line-height: 1.5; margin: .5rem 0 0; }
  @media (prefers-color-scheme: dark) { body { background: #16181d; color: #e6e8ee; } main { background: #22252c; } }
</style>
</head>
<body><main><h1>${escapeHtml(heading)}</h1>${body}</main></body>
</html>`;
}

/** Shown after a successful sign-in. */
export function successPage(profileName: string): string {
  return page(
    'Signed in - Token Tray',
    'You are signed in',
    `<p>Token Tray is now signed in to <strong>${escapeHtml(profileName)}</strong>.</p><p>You can close this tab and return to Token Tray.</p>`,
  );
}

/** Shown when sign-in did not work, with the plain sentence and next step. */
export function errorPage(message: string, nextStep?: string): string {
  return page(
    'Sign-in did not finish - Token Tray',
    'Sign-in did not finish',
    `<p>${escapeHtml(message)}</p>${nextStep ? `<p>${escapeHtml(nextStep)}</p>` : ''}<p>You can close this tab and return to Token Tray.</p>`,
  );
}
