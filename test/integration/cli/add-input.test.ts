import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSuite } from './support/suite';

describe('pmtoken add with odd input', () => {
  const suite = useCliSuite();
  const clientId = () => String(suite.pm.seed.passwordClient.id);

  it('names --allow-insecure when a plain http address is refused', async () => {
    const res = await suite.run(['add', 'acme', '--url', 'http://acme.example.com', '--client-id', '7']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('This address does not use a secure connection (https).');
    expect(res.stderr).toContain('--allow-insecure');
    // `*.localhost` is not this computer, so it needs the same confirmation.
    const evil = await suite.run(['add', 'evil', '--url', 'http://evil.localhost:8080', '--client-id', '7']);
    expect(evil.code).toBe(2);
    expect(evil.stderr).toContain('--allow-insecure');
  });

  it('an email address given as --url is named as such, with an example of a server address', async () => {
    const res = await suite.run(['add', 'acme', '--url', 'jane@acme.com', '--client-id', '7']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'pmtoken: That looks like an email address, not the address of a server.\n' +
        'Type the address you use to open ProcessMaker in your browser, for example acme.processmaker.net.\n',
    );
  });

  it('refuses names with control characters or over 80 characters, and stores nothing', async () => {
    // (A NUL cannot be passed on a command line at all; the unit tests cover it.)
    for (const name of ['bad\u001b]0;owned\u0007', 'bell\u0007', 'x'.repeat(81)]) {
      const res = await suite.run(['add', name, '--url', 'acme.example.com', '--client-id', '7']);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/control characters|too long/);
    }
    const ok = await suite.run(['add', 'y'.repeat(80), '--url', 'acme.example.com', '--client-id', 'web-client']);
    expect(ok.code).toBe(0);
    const settings = JSON.parse(await readFile(join(suite.configDir, 'config.json'), 'utf8')) as {
      profiles: Array<{ name: string; clientId: string }>;
    };
    expect(settings.profiles.map((p) => [p.name, p.clientId])).toEqual([['y'.repeat(80), 'web-client']]);
  });

  it('--help does not call the client ID a number', async () => {
    const help = await suite.run(['add', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--client-id ID');
    expect(help.stdout).not.toMatch(/a number/i);
  });

  it('a local address typed without http:// that cannot be reached hints that the server may speak http', async () => {
    const host = new URL(suite.pm.url).host;
    const added = await suite.run(['add', 'local', '--url', host, '--client-id', clientId(), '--grant', 'password']);
    expect(added.code).toBe(0);
    const login = await suite.run(
      ['login', 'local', '--username', suite.pm.seed.user.username, '--password-stdin'],
      `${suite.pm.seed.user.password}\n`,
    );
    expect(login.code).toBe(4);
    expect(login.stderr).toContain('Token Tray could not reach the ProcessMaker server.');
    expect(login.stderr).toContain(`If it speaks plain http, type the address with http:// in front: http://${host}`);
  });
});
