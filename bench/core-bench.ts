/**
 * Core benchmarks against pm-server on 127.0.0.1 and the private keyring:
 * freshToken vs a bare keytar read, a forced refresh vs a bare refresh POST,
 * a console GET vs a bare fetch.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passwordTokens } from '../test/integration/core/support/servers';
import { signedInBench } from './fixtures';
import { paired, ratioRow, type BenchRow } from './measure';

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

/** Runs the core benchmarks. */
export async function coreBench(): Promise<BenchRow[]> {
  const service = `Token Tray bench ${process.pid}`;
  const configDir = await mkdtemp(join(tmpdir(), 'token-tray-bench-'));
  const { server, engine, profileId } = await signedInBench('bench', configDir, service);
  const keytar = createRequire(__filename)('keytar') as Keytar;
  const rows: BenchRow[] = [];
  try {
    const fresh = await paired(
      () => engine.freshToken(profileId),
      () => keytar.getPassword(service, profileId),
      { rounds: 300, warmup: 20 },
    );
    rows.push(ratioRow('freshToken (valid token)', 'engine.freshToken()', 'keytar.getPassword()', fresh, 1.5));

    const bare = await passwordTokens(server);
    const { passwordClient } = server.seed;
    /** One refresh by hand, as a client written from ProcessMaker's guide would; returns the answer's text. */
    const bareRefresh = async (): Promise<string> => {
      const res = await fetch(`${server.url}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: bare.refresh,
          client_id: String(passwordClient.id),
          client_secret: passwordClient.secret ?? '',
        }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as { access_token: string; refresh_token: string };
      bare.refresh = body.refresh_token;
      bare.access = body.access_token;
      return text;
    };
    const refresh = await paired(
      () => engine.refreshNow(profileId),
      async () => void (await bareRefresh()),
      { rounds: 60, warmup: 5 },
    );
    // Information only: a refresh must also store the rotated pair before it returns it, which a bare
    // POST does not; the budget is carried by the row against that floor, below.
    rows.push(ratioRow('forced refresh', 'engine.refreshNow()', 'fetch POST grant_type=refresh_token', refresh, null));

    // The least any correct refresh can cost: that POST plus one keychain write.
    const floor = await paired(
      () => engine.refreshNow(profileId),
      async () => keytar.setPassword(`${service} floor`, 'bench', await bareRefresh()),
      { rounds: 60, warmup: 5 },
    );
    rows.push(
      ratioRow(
        'forced refresh vs its floor',
        'engine.refreshNow()',
        'fetch POST + one keytar.setPassword',
        floor,
        1.15,
      ),
    );

    const get = await paired(
      () => engine.request(profileId, { method: 'GET', path: 'users' }),
      async () => {
        const res = await fetch(`${server.url}/api/1.0/users`, {
          headers: { Authorization: `Bearer ${bare.access}`, Accept: 'application/json' },
        });
        await res.text();
      },
      { rounds: 300, warmup: 20 },
    );
    rows.push(ratioRow('console GET /users', 'engine.request(GET users)', 'fetch GET with Bearer', get, 1.15));
  } finally {
    await keytar.deletePassword(`${service} floor`, 'bench').catch(() => false);
    await engine.signOut(profileId).catch(() => undefined);
    await engine.removeProfile(profileId).catch(() => undefined);
    await engine.dispose();
    await server.close();
    await rm(configDir, { recursive: true, force: true });
  }
  return rows;
}
