import type { SigningKeys } from './jwt';
import type { Store } from './store';
import type { PmServerConfig } from './types';

/** What every handler needs: the database, the signing keys, the clock and the public base URL. */
export interface ServerContext {
  store: Store;
  keys: SigningKeys;
  config: PmServerConfig;
  /** Milliseconds since the epoch (injectable for time travel). */
  now: () => number;
  /** e.g. http://127.0.0.1:41234; known once the server listens. */
  baseUrl: string;
}
