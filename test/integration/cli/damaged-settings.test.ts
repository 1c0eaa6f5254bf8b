import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passwordProfile } from './support/profiles';
import { useCliSuite } from './support/suite';

describe('pmtoken with a settings file that is partly wrong, or without a keychain', () => {
  const suite = useCliSuite();

  const editProfiles = async (change: (p: Record<string, unknown>) => void) => {
    const path = join(suite.configDir, 'config.json');
    const settings = JSON.parse(await readFile(path, 'utf8')) as { profiles: Array<Record<string, unknown>> };
    for (const p of settings.profiles) change(p);
    await writeFile(path, JSON.stringify(settings));
  };

  it('a profile that does not fit is set aside: no token from it, the others still work', async () => {
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'good');
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'broken');
    await editProfiles((p) => {
      if (p.name === 'broken') p.instanceUrl = 'not a web address';
    });

    const refused = await suite.run(['token', 'broken']);
    expect(refused.stdout).toBe('');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('There is no profile called “broken”');

    const token = await suite.run(['token', 'good']);
    expect(token.code).toBe(0);
    expect(token.stdout.trim().length).toBeGreaterThan(20);

    const listed = await suite.run(['profiles']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('good');
    expect(listed.stdout).not.toContain('broken');
    expect(listed.stderr).toContain(
      'The profile “broken” was set aside because its server address is not a web address',
    );
  });

  it('a folder in place of config.json: every command says so in a plain sentence, and the folder stays', async () => {
    const path = join(suite.configDir, 'config.json');
    await mkdir(path);
    await writeFile(join(path, 'keep.txt'), 'mine');
    const commands = [
      ['profiles'],
      ['token', 'acme'],
      ['status'],
      ['env'],
      ['request', 'users'],
      ['login', 'acme', '--username', 'jane', '--password-stdin'],
      ['use', 'acme'],
      ['logout', 'acme'],
      ['add', 'acme', '--url', suite.pm.url, '--client-id', '2', '--grant', 'password'],
    ];
    for (const args of commands) {
      const res = await suite.run(args, '\n');
      expect(res.stderr, args.join(' ')).toContain(
        `pmtoken: Token Tray cannot use its settings file ${path}: something other than a file is in its place`,
      );
      expect(res.stderr, args.join(' ')).toContain(`Move ${path} out of the way`);
      expect(res.stderr).not.toContain('Something went wrong');
      expect(res.code, args.join(' ')).toBe(1);
    }
    expect(await readFile(join(path, 'keep.txt'), 'utf8')).toBe('mine');
  }, 60_000);

  it('without a keychain, `pmtoken profiles` still lists every profile as "keychain unavailable"', async () => {
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'first');
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'second');
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/token-tray-test-bus' };

    const listed = await suite.run(['profiles'], undefined, noBus);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n').slice(1);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/keychain unavailable$/);

    const json = await suite.run(['profiles', '--json'], undefined, noBus);
    const views = JSON.parse(json.stdout) as Array<{ name: string; status: { state: string } }>;
    expect(views.map((v) => [v.name, v.status.state])).toEqual([
      ['first', 'keychain_unavailable'],
      ['second', 'keychain_unavailable'],
    ]);

    const token = await suite.run(['token', 'first'], undefined, noBus);
    expect(token.code).toBe(5);
    expect(token.stdout).toBe('');
  });
});
