import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../../main/core/tokens';
import { createCachedVault } from '../../../../main/core/tokens';
import { withoutTokens, withTokens } from '../../../../main/core/tokens';

// Runs under ./scripts/with-keyring.sh: a private, throwaway Secret Service.
describe('the vault: one keychain item per profile', () => {
  const service = `Token Tray test ${randomUUID()}`;
  const secrets = createKeytarSecretStore(service);
  const vault = createCachedVault(secrets, mkdtempSync(join(tmpdir(), 'token-tray-vault-')));
  const used: string[] = [];
  const account = () => {
    const id = randomUUID();
    used.push(id);
    return id;
  };
  afterEach(async () => {
    for (const id of used.splice(0)) await secrets.delete(id);
  });

  it('stores the client secret and tokens as one JSON item and reads them back typed', async () => {
    const id = account();
    const token = `at-${randomUUID()}`;
    await vault.write(
      id,
      withTokens(
        { v: 1, kind: 'none', clientSecret: 's3cret' },
        { kind: 'oauth', accessToken: token, refreshToken: 'rt', expiresAt: 123, obtainedAt: 100 },
      ),
    );
    const raw = await secrets.get(id);
    expect(JSON.parse(raw!)).toMatchObject({
      kind: 'oauth',
      clientSecret: 's3cret',
      accessToken: token,
      refreshToken: 'rt',
      expiresAt: 123,
    });
    expect(await vault.read(id)).toMatchObject({ kind: 'oauth', accessToken: token });
  });

  it('signing out keeps only the client secret and the reason', async () => {
    const id = account();
    await vault.write(
      id,
      withTokens(
        { v: 1, kind: 'none', clientSecret: 's' },
        { kind: 'oauth', accessToken: 'a', refreshToken: 'r', expiresAt: null, obtainedAt: 1 },
      ),
    );
    await vault.update(id, (e) => withoutTokens(e, 'session_expired'));
    expect(await vault.read(id)).toEqual({ v: 1, kind: 'none', clientSecret: 's', signedOutReason: 'session_expired' });
  });

  it('an item that is not ours (not JSON, wrong shape) reads as empty instead of being trusted', async () => {
    const id = account();
    await secrets.set(id, 'plain text');
    expect(await vault.read(id, { fresh: true })).toEqual({ v: 1, kind: 'none' });
    await secrets.set(id, JSON.stringify({ kind: 'oauth', accessToken: 42 }));
    expect(await vault.read(id, { fresh: true })).toEqual({ v: 1, kind: 'none' });
  });

  it('a missing item reads as empty, and removing deletes it', async () => {
    const id = account();
    expect(await vault.read(id)).toEqual({ v: 1, kind: 'none' });
    await vault.write(id, { v: 1, kind: 'none', clientSecret: 'x' });
    await vault.remove(id);
    expect(await secrets.get(id)).toBeNull();
  });
});
