import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPmServer, type PmServer } from '../../server';
import { buildCli, finished, runCli, spawnCli, tempConfigDir, type BuiltCli } from './support/cli';
import { passwordProfile } from './support/profiles';

describe('pmtoken token near expiry', () => {
  let cli: BuiltCli;
  let pm: PmServer;
  let config: { dir: string; dispose(): Promise<void> };

  beforeAll(async () => {
    [cli, pm] = await Promise.all([
      buildCli(),
      startPmServer({ config: { accessTokenTtl: 30, rotateRefreshTokens: true } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([cli.dispose(), pm.close()]);
  });
  beforeEach(async () => {
    config = await tempConfigDir();
    pm.config.accessTokenTtl = 30;
    pm.faults.latencyMs = 0;
  });
  afterEach(async () => {
    await config.dispose();
  });

  /** Signs a profile in with a token that lives one second, and waits until it has expired. */
  const signedInAndDue = async (): Promise<void> => {
    pm.config.accessTokenTtl = 1;
    await passwordProfile(cli, config.dir, pm);
    await new Promise((r) => setTimeout(r, 1100));
    pm.config.accessTokenTtl = 30;
  };

  const works = async (token: string): Promise<number> =>
    (
      await fetch(`${pm.url}/api/1.0/users/${pm.seed.user.id}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      })
    ).status;

  it('two processes racing a rotating refresh both print a working token, with one refresh', async () => {
    await signedInAndDue();
    // Refreshed tokens live an hour, so the winner's token is fresh for the loser.
    pm.config.accessTokenTtl = 3600;
    pm.faults.latencyMs = 1000;
    pm.stats.reset();
    const args = ['--config-dir', config.dir, 'token'];
    const [a, b] = await Promise.all([finished(spawnCli(cli, args)), finished(spawnCli(cli, args))]);
    pm.faults.latencyMs = 0;
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect(pm.stats.tokenRequests).toBe(1);
    expect(a.stdout).toBe(b.stdout);
    expect(await works(a.stdout.trim())).toBe(200);
    // A later call finds the fresh token without asking ProcessMaker.
    const again = await runCli(cli, args);
    expect(again.stdout).toBe(a.stdout);
    expect(pm.stats.tokenRequests).toBe(1);
  });

  it('20 processes with 30-second tokens and rotation make one refresh, and every printed token works', async () => {
    await signedInAndDue();
    pm.faults.latencyMs = 300;
    pm.stats.reset();
    const args = ['--config-dir', config.dir, 'token'];
    const runs = await Promise.all(Array.from({ length: 20 }, () => finished(spawnCli(cli, args))));
    pm.faults.latencyMs = 0;
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, '']));
    expect(pm.stats.tokenRequests).toBe(1);
    const printed = [...new Set(runs.map((r) => r.stdout.trim()))];
    for (const token of printed) expect(await works(token)).toBe(200);
    // A 30-second token is handed out again (not refreshed) for the first half of its life.
    const again = await runCli(cli, args);
    expect(again.stdout.trim()).toBe(printed[0]);
    expect(pm.stats.tokenRequests).toBe(1);
  }, 60_000);

  it('says the sign-in expired when the refresh token was revoked, and keeps the profile', async () => {
    await signedInAndDue();
    pm.faults.revokeEverything();
    const res = await runCli(cli, ['--config-dir', config.dir, 'token']);
    expect(res.code).toBe(3);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('Your sign-in has expired.');
    expect(res.stderr).toContain('Sign in again: pmtoken login');
    const list = await runCli(cli, ['--config-dir', config.dir, 'profiles']);
    expect(list.stdout).toMatch(/pw\s.*sign-in expired/);
  });
});
