import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cliLaunches, finished, spawnCli } from './support/cli';
import { passwordProfile } from './support/profiles';
import { waitForStderr } from './support/streams';
import { useCliSuite } from './support/suite';

const exec = promisify(execFile);

// The child reports what it was given; the token must come through the environment only.
const reportChild = `process.stdout.write(JSON.stringify({ token: process.env.PM_TOKEN, api: process.env.PM_API_URL, argv: process.argv })); process.exit(Number(process.argv[1] ?? 0))`;
const childSchema = z.strictObject({ token: z.string().min(20), api: z.url(), argv: z.array(z.string()) });

describe.for(cliLaunches)('pmtoken run and env (%s)', (launch) => {
  const fx = useCliSuite({ configDir: 'per-file', launch });
  const { run } = fx;
  let token = '';
  const signIn = async (): Promise<void> => {
    if (token) return;
    await passwordProfile(fx.cli, fx.configDir, fx.pm);
    token = (await run(['token'])).stdout.trim();
  };

  it('runs the command with PM_TOKEN and PM_API_URL in its environment, not in its arguments', async () => {
    await signIn();
    const res = await run(['run', 'pw', '--', process.execPath, '-e', reportChild, '0']);
    expect(res.code, res.stderr).toBe(0);
    const seen = childSchema.parse(JSON.parse(res.stdout));
    expect(seen.token).toBe(token);
    expect(seen.api).toBe(`${fx.pm.url}/api/1.0`);
    expect(seen.argv.join(' ')).not.toContain(token);
    // The token works against the API the child was pointed at.
    const users = await fetch(`${seen.api}/users`, { headers: { authorization: `Bearer ${seen.token}` } });
    expect(users.status).toBe(200);
  });

  it("returns the command's exit code, and 127 for a command that does not exist", async () => {
    await signIn();
    expect((await run(['run', '--', process.execPath, '-e', reportChild, '7'])).code).toBe(7);
    const missing = await run(['run', '--', 'pmtoken-no-such-command']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toContain('The command “pmtoken-no-such-command” was not found.');
  });

  it('asks for -- before the command', async () => {
    const res = await run(['run', 'pw', 'env']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Put -- before the command to run.');
  });

  it('passes Ctrl-C on to the command and exits with its code', async () => {
    await signIn();
    const waiting = `process.on('SIGINT', () => process.exit(42)); console.error('ready'); setInterval(() => {}, 1000)`;
    const child = spawnCli(fx.cli, ['--config-dir', fx.configDir, 'run', '--', process.execPath, '-e', waiting]);
    const done = finished(child);
    await waitForStderr(child, /ready/);
    child.kill('SIGINT');
    expect((await done).code).toBe(42);
  });

  it('prints export lines that a shell can load', async () => {
    await signIn();
    const res = await run(['env']);
    expect(res.code, res.stderr).toBe(0);
    const { stdout } = await exec('sh', ['-c', `${res.stdout}\nprintf '%s %s' "$PM_TOKEN" "$PM_API_URL"`]);
    expect(stdout).toBe(`${token} ${fx.pm.url}/api/1.0`);
    const ps = await run(['env', '--shell', 'powershell']);
    expect(ps.stdout).toBe(`$env:PM_TOKEN = '${token}'\n$env:PM_API_URL = '${fx.pm.url}/api/1.0'\n`);
    const json = z
      .strictObject({ PM_TOKEN: z.string(), PM_API_URL: z.url() })
      .parse(JSON.parse((await run(['env', '--json'])).stdout));
    expect(json).toEqual({ PM_TOKEN: token, PM_API_URL: `${fx.pm.url}/api/1.0` });
  });
});
