import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useCliSuite } from './support/suite';

const exec = promisify(execFile);

/**
 * Pastes `line` (a "pmtoken login …" next step) into a real sh, in an empty folder, with a
 * `pmtoken` function that only prints its arguments; returns them and what the folder holds after.
 */
async function paste(line: string): Promise<{ args: string[]; created: string[] }> {
  const folder = await mkdtemp(join(tmpdir(), 'pmtoken-paste-'));
  try {
    const script = `pmtoken() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${line}\n`;
    const { stdout } = await exec('sh', ['-c', script], { cwd: folder });
    return { args: stdout.split('\0').slice(0, -1), created: await readdir(folder) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The "pmtoken login …" command in a next step printed on stderr. */
function loginLine(stderr: string): string {
  const match = /pmtoken login.*$/m.exec(stderr);
  if (!match) throw new Error(`no next step in: ${stderr}`);
  return match[0];
}

describe('next steps that name a profile paste into a shell as that name, running nothing', () => {
  const fx = useCliSuite();
  const names = ['Acme $(touch ran-dollar) `touch ran-tick`', "O'Brien's $(touch ran-quote)", 'plain-name'];

  it('after pmtoken add, setup and a signed-out profile', async () => {
    const client = fx.pm.seed.passwordClient;
    for (const [i, name] of names.entries()) {
      const add = ['add', name, '--url', fx.pm.url, '--client-id', String(client.id), '--grant', 'password'];
      const added = await fx.run([...add, '--client-secret-stdin'], `${client.secret ?? ''}\n`);
      expect(added.code, added.stderr).toBe(0);
      expect(await paste(loginLine(added.stderr))).toEqual({ args: ['login', name], created: [] });

      const signedOut = await fx.run(['token', name]);
      expect(signedOut.code).toBe(3);
      expect(await paste(loginLine(signedOut.stderr))).toEqual({ args: ['login', name], created: [] });

      const setupName = `${name} ${i}`;
      const setup = JSON.stringify({ v: 1, name: setupName, url: fx.pm.url, kind: 'password', client_id: '2' });
      const set = await fx.run(['setup', '-', '--yes'], setup);
      expect(set.code, set.stderr).toBe(0);
      expect(await paste(loginLine(set.stderr))).toEqual({ args: ['login', setupName], created: [] });
    }
    // A plain name stays bare, as a person would type it.
    expect((await fx.run(['token', 'plain-name'])).stderr).toContain('Sign in first: pmtoken login plain-name\n');
  });
});
