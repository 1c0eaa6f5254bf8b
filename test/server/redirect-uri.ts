/** The registered redirect URIs of a client (Passport stores them comma-separated). */
export function registeredRedirects(redirect: string): string[] {
  return redirect
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|\[::1\])(:\d*)?(?=[/?#]|$)/i;

/** Drops the port of a loopback URI, keeping everything else byte for byte. */
function withoutPort(uri: string): string {
  return uri.replace(LOOPBACK, (_m, host: string) => `http://${host}`);
}

/**
 * league's RedirectUriValidator: exact string match, except that for http://127.0.0.1 and
 * http://[::1] the port is ignored (RFC 8252 section 7.3). `localhost` gets no such leniency.
 */
export function redirectUriAllowed(requested: string, redirect: string): boolean {
  const allowed = registeredRedirects(redirect);
  if (LOOPBACK.test(requested)) {
    const bare = withoutPort(requested);
    return allowed.some((a) => withoutPort(a) === bare);
  }
  return allowed.includes(requested);
}
