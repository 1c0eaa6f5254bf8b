import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from '../../../../main/core/log';

const b64url = (n: number): string => randomBytes(n).toString('base64url');
const alnum = (n: number): string =>
  randomBytes(n * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, n);

describe('redactSecrets', () => {
  const jwt = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${b64url(120)}.${b64url(256)}`;
  const refresh = `def50200${randomBytes(200).toString('hex')}`;
  const secret = alnum(40);

  it.each([
    ['a JWT in a sentence', `token ${jwt} failed`],
    ['a refresh token', `refresh ${refresh}`],
    ['a Bearer header', `Authorization: Bearer ${alnum(12)}`],
    [
      'form parameters',
      `grant_type=refresh_token&refresh_token=${alnum(12)}&client_secret=${alnum(12)}&password=${alnum(12)}`,
    ],
    ['a callback code', `http://127.0.0.1:5000/oauth/callback?code=${alnum(30)}&state=xyz`],
    ['JSON fields', `{"access_token":"${alnum(12)}","password":"p\\"w${alnum(6)}"}`],
    ['a client secret', `secret is ${secret}.`],
  ])('hides %s', (_label, text) => {
    const out = redactSecrets(text);
    expect(out).toContain('[redacted]');
    for (const piece of [jwt, refresh, secret]) expect(out).not.toContain(piece);
    expect(out).not.toMatch(/(token|secret|password|code)=(?!\[redacted\])[A-Za-z0-9]/);
    expect(out).not.toMatch(/"(access_token|password)":"(?!\[redacted\])/);
  });

  it('leaves ordinary text alone', () => {
    const text = 'GET /api/1.0/users?page=2&error_code=7 answered 200 in 31 ms';
    expect(redactSecrets(text)).toBe(text);
  });

  it('redacts before the sink sees a line', () => {
    const lines: string[] = [];
    const logger = createLogger({
      info: (m) => lines.push(`I ${m}`),
      warn: (m) => lines.push(`W ${m}`),
      error: (m) => lines.push(`E ${m}`),
    });
    logger.info(`stored ${jwt}`);
    logger.warn(`refresh with ${refresh}`);
    logger.error('Bearer abc.def');
    expect(lines).toEqual(['I stored [redacted]', 'W refresh with [redacted]', 'E Bearer [redacted]']);
  });
});
