import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli';
import { passwordProfile } from './support/profiles';
import { useCliSuite } from './support/suite';

// Each test runs pmtoken several times over (two people's settings folders): more than one default time limit.
describe('pmtoken setup: profiles handed over by a setup link or file', { timeout: 90_000 }, () => {
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
        expect(look.stderr).toContain('It includes the Auth Client secret, kept in your keychain.');
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

  it('a link carries the Auth Client secret by default; one made without it asks for it, checked before saving', async () => {
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'Acme');
    const client = suite.pm.seed.passwordClient;
    const full = await suite.run(['setup', 'export', 'Acme', '--link']);
    expect(full.code).toBe(0);
    expect(full.stderr).toBe('');
    expect(full.stdout).toContain('client_secret=');
    const bare = await suite.run(['setup', 'export', 'Acme', '--link', '--without-secret']);
    expect(bare.stdout).not.toContain('client_secret=');
    expect(bare.stdout).toContain('needs_secret=true');
    // One warning line, on stderr: the link itself stays alone on stdout.
    expect(bare.stderr.trim().split('\n')).toEqual([
      'Warning: without the Auth Client secret, whoever uses this setup must ask you for it.',
    ]);

    const colleague = await mkdtemp(join(tmpdir(), 'pmtoken-colleague-'));
    const folder = await mkdtemp(join(tmpdir(), 'pmtoken-setup-'));
    try {
      const path = join(folder, 'Acme.pmtokentray');
      await writeFile(path, bare.stdout.trim());
      const look = await runCli(suite.cli, ['--config-dir', colleague, 'setup', path]);
      expect(look.stderr).toContain(
        'It needs the Auth Client secret, which whoever made it left out: ask them for it.',
      );
      // No terminal and no --client-secret-stdin: told how to give it, and nothing saved.
      const noSecret = await runCli(suite.cli, ['--config-dir', colleague, 'setup', path, '--yes']);
      expect(noSecret.code).toBe(2);
      expect(noSecret.stderr).toContain('This setup needs the Auth Client secret: ask whoever sent it');
      const wrong = await runCli(
        suite.cli,
        ['--config-dir', colleague, 'setup', path, '--yes', '--client-secret-stdin'],
        { stdin: 'not-the-secret\n' },
      );
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain('ProcessMaker did not accept the client secret you typed.');
      expect(wrong.stderr).not.toContain('Check both');
      expect((await runCli(suite.cli, ['--config-dir', colleague, 'profiles', '--names'])).stdout).toBe('');
      const right = await runCli(
        suite.cli,
        ['--config-dir', colleague, 'setup', path, '--yes', '--client-secret-stdin'],
        { stdin: `${client.secret ?? ''}\n` },
      );
      expect(right.stderr).toContain('Set up “Acme”. It is the active profile.');
      const login = await runCli(
        suite.cli,
        ['--config-dir', colleague, 'login', '--username', suite.pm.seed.user.username, '--password-stdin'],
        { stdin: `${suite.pm.seed.user.password}\n` },
      );
      expect(login.code).toBe(0);
    } finally {
      await rm(colleague, { recursive: true, force: true });
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('a setup that lacks a secret the Auth Client needs says so, not that the person’s values are wrong', async () => {
    const client = suite.pm.seed.passwordClient;
    // An older link, made before setups said that a secret was left out.
    const link = `pmtokentray://setup?v=1&name=Acme&url=${encodeURIComponent(suite.pm.url)}&kind=password&client_id=${client.id}`;
    const done = await suite.run(['setup', link, '--yes']);
    expect(done.code).not.toBe(0);
    expect(done.stderr).toContain('ProcessMaker wants this Auth Client’s secret, and the setup does not include it.');
    expect(done.stderr).not.toContain('Check both');
    expect((await suite.run(['profiles', '--names'])).stdout).toBe('');
  });

  it('a look-alike server is refused; another server never takes an existing profile’s name', async () => {
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'Acme');
    const before = await readFile(join(suite.configDir, 'config.json'), 'utf8');
    // The issue's own link: a Cyrillic "а" in front of "cme".
    const spoof = `pmtokentray://setup?v=1&name=Acme&url=https%3A%2F%2F%D0%B0cme.processmaker.net&kind=authorization_code&client_id=7`;
    const refused = await suite.run(['setup', spoof, '--yes']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      'The server in this setup, xn--cme-5cd.processmaker.net, mixes letters of different alphabets',
    );
    expect(refused.stderr).not.toContain('This updates');
    expect(await readFile(join(suite.configDir, 'config.json'), 'utf8')).toBe(before);

    // A name in one other alphabet is shown as punycode, with a warning, and gets a name of its own.
    const cyrillic = `pmtokentray://setup?v=1&name=Acme&url=https%3A%2F%2F${encodeURIComponent('асме')}.processmaker.net&kind=authorization_code&client_id=7`;
    const look = await suite.run(['setup', cyrillic]);
    expect(look.stderr).toContain('Server:  xn--80akut.processmaker.net\n');
    expect(look.stderr).toContain('This address uses letters from other alphabets; check it with your IT team.');
    expect(look.stderr).toContain('This adds the profile “Acme (2)”');
    expect(look.stderr).toContain(
      `Your profile “Acme” is for ${new URL(suite.pm.url).host}; this setup is for another server, xn--80akut.processmaker.net.`,
    );
    expect(look.stderr).not.toContain('This updates');

    // A plain-http setup is refused before anything is offered.
    const plain = await suite.run([
      'setup',
      `pmtokentray://setup?v=1&name=Intranet&url=${encodeURIComponent('http://pm.intranet.example')}&kind=personal_access_token`,
    ]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('plain http:// address; add --allow-insecure');
    expect(plain.stderr).not.toContain('This adds');
  });

  it('a folder or a named pipe in a setup file’s place is refused in words, never waited on', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pmtoken-setup-'));
    try {
      const dir = join(folder, 'x.pmtokentray');
      await mkdir(dir);
      const asFolder = await suite.run(['setup', dir]);
      expect(asFolder.code).not.toBe(0);
      expect(asFolder.stderr).toContain('This is a folder, not a setup file.');
      expect(asFolder.stderr).not.toContain('Something went wrong');
      const fifo = join(folder, 'pipe.pmtokentray');
      execFileSync('mkfifo', [fifo]);
      const asPipe = await suite.run(['setup', fifo]);
      expect(asPipe.code).not.toBe(0);
      expect(asPipe.stderr).toContain('This is not an ordinary file');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('links that must be refused, each in one sentence', async () => {
    await passwordProfile(suite.cli, suite.configDir, suite.pm, 'Acme');
    const link = await suite.run(['setup', 'export', 'Acme', '--link']);
    expect(link.stdout.startsWith('pmtokentray://setup?v=1&name=Acme&url=')).toBe(true);

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
