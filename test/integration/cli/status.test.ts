import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SIGN_IN_KINDS } from '../../../main/core';
import { cliLaunches, runCli } from './support/cli';
import { passwordProfile } from './support/profiles';
import { useCliSuite } from './support/suite';

const statusSchema = z.strictObject({
  profiles: z.array(
    z.strictObject({
      name: z.string(),
      active: z.boolean(),
      url: z.url(),
      grant: z.enum(SIGN_IN_KINDS),
      signed_in: z.boolean(),
      state: z.enum(['signed_in', 'never', 'signed_out', 'session_expired']),
      expires_at: z.iso.datetime().nullable(),
      refreshable: z.boolean(),
      user: z
        .object({ id: z.string(), name: z.string(), username: z.string().optional(), email: z.string().optional() })
        .nullable(),
    }),
  ),
});

const errorSchema = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), next_step: z.string().nullable() }),
});

describe.for(cliLaunches)('pmtoken status, help, PMTOKEN_PROFILE and JSON errors (%s)', (launch) => {
  const fx = useCliSuite({ launch });
  const { run } = fx;

  it('exits 0 for a signed-in profile and 3 for one that is not, with one line per profile', async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm);
    expect((await run(['add', 'later', '--url', fx.pm.url, '--grant', 'pat'])).code).toBe(0);
    const all = await run(['status']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^\* pw\s+signed in as Jane Doe, token until \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    expect(all.stdout).toMatch(/^ {2}later\s+not signed in$/m);
    const one = await run(['status', 'later']);
    expect(one.code).toBe(3);
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
    expect((await run(['status', 'pw'])).code).toBe(0);
    expect((await run(['logout', 'pw'])).code).toBe(0);
    const out = await run(['status']);
    expect(out.code).toBe(3);
    expect(out.stdout).toMatch(/^\* pw\s+signed out$/m);
  });

  it('prints the status as JSON', async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm);
    await run(['add', 'later', '--url', fx.pm.url, '--grant', 'pat']);
    const res = await run(['status', '--json']);
    expect(res.code).toBe(0);
    const { profiles } = statusSchema.parse(JSON.parse(res.stdout));
    expect(profiles.map((p) => [p.name, p.active, p.signed_in, p.state, p.grant])).toEqual([
      ['pw', true, true, 'signed_in', 'password'],
      ['later', false, false, 'never', 'personal_access_token'],
    ]);
    // The same words for the same fact: `profiles --json` names each kind as status does.
    const listed = JSON.parse((await run(['profiles', '--json'])).stdout) as Array<{ name: string; grant: string }>;
    expect(listed.map((p) => [p.name, p.grant])).toEqual(profiles.map((p) => [p.name, p.grant]));
    expect(profiles[0]?.user?.username).toBe(fx.pm.seed.user.username);
    expect(Date.parse(profiles[0]?.expires_at ?? '')).toBeGreaterThan(Date.now());
    expect(res.stdout).not.toContain((await run(['token'])).stdout.trim());
  });

  it('says there are no profiles and exits 3', async () => {
    const res = await run(['status']);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('There are no profiles yet.');
    expect(res.stderr).toContain('pmtoken setup FILE');
    expect(statusSchema.parse(JSON.parse((await run(['status', '--json'])).stdout)).profiles).toEqual([]);
  });

  it('takes the profile from PMTOKEN_PROFILE after the argument and before the active one', async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm);
    await run(['add', 'later', '--url', fx.pm.url, '--grant', 'pat']);
    const env = { PMTOKEN_PROFILE: 'later' };
    const fromEnv = await run(['status'], undefined, env);
    expect(fromEnv.code).toBe(3);
    expect(fromEnv.stdout).toMatch(/^ {2}later\s+not signed in\n$/);
    expect((await run(['status', 'pw'], undefined, env)).code).toBe(0);
    const token = await run(['token'], undefined, env);
    expect(token.code).toBe(3);
    expect(token.stderr).toContain('pmtoken login');
    expect((await run(['token', 'pw'], undefined, env)).code).toBe(0);
    const ghost = await run(['token', '--json'], undefined, { PMTOKEN_PROFILE: 'ghost' });
    expect(ghost.code).toBe(2);
    const error = errorSchema.parse(JSON.parse(ghost.stderr));
    expect(error.error.code).toBe('not_found');
    expect(error.error.message).toContain('PMTOKEN_PROFILE');
    expect((await runCli(fx.cli, ['--help'])).stdout).toContain('PMTOKEN_PROFILE');
  });

  it.each([
    [['token', '--json'], 3, 'signed_out'],
    [['token', 'ghost', '--json'], 2, 'not_found'],
    [['status', '--json', '--bogus'], 2, 'invalid_input'],
    [['env', '--json', '--shell', 'tcsh'], 2, 'invalid_input'],
    [['whoami', '--json'], 3, 'signed_out'],
  ])('%j prints its error as JSON on stderr (exit %i, %s)', async (args, exit, code) => {
    await run(['add', 'out', '--url', fx.pm.url, '--grant', 'pat']);
    const res = await run(args);
    expect(res.code).toBe(exit);
    expect(res.stdout).toBe('');
    const error = errorSchema.parse(JSON.parse(res.stderr));
    expect(error.error.code).toBe(code);
    expect(error.error.message).toMatch(/^[A-Z-].*\.$/);
  });

  it('prints help for pmtoken alone, for help, and for help <command>', async () => {
    const bare = await runCli(fx.cli, []);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Usage: pmtoken');
    expect(bare.stderr).toBe('');
    expect((await runCli(fx.cli, ['help'])).stdout).toBe(bare.stdout);
    for (const word of ['status', 'run', 'env', 'completion', 'help']) expect(bare.stdout).toContain(`  ${word} `);
    expect(bare.stdout).not.toContain('__complete');
    const helpToken = await runCli(fx.cli, ['help', 'token']);
    expect(helpToken.code).toBe(0);
    expect(helpToken.stdout).toBe((await runCli(fx.cli, ['token', '--help'])).stdout);
    expect(helpToken.stdout).toContain('--min-validity');
    const unknown = await runCli(fx.cli, ['help', 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command “frobnicate”.');
  });

  it('never prints the control characters of a name from an old settings file', async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm);
    // An old or hand-edited settings file may hold a name the app no longer accepts: core sets that
    // profile aside, and the sentence that names it is escaped like every other printed name.
    const file = join(fx.configDir, 'config.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as { profiles: Array<{ name: string }> };
    const evil = 'pw\u001b[2J\u202e\u0085x';
    settings.profiles[0]!.name = evil;
    await writeFile(file, JSON.stringify(settings));
    const listed = await run(['profiles']);
    expect(listed.stderr).toContain('set aside');
    expect(listed.stderr).toContain('“pw?[2J??x”');
    for (const args of [['status'], ['profiles'], ['profiles', '--names'], ['status', '--json'], ['token']]) {
      const res = await run(args);
      // eslint-disable-next-line no-control-regex
      expect(res.stdout + res.stderr).not.toMatch(/[\u001b\u202e\u0085]/);
    }
  });
});
