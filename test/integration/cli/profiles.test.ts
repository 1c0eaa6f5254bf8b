import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli';
import { passwordProfile } from './support/profiles';
import { useCliSuite } from './support/suite';

describe('pmtoken profiles, help and bad input', () => {
  // The single-file bundle (everything in pmtoken.js) must work too.
  const fx = useCliSuite({ split: false });
  const { run } = fx;

  it('documents every command and the exit codes in --help', async () => {
    const res = await runCli(fx.cli, ['--help']);
    expect(res.code).toBe(0);
    for (const word of [
      'add',
      'login',
      'token',
      'whoami',
      'request',
      'profiles',
      'use',
      'logout',
      'Exit codes:',
      '130',
    ])
      expect(res.stdout).toContain(word);
    const sub = await runCli(fx.cli, ['login', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--password-stdin');
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect((await runCli(fx.cli, ['--version'])).stdout).toBe(`${pkg.version}\n`);
  });

  it('adds profiles, lists them, and switches the active one', async () => {
    const secret = `${fx.pm.seed.codeClient.secret ?? ''}\n`;
    const add = await run(['add', 'first', '--url', fx.pm.url, '--client-id', '1', '--client-secret-stdin'], secret);
    expect(add.code).toBe(0);
    expect(add.stderr).toContain('Added profile “first”');
    expect((await run(['add', 'second', '--url', fx.pm.url, '--grant', 'pat'])).code).toBe(0);
    let list = await run(['profiles']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^\*\s+first\s+http:\/\/127\.0\.0\.1:\d+\s+code\s+not signed in$/m);
    expect(list.stdout).toMatch(/^\s+second\s+\S+\s+pat\s+not signed in$/m);
    const use = await run(['use', 'second']);
    expect(use.code).toBe(0);
    list = await run(['profiles', '--json']);
    const views = JSON.parse(list.stdout) as Array<{ name: string; active: boolean }>;
    expect(views.map((v) => [v.name, v.active])).toEqual([
      ['first', false],
      ['second', true],
    ]);
    // The CLI writes the same settings file the app reads.
    const settings = JSON.parse(await readFile(join(fx.configDir, 'config.json'), 'utf8')) as { profiles: unknown[] };
    expect(settings.profiles).toHaveLength(2);
  });

  it('finds the settings folder in PMTOKEN_CONFIG_DIR', async () => {
    const env = { PMTOKEN_CONFIG_DIR: fx.configDir };
    const stdin = `${fx.pm.seed.codeClient.secret ?? ''}\n`;
    const args = ['add', 'env', '--url', fx.pm.url, '--client-id', '1', '--client-secret-stdin'];
    expect((await runCli(fx.cli, args, { env, stdin })).code).toBe(0);
    expect((await run(['profiles'])).stdout).toContain('env');
    expect((await runCli(fx.cli, ['profiles'], { env })).stdout).toContain('env');
  });

  it('keeps the client secret out of the settings file', async () => {
    const secret = fx.pm.seed.codeClient.secret ?? '';
    expect(
      (await run(['add', 'code', '--url', fx.pm.url, '--client-id', '1', '--client-secret-stdin'], `${secret}\n`)).code,
    ).toBe(0);
    expect(await readFile(join(fx.configDir, 'config.json'), 'utf8')).not.toContain(secret);
    const views = JSON.parse((await run(['profiles', '--json'])).stdout) as Array<{ hasClientSecret: boolean }>;
    expect(views[0]?.hasClientSecret).toBe(true);
  });

  it('signs out but keeps the profile, and removes it on request', async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm);
    const out = await run(['logout']);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('Signed out of “pw”');
    const token = await run(['token']);
    expect(token.code).toBe(3);
    expect(token.stdout).toBe('');
    expect(token.stderr).toContain('This profile is signed out.');
    expect(token.stderr).toContain('pmtoken login');
    expect((await run(['remove', 'pw'])).code).toBe(0);
    expect((await run(['profiles', '--json'])).stdout).toBe('[]\n');
  });

  it.each([
    [['frobnicate'], 'Unknown command “frobnicate”.'],
    [['tokn'], 'Unknown command “tokn”. Did you mean “token”?'],
    [['token', '--forse-refresh'], 'Unknown option --forse-refresh. Did you mean --force-refresh?'],
    [['add'], 'Missing arguments.'],
    [['add', 'x'], 'Give the ProcessMaker address with --url'],
    [['add', 'x', '--url'], 'The option --url needs a value.'],
    [
      ['add', 'x', '--url', 'https://pm.example', '--grant', 'magic', '--client-id', '1'],
      '--grant must be code, password or pat',
    ],
    [['add', 'x', '--url', 'https://pm.example'], 'Give the Auth Client’s ID with --client-id'],
    [
      ['add', 'x', '--url', 'https://pm.example', '--client-id', '1', '--client-secret', 'oops'],
      'Unknown option --client-secret. Did you mean --client-secret-stdin?',
    ],
    [['request'], 'Missing arguments.'],
    [['request', 'GET'], 'Missing arguments: the path to call after GET, like users.'],
    [
      ['request', 'FETCH', 'users'],
      '“FETCH” is not an HTTP method (GET, POST, PUT, PATCH, DELETE or HEAD), nor a profile.',
    ],
    [['request', 'acme', 'FETCH', 'users'], '“FETCH” is not an HTTP method: use GET, POST'],
    [['token', 'a', 'b'], 'Too many arguments (“b”)'],
  ])('rejects %j with exit code 2 and a plain sentence', async (args, sentence) => {
    const res = await run(args);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(sentence);
    expect(res.stderr).toMatch(/Run "pmtoken( \w+)? --help"/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([['not a url at all'], ['ftp://pm.example'], ['https://']])(
    'rejects the address %j in plain words',
    async (url) => {
      const res = await run(['add', 'x', '--url', url, '--client-id', '1']);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^pmtoken: [A-Z].*\.\n/);
      expect((await run(['profiles', '--json'])).stdout).toBe('[]\n');
    },
  );

  it('refuses a plain-http address on another computer unless allowed', async () => {
    const res = await run(['add', 'x', '--url', 'http://pm.example.com', '--client-id', '1']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('does not use a secure connection');
    expect(
      (await run(['add', 'x', '--url', 'http://pm.example.com', '--client-id', '1', '--allow-insecure'])).code,
    ).toBe(0);
  });

  it('names an unknown profile and how to list them', async () => {
    await run(
      ['add', 'real', '--url', fx.pm.url, '--client-id', '1', '--client-secret-stdin'],
      `${fx.pm.seed.codeClient.secret ?? ''}\n`,
    );
    for (const args of [
      ['token', 'ghost'],
      ['use', 'ghost'],
      ['whoami', 'ghost'],
    ]) {
      const res = await run(args);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('There is no profile called “ghost”.');
      expect(res.stderr).not.toContain('Did you mean');
      expect(res.stderr).toContain('pmtoken profiles');
    }
    const typo = await run(['token', 'rael']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('There is no profile called “rael”. Did you mean “real”?');
    const fromEnv = await run(['token'], undefined, { PMTOKEN_PROFILE: 'Reel' });
    expect(fromEnv.stderr).toContain(
      'There is no profile called “Reel” (named by PMTOKEN_PROFILE). Did you mean “real”?',
    );
  });

  it('explains what to do when there are no profiles', async () => {
    const res = await run(['token']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('There are no profiles yet.');
    expect(res.stderr).toContain('pmtoken setup FILE');
  });
});
