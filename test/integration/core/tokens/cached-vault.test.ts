import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCachedVault } from '../../../../main/core/tokens';
import { createKeytarSecretStore } from '../../../../main/core/tokens';
import type { SecretStore } from '../../../../main/core/ports';
import { readVaultGeneration, vaultGenerationPath } from '../../../../main/core/tokens';
import type { VaultEntry } from '../../../../main/core/tokens';

/** The real keychain store, counting the calls that reach it. */
function counting(store: SecretStore) {
  const calls = { get: 0, set: 0, delete: 0 };
  const wrapped: SecretStore = {
    kind: store.kind,
    get: (account) => ((calls.get += 1), store.get(account)),
    set: (account, value) => ((calls.set += 1), store.set(account, value)),
    delete: (account) => ((calls.delete += 1), store.delete(account)),
  };
  return { wrapped, calls };
}

/** Puts a plain file with `content` where the generation file was. */
async function replaceWith(path: string, content: string): Promise<void> {
  await rm(path, { force: true });
  await writeFile(path, content);
}

const tokens = (accessToken: string): VaultEntry => ({
  v: 1,
  kind: 'oauth',
  clientSecret: 's',
  accessToken,
  refreshToken: `rt-${randomUUID()}`,
  expiresAt: null,
});

// Runs under ./scripts/with-keyring.sh: a private, throwaway Secret Service.
describe('the cached vault: an in-memory copy kept honest by the generation file', () => {
  const secrets = createKeytarSecretStore(`Token Tray test ${randomUUID()}`);
  let configDir: string;
  let id: string;
  beforeEach(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'token-tray-vault-'));
    id = randomUUID();
  });
  afterEach(async () => {
    await secrets.delete(id);
    await rm(configDir, { recursive: true, force: true });
  });

  it('serves a read it already has without touching the keychain', async () => {
    const { wrapped, calls } = counting(secrets);
    const vault = createCachedVault(wrapped, configDir);
    await vault.write(id, tokens('first'));
    expect(calls).toEqual({ get: 0, set: 1, delete: 0 });
    for (let i = 0; i < 5; i++) expect((await vault.read(id)).accessToken).toBe('first');
    expect(calls.get).toBe(0);
  });

  it('a second process reads the keychain once, then serves its copy', async () => {
    await createCachedVault(secrets, configDir).write(id, tokens('first'));
    const { wrapped, calls } = counting(secrets);
    const other = createCachedVault(wrapped, configDir);
    expect((await other.read(id)).accessToken).toBe('first');
    expect((await other.read(id)).accessToken).toBe('first');
    expect(calls.get).toBe(1);
  });

  it('after another process writes, the next read returns the new entry, not the old copy', async () => {
    const app = createCachedVault(secrets, configDir);
    const cli = createCachedVault(secrets, configDir);
    await app.write(id, tokens('old'));
    expect((await cli.read(id)).accessToken).toBe('old');
    await cli.write(id, tokens('rotated'));
    expect((await app.read(id)).accessToken).toBe('rotated');
    await app.update(id, (entry) => ({ ...entry, accessToken: 'again' }));
    expect((await cli.read(id)).accessToken).toBe('again');
  });

  it('a removed item reads as empty in the other process too', async () => {
    const app = createCachedVault(secrets, configDir);
    const cli = createCachedVault(secrets, configDir);
    await app.write(id, tokens('t'));
    expect((await cli.read(id)).accessToken).toBe('t');
    await app.remove(id);
    expect(await cli.read(id)).toEqual({ v: 1, kind: 'none' });
  });

  it.each([
    ['missing', (path: string) => rm(path, { force: true })],
    ['damaged', (path: string) => replaceWith(path, 'not a nonce')],
    ['empty', (path: string) => replaceWith(path, '')],
  ])('a %s generation file sends the read to the keychain', async (_label, spoil) => {
    const { wrapped, calls } = counting(secrets);
    const vault = createCachedVault(wrapped, configDir);
    await vault.write(id, tokens('cached'));
    // Someone changed the item without a valid nonce (an older writer, a crash, a hand edit).
    await secrets.set(id, JSON.stringify(tokens('in the keychain')));
    await spoil(vaultGenerationPath(configDir, id));
    expect((await vault.read(id)).accessToken).toBe('in the keychain');
    expect(calls.get).toBe(1);
    // A fresh nonce is in place again, so the copy is trusted from here on.
    expect(readVaultGeneration(configDir, id)).toMatch(/^[0-9a-f-]{36}$/);
    expect((await vault.read(id)).accessToken).toBe('in the keychain');
    expect(calls.get).toBe(1);
  });

  it('`fresh` reads skip the copy and ask the keychain', async () => {
    const { wrapped, calls } = counting(secrets);
    const vault = createCachedVault(wrapped, configDir);
    await vault.write(id, tokens('cached'));
    await secrets.set(id, JSON.stringify(tokens('behind its back')));
    expect((await vault.read(id)).accessToken).toBe('cached');
    expect((await vault.read(id, { fresh: true })).accessToken).toBe('behind its back');
    expect(calls.get).toBe(1);
  });

  it('reads a generation kept as a plain file (the fallback where links are not allowed)', async () => {
    const { wrapped, calls } = counting(secrets);
    const vault = createCachedVault(wrapped, configDir);
    await vault.write(id, tokens('cached'));
    const nonce = readVaultGeneration(configDir, id);
    await replaceWith(vaultGenerationPath(configDir, id), `${nonce}\n`);
    expect(readVaultGeneration(configDir, id)).toBe(nonce);
    expect((await vault.read(id)).accessToken).toBe('cached');
    expect(calls.get).toBe(0);
  });

  it('hands out copies: changing a returned entry does not change the cache', async () => {
    const vault = createCachedVault(secrets, configDir);
    await vault.write(id, tokens('t'));
    const entry = await vault.read(id);
    entry.accessToken = 'mutated';
    expect((await vault.read(id)).accessToken).toBe('t');
  });
});
