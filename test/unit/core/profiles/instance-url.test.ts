import { describe, expect, it } from 'vitest';
import { isLoopbackHost, normaliseInstanceUrl } from '../../../../main/core/profiles';
import { TokenTrayError } from '../../../../main/core/errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof TokenTrayError ? err.code : 'not-a-token-tray-error';
  }
  return undefined;
}

describe('normaliseInstanceUrl', () => {
  it.each([
    ['acme.processmaker.net', 'https://acme.processmaker.net'],
    ['  acme.processmaker.net  ', 'https://acme.processmaker.net'],
    ['https://acme.processmaker.net/', 'https://acme.processmaker.net'],
    ['HTTPS://Acme.ProcessMaker.net', 'https://acme.processmaker.net'],
    ['https://acme.processmaker.net/login', 'https://acme.processmaker.net'],
    ['https://acme.processmaker.net/requests/12?x=1#top', 'https://acme.processmaker.net'],
    ['https://acme.processmaker.net/api/1.0/users', 'https://acme.processmaker.net'],
    ['https://acme.processmaker.net/oauth/authorize', 'https://acme.processmaker.net'],
    ['acme.processmaker.net/tasks', 'https://acme.processmaker.net'],
    ['https://acme.processmaker.net:443/', 'https://acme.processmaker.net'],
    ['https://acme.processmaker.net:8443/login', 'https://acme.processmaker.net:8443'],
    ['https://intranet.example.com/pm/login', 'https://intranet.example.com/pm'],
    ['http://localhost:8080/login', 'http://localhost:8080'],
    ['localhost:8080', 'https://localhost:8080'],
    ['http://127.0.0.1:41234', 'http://127.0.0.1:41234'],
    ['http://[::1]:9000/', 'http://[::1]:9000'],
  ])('%s becomes %s', (typed, expected) => {
    expect(normaliseInstanceUrl(typed)).toBe(expected);
  });

  it('refuses plain http to another computer unless the user confirmed', () => {
    expect(codeOf(() => normaliseInstanceUrl('http://acme.processmaker.net'))).toBe('insecure_url');
    expect(normaliseInstanceUrl('http://acme.processmaker.net/login', { allowInsecure: true })).toBe(
      'http://acme.processmaker.net',
    );
  });

  it.each([
    '',
    '   ',
    'not a url',
    'ftp://acme.processmaker.net',
    'mailto:admin@acme.com',
    'javascript:alert(1)',
    'https://',
    'acme',
    'https://user:pw@acme.processmaker.net',
    'https://acme_processmaker!.net',
  ])('rejects %j with invalid_input and a plain sentence', (typed) => {
    let error: unknown;
    try {
      normaliseInstanceUrl(typed);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TokenTrayError);
    expect((error as TokenTrayError).code).toBe('invalid_input');
    expect((error as TokenTrayError).message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('an email address typed as the server', () => {
  it.each(['jane@acme.com', 'jane.doe@acme.processmaker.net', ' jane@acme.com '])(
    '%j is said to be an email address, with an example of a server address',
    (typed) => {
      let error: unknown;
      try {
        normaliseInstanceUrl(typed);
      } catch (err) {
        error = err;
      }
      expect(error).toMatchObject({
        code: 'invalid_input',
        key: 'error.address.email',
        message: 'That looks like an email address, not the address of a server.',
        nextStep: 'Type the address you use to open ProcessMaker in your browser, for example acme.processmaker.net.',
      });
    },
  );

  it.each(['https://user:pw@acme.processmaker.net', 'https://jane@acme.processmaker.net'])(
    '%j still asks to leave the username and password out',
    (typed) => {
      expect(() => normaliseInstanceUrl(typed)).toThrow('Leave your username and password out of the server address.');
    },
  );
});

describe('isLoopbackHost: only localhost, 127.0.0.0/8 and [::1] never leave this computer', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '127.255.255.255', '[::1]'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    'evil.localhost',
    'localhost.evil.com',
    '127.0.0.1.evil.com',
    '128.0.0.1',
    '127.0.0.256',
    '0.0.0.0',
    '[::2]',
  ])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('so plain http to evil.localhost needs the same confirmation as any other host', () => {
    expect(codeOf(() => normaliseInstanceUrl('http://evil.localhost:8080'))).toBe('insecure_url');
    expect(normaliseInstanceUrl('http://evil.localhost:8080', { allowInsecure: true })).toBe(
      'http://evil.localhost:8080',
    );
    expect(normaliseInstanceUrl('http://127.0.0.2:8080')).toBe('http://127.0.0.2:8080');
  });
});
