import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../../main/core/tokens';
import { authorizeInBrowser } from '../../server/browser';
import { closedPort } from '../core/support/servers';
import { finished, spawnCli } from './support/cli';
import { passwordProfile } from './support/profiles';
import { waitForStderr } from './support/streams';
import { useCliSuite } from './support/suite';

describe('pmtoken login, token and whoami', () => {
  const fx = useCliSuite();
  const { run } = fx;

  const user = () => fx.pm.seed.user;
  const expectedWho = () => `${user().firstname} ${user().lastname} (${user().username}) <${user().email}>\n`;

  it('signs in with a password from stdin, then prints a working token and the user', async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm);
    const token = await run(['token']);
    expect(token.code).toBe(0);
    expect(token.stderr).toBe('');
    expect(token.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(decodeJwtClaims(token.stdout.trim())?.sub).toBe(String(user().id));
    const api = await fetch(`${fx.pm.url}/api/1.0/users/${user().id}`, {
      headers: { Authorization: `Bearer ${token.stdout.trim()}` },
    });
    expect(api.status).toBe(200);
    const who = await run(['whoami']);
    expect(who.code).toBe(0);
    expect(who.stdout).toBe(expectedWho());
    // The password never lands in the settings file.
    expect(await readFile(join(fx.configDir, 'config.json'), 'utf8')).not.toContain(user().password);
  });

  it('says a wrong password plainly and exits with 3', async () => {
    const client = fx.pm.seed.passwordClient;
    await run(
      [
        'add',
        'pw',
        '--url',
        fx.pm.url,
        '--client-id',
        String(client.id),
        '--grant',
        'password',
        '--client-secret-stdin',
      ],
      client.secret ?? '',
    );
    const res = await run(['login', 'pw', '--username', user().username, '--password-stdin'], 'wrong-password\n');
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('The username or password is not correct.');
    expect((await run(['token', 'pw'])).code).toBe(3);
  });

  it('asks for --password-stdin instead of reading a password from the command line', async () => {
    const client = fx.pm.seed.passwordClient;
    await run(
      [
        'add',
        'pw',
        '--url',
        fx.pm.url,
        '--client-id',
        String(client.id),
        '--grant',
        'password',
        '--client-secret-stdin',
      ],
      client.secret ?? '',
    );
    const res = await run(['login', 'pw', '--username', user().username]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--password-stdin');
  });

  it('stores a personal access token from stdin after ProcessMaker accepted it', async () => {
    await run(['add', 'pat', '--url', fx.pm.url, '--grant', 'pat']);
    const pat = await fx.pm.issuePersonalAccessToken(user().id, 'pmtoken test');
    const login = await run(['login', 'pat', '--pat-stdin'], `${pat}\n`);
    expect(login.code).toBe(0);
    expect(login.stderr).toContain('Signed in to “pat”');
    expect((await run(['token', 'pat'])).stdout).toBe(`${pat}\n`);
    expect((await run(['whoami', 'pat'])).stdout).toBe(expectedWho());
    const out = await run(['logout', 'pat']);
    expect(out.stderr).toContain('Revoke the token in ProcessMaker');
  });

  it('refuses a personal access token ProcessMaker does not accept', async () => {
    await run(['add', 'pat', '--url', fx.pm.url, '--grant', 'pat']);
    const res = await run(['login', 'pat', '--pat-stdin'], 'not-a-real-token\n');
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('ProcessMaker did not accept this token.');
  });

  it('signs in through the browser on a loopback address with --no-browser', async () => {
    const client = fx.pm.seed.codeClient;
    await run(
      ['add', 'web', '--url', fx.pm.url, '--client-id', String(client.id), '--client-secret-stdin'],
      client.secret ?? '',
    );
    const child = spawnCli(fx.cli, ['--config-dir', fx.configDir, 'login', 'web', '--no-browser']);
    const done = finished(child);
    const [authorizeUrl = ''] = await waitForStderr(child, /http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+/);
    const callback = await authorizeInBrowser(authorizeUrl, { username: user().username, password: user().password });
    expect(callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\?code=/);
    const page = await fetch(callback);
    expect(page.status).toBe(200);
    // Someone in a terminal is sent back to it, not to an app they may not have open.
    const html = await page.text();
    expect(html).toContain('You can close this tab and return to your terminal.');
    expect(html).not.toContain('return to Token Tray');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Signed in to “web” as ${user().firstname} ${user().lastname}`);
    expect((await run(['whoami', 'web'])).stdout).toBe(expectedWho());
  });

  it('hands the sign-in address to the browser command and reports a refusal', async () => {
    const client = fx.pm.seed.codeClient;
    await run(
      ['add', 'web', '--url', fx.pm.url, '--client-id', String(client.id), '--client-secret-stdin'],
      client.secret ?? '',
    );
    const scratch = await mkdtemp(join(tmpdir(), 'pmtoken-browser-'));
    try {
      const urlFile = join(scratch, 'url.txt');
      const child = spawnCli(fx.cli, ['--config-dir', fx.configDir, 'login', 'web'], {
        env: { PMTOKEN_BROWSER: `printf '%s' >'${urlFile}'` },
      });
      const done = finished(child);
      await waitForStderr(child, /Waiting for the sign-in/);
      let opened = '';
      for (let i = 0; i < 100 && opened === ''; i += 1) {
        opened = await readFile(urlFile, 'utf8').catch(() => '');
        if (opened === '') await new Promise((r) => setTimeout(r, 50));
      }
      expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?/);
      // The admin has never approved this client, so ProcessMaker shows the consent page (no silent approval).
      const admin = fx.pm.seed.admin;
      const callback = await authorizeInBrowser(opened, { username: admin.username, password: admin.password }, 'deny');
      expect(callback).toContain('error=access_denied');
      await fetch(callback);
      const result = await done;
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('Sign-in was cancelled.');
      expect((await run(['token', 'web'])).code).toBe(3);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('stops a waiting browser sign-in on Ctrl-C with exit code 130', async () => {
    const client = fx.pm.seed.codeClient;
    await run(
      ['add', 'web', '--url', fx.pm.url, '--client-id', String(client.id), '--client-secret-stdin'],
      client.secret ?? '',
    );
    const child = spawnCli(fx.cli, ['--config-dir', fx.configDir, 'login', 'web', '--no-browser']);
    const done = finished(child);
    const [authorizeUrl = ''] = await waitForStderr(child, /http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+/);
    const redirect = new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '';
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('pmtoken: Stopped.');
    // The loopback listener is gone with the flow.
    await expect(fetch(`${redirect}?code=x&state=y`)).rejects.toThrow();
  });

  it('reports an unreachable server with exit code 4', async () => {
    const port = await closedPort();
    const client = fx.pm.seed.passwordClient;
    await run([
      'add',
      'gone',
      '--url',
      `http://127.0.0.1:${port}`,
      '--client-id',
      String(client.id),
      '--grant',
      'password',
    ]);
    const res = await run(['login', 'gone', '--username', 'x', '--password-stdin'], 'y\n');
    expect(res.code).toBe(4);
    expect(res.stderr).toContain('could not reach the ProcessMaker server');
  });
});
