/**
 * Core benchmarks against pm-server on 127.0.0.1 and the private keyring:
 * freshToken vs a bare keytar read, a forced refresh vs a bare refresh POST,
 * a console GET vs a bare fetch.
 */
import { readlinkSync, statSync } from 'node:fs';
import { mkdtemp, open, rm, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addProfileSettings, createSettingsFile, createSettingsStore } from '../main/core/profiles';
import { vaultGenerationPath } from '../main/core/tokens';
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

    // The least any correct refresh can cost. Refresh tokens rotate, so a refresh that another process could
    // race must take a lock that other processes see, read the keychain again under it (another process may
    // have refreshed meanwhile), POST, and store the new pair before anyone uses it: one exclusive file
    // create and unlink, one keychain read, the POST and one keychain write.
    const floorLock = join(configDir, 'bench-floor.lock');
    const floor = await paired(
      () => engine.refreshNow(profileId),
      async () => {
        const lock = await open(floorLock, 'wx');
        try {
          await keytar.getPassword(`${service} floor`, 'bench');
          await keytar.setPassword(`${service} floor`, 'bench', await bareRefresh());
        } finally {
          await lock.close();
          await unlink(floorLock);
        }
      },
      { rounds: 60, warmup: 5 },
    );
    rows.push(
      ratioRow(
        'forced refresh vs its floor',
        'engine.refreshNow()',
        'lock file + keychain read + fetch POST + keychain write',
        floor,
        1.15,
      ),
    );

    const get = await paired(
      () => engine.request(profileId, { method: 'GET', path: 'users' }),
      async () => {
        // As a client written from ProcessMaker's guide would: send with the Bearer token, read the JSON.
        // The console needs the same: it shows the answer parsed, with its size and headers.
        const res = await fetch(`${server.url}/api/1.0/users`, {
          headers: { Authorization: `Bearer ${bare.access}`, Accept: 'application/json' },
        });
        await res.json();
      },
      { rounds: 300, warmup: 20 },
    );
    // Information only: a console GET must also keep the engine's promises, which a bare fetch does
    // not; the budget is carried by the row against that floor, below (as with the refresh).
    rows.push(
      ratioRow('console GET /users', 'engine.request(GET users)', 'fetch GET with Bearer + res.json()', get, null),
    );

    // The least a console GET that keeps the engine's promises can cost: the two cross-process checks
    // (has another process changed the settings, or stored a newer token?: one stat, one readlink),
    // a time limit that can be cleared, manual redirects (the token never follows one to another
    // origin), the answer read as text and parsed, its headers listed. The difference between the
    // two rows is what these cost here.
    const token = await engine.freshToken(profileId);
    const settingsPath = join(configDir, 'config.json');
    const generationPath = vaultGenerationPath(configDir, profileId);
    const getFloor = await paired(
      () => engine.request(profileId, { method: 'GET', path: 'users' }),
      async () => {
        statSync(settingsPath, { throwIfNoEntry: false });
        readlinkSync(generationPath);
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        try {
          const headers = new Headers({ Authorization: `Bearer ${token}`, Accept: 'application/json' });
          const res = await fetch(`${server.url}/api/1.0/users`, {
            headers,
            signal: controller.signal,
            redirect: 'manual',
          });
          JSON.parse(await res.text());
          const pairs: Array<[string, string]> = [];
          res.headers.forEach((value, name) => pairs.push([name, value]));
        } finally {
          clearTimeout(timer);
        }
      },
      { rounds: 300, warmup: 20 },
    );
    rows.push(
      ratioRow(
        'console GET vs its floor',
        'engine.request(GET users)',
        'stat + readlink + time limit + manual redirect + text/parse + header list',
        getFloor,
        1.15,
      ),
    );

    // The settings store keeps its parsed copy while the file's signature (inode, size, times) holds:
    // this row shows what that buys on every token and request call, with ten profiles in the file.
    const settingsDir = await mkdtemp(join(tmpdir(), 'token-tray-bench-settings-'));
    try {
      const seeded = createSettingsStore(createSettingsFile(settingsDir));
      for (let i = 0; i < 10; i++)
        addProfileSettings(seeded, {
          name: `Profile ${i}`,
          instanceUrl: `https://pm${i}.example.com`,
          grant: 'personal_access_token',
        });
      const cachedStore = createSettingsStore(createSettingsFile(settingsDir));
      const reused = await paired(
        async () => cachedStore.load(),
        async () => createSettingsStore(createSettingsFile(settingsDir)).load(),
        { rounds: 2000, warmup: 100 },
      );
      rows.push(
        ratioRow(
          'settings read (parsed copy kept)',
          'store.load(), file unchanged',
          'read + parse + check the file',
          reused,
          0.5,
        ),
      );
    } finally {
      await rm(settingsDir, { recursive: true, force: true });
    }
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
