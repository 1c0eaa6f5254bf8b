/**
 * Core benchmarks against pm-server on 127.0.0.1 and the private keyring:
 * freshToken vs a bare keytar read, a forced refresh vs a bare refresh POST,
 * a console GET vs a bare fetch.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeytarSecretStore, createTokenEngine, type TokenEngine } from '../main/core';
import { startPmServer, type PmServer } from '../test/server';
import { paired, ratioRow, type BenchRow } from './measure';

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

/** Signs in a password profile and returns the engine, server and profile id. */
async function setUp(
  service: string,
  configDir: string,
): Promise<{ server: PmServer; engine: TokenEngine; profileId: string }> {
  const server = await startPmServer();
  const engine = createTokenEngine({
    fetch: (input, init) => fetch(input, init),
    secrets: createKeytarSecretStore(service),
    configDir,
    openBrowser: async () => undefined,
  });
  const { passwordClient, user } = server.seed;
  const profile = await engine.addProfile({
    name: 'bench',
    instanceUrl: server.url,
    clientId: String(passwordClient.id),
    clientSecret: passwordClient.secret ?? '',
    grant: 'password',
  });
  await engine.signInWithPassword(profile.id, user.username, user.password);
  return { server, engine, profileId: profile.id };
}

/** A refresh token of our own, outside the engine, for the bare-fetch baseline. */
async function bareTokens(server: PmServer): Promise<{ access: string; refresh: string }> {
  const { passwordClient, user } = server.seed;
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: String(passwordClient.id),
      client_secret: passwordClient.secret ?? '',
      username: user.username,
      password: user.password,
      scope: '*',
    }),
  });
  const body = (await res.json()) as { access_token: string; refresh_token: string };
  return { access: body.access_token, refresh: body.refresh_token };
}

/** Runs the three core benchmarks. */
export async function coreBench(): Promise<BenchRow[]> {
  const service = `Token Tray bench ${process.pid}`;
  const configDir = await mkdtemp(join(tmpdir(), 'token-tray-bench-'));
  const { server, engine, profileId } = await setUp(service, configDir);
  const keytar = createRequire(__filename)('keytar') as Keytar;
  const rows: BenchRow[] = [];
  try {
    const fresh = await paired(
      () => engine.freshToken(profileId),
      () => keytar.getPassword(service, profileId),
      { rounds: 300, warmup: 20 },
    );
    rows.push(ratioRow('freshToken (valid token)', 'engine.freshToken()', 'keytar.getPassword()', fresh, 1.5));

    const bare = await bareTokens(server);
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
    rows.push(ratioRow('forced refresh', 'engine.refreshNow()', 'fetch POST grant_type=refresh_token', refresh, 1.15));

    // Context for the row above: core must store the rotated pair in the keychain before it returns it,
    // so the least any correct refresh can cost is that POST plus one keychain write.
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
