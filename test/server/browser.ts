/**
 * A tiny cookie-keeping "browser" for tests: drives pm-server's login and consent pages with
 * plain fetch, so OAuth code flows can be tested without Chromium.
 */

/** Fetch with a cookie jar and manual redirects. */
export class CookieJar {
  private readonly jar = new Map<string, string>();

  /** Fetches without following redirects, sending and storing cookies. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  }

  /** Posts a form (application/x-www-form-urlencoded). */
  postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
  }
}

/** The hidden and text inputs of the form named `formName` in an HTML page. */
export function formFields(html: string, formName: string): Record<string, string> {
  const form = new RegExp(`<form[^>]*name="${formName}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  if (form === null) throw new Error(`The page has no form named "${formName}".`);
  const fields: Record<string, string> = {};
  for (const m of (form[1] ?? '').matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    fields[m[1] as string] = (m[2] as string).replace(/&#(\d+);/g, (_s, n: string) => String.fromCharCode(Number(n)));
  }
  return fields;
}

/** Resolves a Location header against the page it came from. */
const resolve = (base: string, res: Response): string => new URL(res.headers.get('location') ?? '', base).toString();

/**
 * Opens an /oauth/authorize URL like a person would: signs in when sent to /login, then presses
 * Authorize or Cancel on the consent page (or accepts Passport's silent approval). Returns the
 * Location the server finally redirects to (the client's redirect URI with code or error).
 */
export async function authorizeInBrowser(
  authorizeUrl: string,
  credentials: { username: string; password: string },
  decision: 'approve' | 'deny' = 'approve',
  jar: CookieJar = new CookieJar(),
): Promise<string> {
  const origin = new URL(authorizeUrl).origin;
  let res = await jar.fetch(authorizeUrl);
  if (res.status === 302 && new URL(resolve(authorizeUrl, res)).pathname === '/login') {
    const loginPage = await (await jar.fetch(`${origin}/login`)).text();
    const fields = formFields(loginPage, 'login');
    res = await jar.postForm(`${origin}/login`, {
      ...fields,
      username: credentials.username,
      password: credentials.password,
    });
    const next = resolve(origin, res);
    if (new URL(next).pathname === '/login') throw new Error('Sign-in failed: the server sent the login page back.');
    res = await jar.fetch(next);
  }
  if (res.status === 302) {
    const location = res.headers.get('location') ?? '';
    if (decision === 'deny' && new URL(location, origin).searchParams.has('code')) {
      throw new Error(
        'The server approved without showing the consent page (Passport skips it when the user already holds a live token for the client), so there was nothing to cancel. Add prompt=consent to the URL or start the server with skipConsentWhenTokenExists: false.',
      );
    }
    return location;
  }
  const page = await res.text();
  if (res.status !== 200) throw new Error(`The authorization page answered ${res.status}: ${page.slice(0, 300)}`);
  const form = formFields(page, decision);
  res = await jar.postForm(`${origin}/oauth/authorize`, form);
  if (res.status !== 302)
    throw new Error(`The consent form answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.headers.get('location') ?? '';
}
