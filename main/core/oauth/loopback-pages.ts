/**
 * The small pages the loopback listener shows in the browser after sign-in.
 * Static HTML, no script, no outside resources; messages are escaped.
 */
import { english, type MessageKey, type Translator } from '../../i18n';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(say: Translator, title: string, heading: string, body: string): string {
  return `<!doctype html>
<html lang="${say.locale}">
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

/**
 * Shown after a successful sign-in, in `say`'s language (pmtoken's pages are English). The profile's
 * name is escaped before it goes into the sentence, then set in bold.
 */
export function successPage(profileName: string, returnTo: ReturnTo = 'app', say: Translator = english): string {
  const who = returnTo === 'app' ? 'Token Tray' : 'pmtoken';
  const signedIn = escapeHtml(say.t('app.loopback.signed_in', { who, name: '\u0000' })).replace(
    '\u0000',
    `<strong>${escapeHtml(profileName)}</strong>`,
  );
  return page(
    say,
    say.t('app.loopback.signed_in.title'),
    say.t('app.loopback.signed_in.heading'),
    `<p>${signedIn}</p><p>${escapeHtml(say.t(backKey[returnTo]))}</p>`,
  );
}

const backKey = { app: 'app.loopback.back.app', terminal: 'app.loopback.back.terminal' } as const satisfies Record<
  ReturnTo,
  MessageKey
>;

/** Shown when sign-in did not work, with the sentence and next step (already in the page's language). */
export function errorPage(
  message: string,
  nextStep?: string,
  returnTo: ReturnTo = 'app',
  say: Translator = english,
): string {
  return page(
    say,
    say.t('app.loopback.failed.title'),
    say.t('app.loopback.failed.heading'),
    `<p>${escapeHtml(message)}</p>${nextStep ? `<p>${escapeHtml(nextStep)}</p>` : ''}<p>${escapeHtml(say.t(backKey[returnTo]))}</p>`,
  );
}
