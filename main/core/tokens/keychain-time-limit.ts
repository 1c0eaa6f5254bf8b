/**
 * Every call through the {@link SecretStore} port ends within a time limit (gh uses 30 s too): a
 * keychain that never answers (a locked keyring waiting on a prompt nobody sees, a hung D-Bus
 * service) becomes the plain `keychain_unavailable` error "did not answer within N seconds"
 * instead of a window or a `pmtoken` that waits for ever while holding the profile's refresh lock.
 */
import { TokenTrayError } from '../errors';
import type { SecretStore } from '../ports';

/** How long one keychain call may take. */
export const KEYCHAIN_TIME_LIMIT_MS = 30_000;

/** True for the error of a keychain call that ran out of time. */
export function isKeychainTimeout(err: unknown): boolean {
  return err instanceof TokenTrayError && err.key === 'error.keychain.timeout';
}

/** `store` with each call limited to `limitMs`; a call that answers in time is passed through as it is. */
export function withKeychainTimeLimit(store: SecretStore, limitMs: number = KEYCHAIN_TIME_LIMIT_MS): SecretStore {
  const limit = <T>(call: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const seconds = Math.max(1, Math.round(limitMs / 1000));
        reject(new TokenTrayError('keychain_unavailable', 'error.keychain.timeout', { params: { seconds } }));
      }, limitMs);
      Promise.resolve()
        .then(call)
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
  return {
    kind: store.kind,
    get: (account) => limit(() => store.get(account)),
    set: (account, value) => limit(() => store.set(account, value)),
    delete: (account) => limit(() => store.delete(account)),
  };
}
