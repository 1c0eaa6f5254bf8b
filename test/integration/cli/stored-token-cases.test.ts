import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore, createTokenEngine, type TokenEngine } from '../../../main/core';
import { startPmServer, type PmServer } from '../../server';
import { passwordTokens } from '../core/support/servers';
import { storedTokenCases, type CaseOutcome, type CaseTokens } from '../../unit/core/tokens/stored-token-cases';
import { buildCli, cliLaunches, runCli, type BuiltCli } from './support/cli';

// Every case of the stored-token rule, through `pmtoken token` (fast path, then the engine) and
// through the engine itself: both must end as the rule says. Run inside ./scripts/with-keyring.sh.
// The keychain items are written here by core's keytar store, as the app writes them: the executable,
// with its own keytar.node, must read the same items (same service, same accounts).
describe.for(cliLaunches)('pmtoken token and the engine follow the same stored-token rule (%s)', (launch) => {
  let cli: BuiltCli;
  let pm: PmServer;
  let dir: string;
  let engine: TokenEngine;
  let profileId: string;
  const secrets = createKeytarSecretStore();
  /** A new engine, as a new process would start one (its vault has seen nothing yet). */
  const newEngine = (): TokenEngine =>
    createTokenEngine({
      fetch: (i, init) => fetch(i, init),
      secrets,
      configDir: dir,
      openBrowser: async () => undefined,
    });

  beforeAll(async () => {
    [cli, pm] = await Promise.all([buildCli({ launch }), startPmServer()]);
    dir = await mkdtemp(join(tmpdir(), 'pmtoken-cases-'));
    engine = newEngine();
    const client = pm.seed.passwordClient;
    const profile = await engine.addProfile({
      name: 'cases',
      instanceUrl: pm.url,
      clientId: String(client.id),
      clientSecret: client.secret ?? '',
      grant: 'password',
    });
    profileId = profile.id;
  }, 180_000);
  afterAll(async () => {
    await engine.removeProfile(profileId).catch(() => undefined);
    await engine.dispose();
    await Promise.all([cli.dispose(), pm.close(), rm(dir, { recursive: true, force: true })]);
  });

  /** What came out, told apart without printing any token. */
  const outcome = async (tokens: CaseTokens, token: string | null, error: string): Promise<CaseOutcome | string> => {
    if (token === tokens.access) return 'stored token';
    if (token !== null) {
      const res = await fetch(`${pm.url}/api/1.0/users/${pm.seed.user.id}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      });
      return res.status === 200 ? 'refreshed' : `a token ProcessMaker refuses (${res.status})`;
    }
    if (/has expired/.test(error)) return 'session_expired';
    if (/signed out/.test(error)) return 'signed_out';
    return `another error: ${error}`;
  };

  for (const c of storedTokenCases) {
    it(`${c.name}: ${c.outcome}`, async () => {
      const clientSecret = pm.seed.passwordClient.secret ?? '';
      const viaCli = { ...(await passwordTokens(pm)), clientSecret };
      await secrets.set(profileId, c.item(Date.now(), viaCli));
      const run = await runCli(cli, ['--config-dir', dir, 'token']);
      expect(await outcome(viaCli, run.code === 0 ? run.stdout.trim() : null, run.stderr)).toBe(c.outcome);

      const viaEngine = { ...(await passwordTokens(pm)), clientSecret };
      await secrets.set(profileId, c.item(Date.now(), viaEngine));
      const other = newEngine();
      let token: string | null = null;
      let error = '';
      try {
        token = await other.freshToken(profileId);
      } catch (err) {
        error = (err as Error).message;
      } finally {
        await other.dispose();
      }
      expect(await outcome(viaEngine, token, error)).toBe(c.outcome);
    });
  }
});
