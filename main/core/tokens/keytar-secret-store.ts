/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager,
 * libsecret on Linux). keytar is a native module, loaded on first use, so a
 * missing or broken build becomes a plain `keychain_unavailable` error instead
 * of a crash at start-up.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TokenTrayError } from '../errors';
import type { SecretStore } from '../ports';

/** The keytar functions we use. */
interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

let cached: KeytarApi | null = null;

/** Whether this process is the standalone pmtoken (a Node single executable application). */
function isSingleExecutable(load: NodeJS.Require): boolean {
  try {
    return (load('node:sea') as { isSea(): boolean }).isSea();
  } catch {
    // A Node without node:sea runs no single executable.
    return false;
  }
}

function loadKeytar(): KeytarApi {
  if (cached) return cached;
  try {
    // Works both in ESM (vitest) and in a CommonJS bundle (esbuild), where import.meta.url is empty.
    const base = typeof __filename === 'string' ? __filename : import.meta.url;
    const load = createRequire(base);
    // The standalone pmtoken cannot load an addon from inside itself: its keytar.node lies beside it.
    const loaded = (
      isSingleExecutable(load) ? load(join(dirname(process.execPath), 'keytar.node')) : load('keytar')
    ) as KeytarApi & { default?: KeytarApi };
    cached = typeof loaded.getPassword === 'function' ? loaded : (loaded.default ?? loaded);
    return cached;
  } catch (cause) {
    throw new TokenTrayError('keychain_unavailable', undefined, { cause });
  }
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (cause instanceof TokenTrayError) throw cause;
    throw new TokenTrayError('keychain_unavailable', undefined, { cause });
  }
}

/** The keychain service the app and pmtoken share: "Token Tray". */
export const KEYCHAIN_SERVICE = 'Token Tray';

/**
 * The keychain service to use: "Token Tray", unless TOKEN_TRAY_KEYCHAIN_SERVICE names another.
 * The test suite sets it so that on macOS and Windows, where tests use the person's own Keychain or
 * Credential Manager, they write only test entries (which it deletes afterwards), never the app's.
 */
export function keychainService(env: Record<string, string | undefined> = process.env): string {
  const override = env.TOKEN_TRAY_KEYCHAIN_SERVICE?.trim();
  return override ? override : KEYCHAIN_SERVICE;
}

/** A {@link SecretStore} over the OS keychain; `service` names the entries (see {@link keychainService}). */
export function createKeytarSecretStore(service = keychainService()): SecretStore {
  return {
    kind: 'keychain',
    get: (account) => guard(() => loadKeytar().getPassword(service, account)),
    set: (account, value) => guard(() => loadKeytar().setPassword(service, account, value)),
    delete: (account) => guard(() => loadKeytar().deletePassword(service, account)),
  };
}
