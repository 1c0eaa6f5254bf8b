/**
 * Builds the token engine for the CLI: Node's fetch, the OS keychain, the
 * chosen settings folder and the CLI's browser opener. Loaded lazily (it
 * pulls in all of core), so `pmtoken --help` and the token fast path stay quick.
 * The release build may bundle this file on its own (dist/cli/engine.js, with
 * `./engine` external in pmtoken.js) so that start-up does not even parse it.
 */
import { createKeytarSecretStore, createTokenEngine, type TokenEngine } from '../core';
import { openBrowser } from './open-browser';

import { english, englishMessages } from '../i18n';

/** The English words, for pmtoken's entry file, which leaves them to this one (see words-later.ts). */
export const i18n = { english, englishMessages };
import { say } from './terminal';

/** The engine over the CLI's ports. Core warnings reach stderr only with PMTOKEN_DEBUG set. */
export function createCliEngine(configDir: string, env: NodeJS.ProcessEnv): TokenEngine {
  const debug = Boolean(env.PMTOKEN_DEBUG);
  const log = (line: string): void => {
    if (debug) say(`pmtoken (debug): ${line}`);
  };
  return createTokenEngine({
    fetch: (input, init) => fetch(input, init),
    secrets: createKeytarSecretStore(),
    configDir,
    openBrowser: (url) => openBrowser(url, env),
    log: { info: log, warn: log, error: log },
  });
}
