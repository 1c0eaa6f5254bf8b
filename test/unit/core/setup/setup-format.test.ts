import { describe, expect, it } from 'vitest';
import {
  parseSetup,
  planSetup,
  SETUP_MAX_CHARS,
  setupFile,
  setupFileName,
  setupLink,
  type SetupSource,
} from '../../../../main/core/setup';

const acme: SetupSource = {
  name: 'Acme Production',
  instanceUrl: 'https://acme.processmaker.net',
  grant: 'authorization_code',
  clientId: '7',
  redirectMode: 'loopback',
  color: '#c2410c',
  production: true,
  scope: '*',
};

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return `${(err as { code?: string }).code}: ${(err as Error).message}`;
  }
  return 'no error';
};

describe('setup links and files', () => {
  it('a link and a file written from a profile read back as the same setup', () => {
    const link = setupLink(acme);
    expect(
      link.startsWith('pmtokentray://setup?v=1&name=Acme+Production&url=https%3A%2F%2Facme.processmaker.net'),
    ).toBe(true);
    const expected = {
      version: 1,
      name: 'Acme Production',
      instanceUrl: 'https://acme.processmaker.net',
      grant: 'authorization_code',
      clientId: '7',
      redirectMode: 'loopback',
      color: '#c2410c',
      production: true,
      scope: '*',
      insecure: false,
      needsSecret: false,
      hostScript: 'plain',
    };
    expect(parseSetup(link)).toEqual(expected);
    expect(parseSetup(setupFile(acme))).toEqual(expected);
    expect(JSON.parse(setupFile(acme))).toMatchObject({ v: 1, production: true, kind: 'authorization_code' });
  });

  it('carries the Auth Client secret, or says that its maker left it out', () => {
    expect(setupLink(acme)).not.toContain('client_secret');
    expect(parseSetup(setupLink(acme, 's3cret')).clientSecret).toBe('s3cret');
    expect(parseSetup(setupLink(acme, 's3cret')).needsSecret).toBe(false);
    const leftOut = setupLink(acme, undefined, { needsSecret: true });
    expect(leftOut).toContain('needs_secret=true');
    expect(leftOut).not.toContain('client_secret');
    expect(parseSetup(leftOut)).toMatchObject({ needsSecret: true, clientId: '7' });
    expect(parseSetup(setupFile(acme, undefined, { needsSecret: true }))).toMatchObject({ needsSecret: true });
    expect(code(() => parseSetup(`${setupLink(acme)}&needs_secret=maybe`))).toMatch(/“needs_secret” mark/);
    // A personal access token profile has no client to carry.
    const pat = { ...acme, grant: 'personal_access_token' as const };
    expect(setupFile(pat, 's3cret')).not.toContain('client');
  });

  it('refuses a link or file holding someone’s sign-in, saying why', () => {
    for (const field of ['password', 'access_token', 'refresh_token', 'token', 'personal_access_token']) {
      expect(code(() => parseSetup(`${setupLink(acme)}&${field}=abc`))).toMatch(
        /^setup_has_credentials: .*password or token/,
      );
    }
    expect(code(() => parseSetup(JSON.stringify({ ...JSON.parse(setupFile(acme)), Password: 'x' })))).toMatch(
      /^setup_has_credentials/,
    );
  });

  it.each([
    ['not a setup at all', 'hello', 'neither a Token Tray setup link nor a setup file'],
    ['a damaged file', '{"v":1,', 'This setup file is damaged.'],
    ['an OAuth callback', 'pmtokentray://oauth/callback?code=x&state=y', 'not a setup link'],
    ['a newer version', setupLink(acme).replace('v=1', 'v=2'), 'made by a newer Token Tray'],
    ['no version', setupLink(acme).replace('v=1&', ''), 'does not say which version'],
    ['no address in a file', setupFile({ ...acme, instanceUrl: '' }), 'which ProcessMaker server'],
    ['no address in a link', setupLink({ ...acme, instanceUrl: '' }), 'looks cut short'],
    ['a file: address', setupLink({ ...acme, instanceUrl: 'file:///etc/passwd' }), 'must start with https://'],
    ['javascript:', setupLink({ ...acme, instanceUrl: 'javascript:alert(1)' }), 'must start with https://'],
    ['no client in a file', setupFile({ ...acme, clientId: undefined }), 'which Auth Client'],
    ['a link cut short before its Auth Client', setupLink(acme).split('&client_id')[0]!, 'looks cut short'],
    ['a link cut short before its name', setupLink(acme).split('&name')[0]!, 'looks cut short'],
    ['a field written in another case', `${setupLink(acme)}&Client_Secret=s3cret`, 'does not know (“Client_Secret”)'],
    ['an unknown kind', setupLink(acme).replace('kind=authorization_code', 'kind=magic'), 'does not know'],
    ['an unknown field', `${setupLink(acme)}&extra=1`, 'does not know (“extra”)'],
    ['a field twice', `${setupLink(acme)}&name=Other`, '“name” twice'],
    ['a control character in the name', setupLink({ ...acme, name: 'Acme\u001b[2J' }), 'control characters'],
    ['a bad colour', `${setupLink({ ...acme, color: null })}&color=red`, 'colour'],
    ['invalid UTF-8 in a link', setupLink(acme).replace('name=Acme', 'name=Acme%FF%FE'), 'This setup link is damaged.'],
    [
      'invalid UTF-8 in a file',
      Buffer.from([...Buffer.from('{"v":1,"name":"Acme'), 0xff, ...Buffer.from('"}')]).toString('utf8'),
      'This setup file is damaged.',
    ],
  ])('%s gives one plain sentence', (_what, input, words) => {
    expect(code(() => parseSetup(input))).toMatch(
      new RegExp(`^setup_invalid: .*${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('refuses anything longer than a setup can be', () => {
    const long = `${setupLink(acme)}&scope=${'a'.repeat(SETUP_MAX_CHARS)}`;
    expect(code(() => parseSetup(long))).toBe(
      'setup_invalid: This setup link or file is too long to be a Token Tray setup.',
    );
  });

  it('marks a plain-http address for the confirmation to warn about, and honours the organisation’s allowed servers', () => {
    expect(parseSetup(setupLink({ ...acme, instanceUrl: 'http://pm.intranet' }))).toMatchObject({
      instanceUrl: 'http://pm.intranet',
      insecure: true,
    });
    expect(parseSetup(setupLink({ ...acme, instanceUrl: 'http://127.0.0.1:8080' })).insecure).toBe(false);
    const allowed = (url: string) => url === 'https://acme.processmaker.net';
    expect(parseSetup(setupLink(acme), { isServerAllowed: allowed }).name).toBe('Acme Production');
    expect(
      code(() => parseSetup(setupLink({ ...acme, instanceUrl: 'https://evil.example' }), { isServerAllowed: allowed })),
    ).toMatch(/^server_not_allowed: Your organisation does not allow/);
  });

  // One parser judges every server name: shown as punycode, warned of, or refused as a look-alike.
  it.each([
    ['plain ASCII', 'https://acme.processmaker.net', 'acme.processmaker.net', 'plain'],
    ['upper case', 'https://ACME.ProcessMaker.NET', 'acme.processmaker.net', 'plain'],
    ['a trailing dot', 'https://acme.processmaker.net.', 'acme.processmaker.net', 'plain'],
    ['a trailing dot and a port', 'https://acme.processmaker.net.:8443', 'acme.processmaker.net:8443', 'plain'],
    ['Latin with accents', 'https://münchen.processmaker.net', 'xn--mnchen-3ya.processmaker.net', 'non_ascii'],
    ['already punycode', 'https://xn--mnchen-3ya.processmaker.net', 'xn--mnchen-3ya.processmaker.net', 'non_ascii'],
    ['whole-script Cyrillic', 'https://асме.processmaker.net', 'xn--80akut.processmaker.net', 'non_ascii'],
    ['Japanese with Latin', 'https://例えばabc.jp', 'xn--abc-763b6hn38o.jp', 'non_ascii'],
  ])('%s: the server is shown as %s', (_what, url, host, kind) => {
    const setup = parseSetup(setupLink({ ...acme, instanceUrl: url }));
    expect(new URL(setup.instanceUrl).host).toBe(host);
    expect(setup.hostScript).toBe(kind);
  });

  it.each([
    ['Latin with one Cyrillic letter', 'https://аcme.processmaker.net', 'xn--cme-5cd.processmaker.net'],
    ['the same in upper case', 'https://АCME.processmaker.net', 'xn--cme-5cd.processmaker.net'],
    ['the same as punycode', 'https://xn--cme-5cd.processmaker.net', 'xn--cme-5cd.processmaker.net'],
    ['the same with a trailing dot', 'https://xn--cme-5cd.processmaker.net.', 'xn--cme-5cd.processmaker.net'],
    ['Latin with Greek', 'https://αcme.com', 'xn--cme-nxc.com'],
    ['Cyrillic with Greek', 'https://асмε.com', ''],
  ])('%s is refused as a look-alike unless the organisation lists it', (_what, url, host) => {
    const link = setupLink({ ...acme, instanceUrl: url });
    expect(code(() => parseSetup(link))).toMatch(/^setup_invalid: The server in this setup, .* mixes letters/);
    if (host) expect(code(() => parseSetup(link))).toContain(host);
    // An organisation that lists the server itself may use it: it is then shown with the warning.
    const listed = parseSetup(link, { isServerListed: () => true });
    expect(listed.hostScript).toBe('non_ascii');
    expect(code(() => parseSetup(link, { isServerListed: () => false }))).toMatch(/mixes letters/);
  });

  it('never gives a new setup the name of a profile for another server, and notes a look-alike name', () => {
    const existing = { ...acme, id: 'p1', name: 'Acme', instanceUrl: 'https://acme.processmaker.net' };
    const lookalike = parseSetup(setupLink({ ...acme, name: 'Acme', instanceUrl: 'https://асме.processmaker.net' }));
    expect(planSetup(lookalike, [existing])).toEqual({
      action: 'add',
      name: 'Acme (2)',
      renamedFrom: 'Acme',
      renamedFromHost: 'acme.processmaker.net',
    });
    // The same server and kind is an update, named as such; nothing else ever is.
    expect(planSetup(parseSetup(setupLink({ ...acme, name: 'Acme' })), [existing])).toMatchObject({
      action: 'update',
      profileId: 'p1',
    });
    const mine = { ...existing, name: 'Mine' };
    expect(
      planSetup(parseSetup(setupLink({ ...acme, name: 'Мine', instanceUrl: 'https://other.example' })), [mine]),
    ).toEqual({ action: 'add', name: 'Мine', looksLike: 'Mine' });
    expect(
      planSetup(parseSetup(setupLink({ ...acme, name: 'Minerva', instanceUrl: 'https://other.example' })), [mine]),
    ).toEqual({ action: 'add', name: 'Minerva' });
  });

  it('names a setup file safely on every system', () => {
    expect(setupFileName('Acme Production')).toBe('Acme Production.pmtokentray');
    expect(setupFileName('R&D / Test: "new"')).toBe('R&D - Test- -new-.pmtokentray');
    expect(setupFileName('...')).toBe('profile.pmtokentray');
  });
});
