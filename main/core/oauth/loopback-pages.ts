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

/** Where the person goes back to after the browser: the tray app, or the terminal running `pmtoken login`. */
export type ReturnTo = 'app' | 'terminal';

const wording: Record<ReturnTo, { who: string; back: string }> = {
  app: { who: 'Token Tray', back: 'You can close this tab and return to Token Tray.' },
  terminal: { who: 'pmtoken', back: 'You can close this tab and return to your terminal.' },
};

/** Shown after a successful sign-in. */
export function successPage(profileName: string, returnTo: ReturnTo = 'app'): string {
  const { who, back } = wording[returnTo];
  return page(
    'Signed in - Token Tray',
    'You are signed in',
    `<p>${who} is now signed in to <strong>${escapeHtml(profileName)}</strong>.</p><p>${back}</p>`,
  );
}

/** Shown when sign-in did not work, with the plain sentence and next step. */
export function errorPage(message: string, nextStep?: string, returnTo: ReturnTo = 'app'): string {
  return page(
    'Sign-in did not finish - Token Tray',
    'Sign-in did not finish',
    `<p>${escapeHtml(message)}</p>${nextStep ? `<p>${escapeHtml(nextStep)}</p>` : ''}<p>${wording[returnTo].back}</p>`,
  );
}
