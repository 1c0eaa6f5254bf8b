import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli';
import { passwordProfile } from './support/profiles';
import { useCliSuite } from './support/suite';

describe('pmtoken setup: profiles handed over by a setup link or file', () => {
  const suite = useCliSuite();

  it('an administrator exports a profile; a colleague sets it up and only signs in', async () => {
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'Acme');
    const folder = await mkdtemp(join(tmpdir(), 'pmtoken-setup-'));
    try {
      const exported = await runCli(
        suite.cli,
        ['--config-dir', suite.configDir, 'setup', 'export', 'Acme', '--include-secret'],
        {
          cwd: folder,
        },
      );
      expect(exported.code).toBe(0);
      expect(exported.stderr).toContain('Wrote Acme.pmtokentray, with the Auth Client secret');
      const file = await readFile(join(folder, 'Acme.pmtokentray'), 'utf8');
      const fields = JSON.parse(file) as Record<string, unknown>;
      expect(Object.keys(fields).sort()).toEqual(['client_id', 'client_secret', 'color', 'kind', 'name', 'url', 'v']);
      // Nobody's sign-in is in it: not the access token, not the refresh token, not the username.
      const stored = JSON.parse(
        (await import('node:fs')).readFileSync(join(suite.configDir, 'config.json'), 'utf8'),
      ) as unknown;
      expect(JSON.stringify(stored)).not.toContain('accessToken');
      expect(file).not.toContain(suite.pm.seed.user.username);

      // The colleague: another settings folder, nothing typed but their sign-in.
      const colleague = await mkdtemp(join(tmpdir(), 'pmtoken-colleague-'));
      try {
        const path = join(folder, 'Acme.pmtokentray');
        const look = await runCli(suite.cli, ['--config-dir', colleague, 'setup', path]);
        expect(look.code).toBe(0);
        expect(look.stderr).toContain(`Server:  ${new URL(suite.pm.url).host}\n`);
        expect(look.stderr).toContain('This adds the profile “Acme” (sign in with a username and password).');
        expect(look.stderr).toContain('Nothing was changed. Run the same command with --yes to set it up.');
        expect((await runCli(suite.cli, ['--config-dir', colleague, 'profiles'])).stdout).not.toContain('Acme');

        const done = await runCli(suite.cli, ['--config-dir', colleague, 'setup', path, '--yes']);
        expect(done.code).toBe(0);
        expect(done.stderr).toContain('Set up “Acme”. It is the active profile.');
        expect(done.stderr).toContain('Next: pmtoken login Acme');
        const login = await runCli(
          suite.cli,
          ['--config-dir', colleague, 'login', 'Acme', '--username', suite.pm.seed.user.username, '--password-stdin'],
          { stdin: `${suite.pm.seed.user.password}\n` },
        );
        expect(login.code).toBe(0);
        const token = await runCli(suite.cli, ['--config-dir', colleague, 'token']);
        expect(token.code).toBe(0);
        expect(token.stdout.trim().length).toBeGreaterThan(20);

        // The same setup again offers an update of that profile, never a silent change.
        const again = await runCli(suite.cli, ['--config-dir', colleague, 'setup', path]);
        expect(again.stderr).toContain('This updates your profile “Acme”:');
      } finally {
        await rm(colleague, { recursive: true, force: true });
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('a link without the secret, and links that must be refused, each in one sentence', async () => {
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'Acme');
    const link = await suite.run(['setup', 'export', 'Acme', '--link']);
    expect(link.stdout.startsWith('pmtokentray://setup?v=1&name=Acme&url=')).toBe(true);
    expect(link.stdout).not.toContain('client_secret');

    const withToken = await suite.run(['setup', `${link.stdout.trim()}&access_token=eyJhbGciOi`]);
    expect(withToken.code).not.toBe(0);
    expect(withToken.stderr).toContain(
      'contains someone’s sign-in (a password or token), so Token Tray will not use it.',
    );
    const newer = await suite.run(['setup', link.stdout.trim().replace('v=1', 'v=9')]);
    expect(newer.stderr).toContain('This setup was made by a newer Token Tray.');
    const folder = await mkdtemp(join(tmpdir(), 'pmtoken-setup-'));
    try {
      const damaged = join(folder, 'x.pmtokentray');
      await writeFile(damaged, '{"v":1,');
      expect((await suite.run(['setup', damaged])).stderr).toContain('This setup file is damaged.');
      expect((await suite.run(['setup', join(folder, 'missing.pmtokentray')])).stderr).toContain(
        'Token Tray could not open this setup file.',
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('reads the setup from stdin with "-", as a script or another tool hands it over', async () => {
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'Acme');
    const link = (await suite.run(['setup', 'export', 'Acme', '--link', '--include-secret'])).stdout.trim();
    const colleague = await mkdtemp(join(tmpdir(), 'pmtoken-setup-stdin-'));
    try {
      const look = await runCli(suite.cli, ['--config-dir', colleague, 'setup', '-'], { stdin: `${link}\n` });
      expect(look.code).toBe(0);
      expect(look.stderr).toContain('This adds the profile “Acme”');
      const done = await runCli(suite.cli, ['--config-dir', colleague, 'setup', '-', '--yes'], { stdin: link });
      expect(done.stderr).toContain('Set up “Acme”. It is the active profile.');
    } finally {
      await rm(colleague, { recursive: true, force: true });
    }
  });
});
