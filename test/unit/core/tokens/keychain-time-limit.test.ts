import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../../main/core';
import { TokenTrayError } from '../../../../main/core';
import { KEYCHAIN_TIME_LIMIT_MS, withKeychainTimeLimit } from '../../../../main/core/tokens';

/** A keychain port that never answers. */
const hanging: SecretStore = {
  kind: 'keychain',
  get: () => new Promise(() => undefined),
  set: () => new Promise(() => undefined),
  delete: () => new Promise(() => undefined),
};

/** A keychain port over a Map that answers at once. */
function answering(): SecretStore {
  const items = new Map<string, string>();
  return {
    kind: 'encrypted-file',
    get: async (account) => items.get(account) ?? null,
    set: async (account, value) => void items.set(account, value),
    delete: async (account) => items.delete(account),
  };
}

describe('keychain calls with a time limit', () => {
  it('is 30 seconds, as gh has it', () => {
    expect(KEYCHAIN_TIME_LIMIT_MS).toBe(30_000);
  });

  it('ends every kind of call to a keychain that never answers with a plain error', async () => {
    const limited = withKeychainTimeLimit(hanging, 40);
    const timeout = {
      code: 'keychain_unavailable',
      key: 'error.keychain.timeout',
      message: 'This computer’s secure password storage did not answer within 1 second.',
      nextStep: 'If it is asking for your password, unlock it, then try again.',
    };
    await expect(limited.get('p')).rejects.toMatchObject(timeout);
    await expect(limited.set('p', 'v')).rejects.toMatchObject(timeout);
    await expect(limited.delete('p')).rejects.toMatchObject(timeout);
  });

  it('passes answers and errors of a keychain that answers in time through as they are', async () => {
    const limited = withKeychainTimeLimit(answering(), 1_000);
    expect(limited.kind).toBe('encrypted-file');
    await limited.set('p', 'secret value');
    expect(await limited.get('p')).toBe('secret value');
    expect(await limited.delete('p')).toBe(true);
    expect(await limited.get('p')).toBeNull();
    const refusing: SecretStore = { ...hanging, get: async () => Promise.reject(new TokenTrayError('signed_out')) };
    await expect(withKeychainTimeLimit(refusing, 1_000).get('p')).rejects.toMatchObject({ code: 'signed_out' });
  });
});
