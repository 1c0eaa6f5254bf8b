import { spawn } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli';
import { passwordProfile } from './support/profiles';
import { useCliSuite } from './support/suite';

describe('pmtoken request', () => {
  const fx = useCliSuite({ configDir: 'per-file' });
  const { run } = fx;

  beforeAll(async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm, 'acme');
  });

  it('prints the JSON body of a GET on stdout', async () => {
    const res = await run(['request', 'GET', 'users?per_page=1']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    const body = JSON.parse(res.stdout) as { data: unknown[]; meta: { per_page: number } };
    expect(body.data).toHaveLength(1);
    expect(body.meta.per_page).toBe(1);
  });

  it('takes the profile as the first argument and shows headers with -i', async () => {
    const res = await run(['request', 'acme', 'get', `/users/${fx.pm.seed.user.id}`, '-i']);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/^HTTP 200 OK\n/);
    expect(res.stderr).toMatch(/^content-type: application\/json/m);
    expect((JSON.parse(res.stdout) as { username: string }).username).toBe(fx.pm.seed.user.username);
  });

  it('takes GET when no method is given, and POST when --data is', async () => {
    const id = fx.pm.seed.user.id;
    const alone = await run(['request', 'users?per_page=1']);
    expect(alone.code).toBe(0);
    expect((JSON.parse(alone.stdout) as { data: unknown[] }).data).toHaveLength(1);
    const named = await run(['request', 'acme', `users/${id}`]);
    expect(named.code).toBe(0);
    expect((JSON.parse(named.stdout) as { id: number }).id).toBe(id);
    const posted = await run(['request', `users/${id}/tokens`, '--data', '{"name":"posted","scopes":[]}']);
    expect(posted.code).toBe(0);
    expect((JSON.parse(posted.stdout) as { token: { name: string } }).token.name).toBe('posted');
  });

  it('names the profile in the next step when it is signed out, and never takes the method for a profile', async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm, 'idle');
    expect((await run(['logout', 'idle'])).code).toBe(0);
    for (const args of [
      ['request', 'idle', 'users'],
      ['request', 'idle', 'GET', 'users'],
    ]) {
      const res = await run(args);
      expect(res.code).toBe(3);
      expect(res.stderr).toContain('pmtoken login idle');
    }
    // Named by PMTOKEN_PROFILE: the method is not taken for a profile name.
    const fromEnv = await run(['request', 'GET', 'users'], undefined, { PMTOKEN_PROFILE: 'idle' });
    expect(fromEnv.code).toBe(3);
    expect(fromEnv.stderr).toContain('pmtoken login');
    expect(fromEnv.stderr).not.toContain('pmtoken login GET');
    expect((await run(['remove', 'idle'])).code).toBe(0);
  });

  it('exits with 1 for a 404, still prints the body, and says what to check', async () => {
    const res = await run(['request', 'GET', 'no/such/thing']);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toEqual({ error: 'Not Found' });
    // The console's advice, in the same words.
    expect(res.stderr).toBe(
      'pmtoken: ProcessMaker answered HTTP 404 Not Found.\n' +
        'ProcessMaker has nothing at this address. Check the path and any number in it (for example the id of a request or user).\n',
    );
  });

  it('POSTs a JSON body from --data, and from stdin with --data -', async () => {
    const id = fx.pm.seed.user.id;
    const res = await run([
      'request',
      'POST',
      `users/${id}/tokens`,
      '--data',
      '{"name":"from pmtoken","scopes":[]}',
      '-H',
      'X-Request-Id: cli-test',
    ]);
    expect(res.code).toBe(0);
    const created = JSON.parse(res.stdout) as { token: { name: string; user_id: number } };
    expect(created.token).toMatchObject({ name: 'from pmtoken', user_id: id });
    const piped = await run(['request', 'POST', `users/${id}/tokens`, '--data', '-'], '{"name":"piped","scopes":[]}\n');
    expect(piped.code).toBe(0);
    expect((JSON.parse(piped.stdout) as { token: { name: string } }).token.name).toBe('piped');
    const list = JSON.parse((await run(['request', 'GET', `users/${id}/tokens`])).stdout) as {
      data: Array<{ name: string }>;
    };
    expect(list.data.map((t) => t.name)).toEqual(expect.arrayContaining(['from pmtoken', 'piped']));
  });

  it('refuses a body that is not JSON before sending it, saying where in plain words', async () => {
    const before = fx.pm.stats.requests;
    const res = await run(['request', 'POST', 'users/1/tokens', '--data', '{name: 1}']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'pmtoken: The request body is not valid JSON: there is a mistake at line 1, column 2.\n' +
        `Put the JSON in single quotes, so that the shell keeps its double quotes: --data '{"name": "value"}'\n`,
    );
    // Quotes kept, a comma too many: the quoting advice would mislead.
    const comma = await run(['request', 'POST', 'users/1/tokens', '--data', '{"name": "x",}']);
    expect(comma.stderr).toBe(
      'pmtoken: The request body is not valid JSON: there is a mistake at line 1, column 14.\n' +
        'Fix the body, or leave it empty.\n',
    );
    expect(fx.pm.stats.requests).toBe(before);
  });

  it('refuses to send the token to another server', async () => {
    const res = await run(['request', 'GET', 'https://example.com/api/1.0/users']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('only sends your token to your ProcessMaker server');
  });

  it('rejects a header without a colon', async () => {
    const res = await run(['request', 'GET', 'users', '-H', 'NoColon']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("A header looks like -H 'Name: value'");
  });

  it('indents a JSON answer for a person at a terminal, and prints it as it came into a pipe', async () => {
    const id = fx.pm.seed.user.id;
    const piped = await run(['request', 'GET', `users/${id}`]);
    expect(piped.stdout.trim().split('\n')).toHaveLength(1);
    // `script` gives pmtoken a real terminal (a pty) for stdout and stderr; the pty writes \r\n.
    const command = [process.execPath, fx.cli.path, '--config-dir', fx.configDir, 'request', 'GET', `users/${id}`]
      .map((word) => `'${word.replace(/'/g, "'\\''")}'`)
      .join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, PMTOKEN_BROWSER: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const shown = out.replace(/\r\n/g, '\n');
    expect(shown).toContain(`{\n  "id": ${id},\n`);
    expect(shown).toContain(`\n  "username": "${fx.pm.seed.user.username}",\n`);
    expect(JSON.parse(shown)).toEqual(JSON.parse(piped.stdout));
  });

  it('escapes the control characters of a reason phrase, as it does for headers and bodies', async () => {
    // A relay in front of pm-server that rewrites a 503's reason phrase (Node's own server refuses
    // to send such a phrase; other servers and proxies do send one).
    const hostile = 'Busy\u001b]0;owned\u0007 \u009b2J now';
    const relay = createServer((socket) => {
      const upstream = connect(Number(new URL(fx.pm.url).port), '127.0.0.1');
      socket.pipe(upstream);
      upstream.on('data', (chunk: Buffer) =>
        socket.write(
          chunk.toString('latin1').replace('503 Service Unavailable', Buffer.from(`503 ${hostile}`).toString('latin1')),
          'latin1',
        ),
      );
      upstream.on('end', () => socket.end());
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
      const client = fx.pm.seed.passwordClient;
      const args = ['--config-dir', fx.configDir];
      const add = ['add', 'relay', '--url', url, '--client-id', String(client.id), '--grant', 'password'];
      expect(
        (await runCli(fx.cli, [...args, ...add, '--client-secret-stdin'], { stdin: `${client.secret ?? ''}\n` })).code,
      ).toBe(0);
      const login = ['login', 'relay', '--username', fx.pm.seed.user.username, '--password-stdin'];
      expect((await runCli(fx.cli, [...args, ...login], { stdin: `${fx.pm.seed.user.password}\n` })).code).toBe(0);
      for (const extra of [[], ['-i']]) {
        fx.pm.faults.failNext(1, 503);
        const res = await run(['request', 'relay', 'GET', 'users', ...extra]);
        expect(res.code, res.stderr).toBe(1);
        expect(res.stderr).toContain('HTTP 503 Busy\\x1b]0;owned\\x07 \\x9b2J now');
        for (const raw of ['\u001b', '\u0007', '\u009b']) expect(res.stderr).not.toContain(raw);
      }
      expect((await run(['remove', 'relay'])).code).toBe(0);
    } finally {
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  it('reports server errors with exit code 1 and the body', async () => {
    fx.pm.faults.failNext(1, 503);
    const res = await run(['request', 'GET', 'users']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('HTTP 503');
  });
});
