/**
 * Builds the token engine for the CLI: Node's fetch, the OS keychain, the
 * chosen settings folder and the CLI's browser opener. Loaded lazily (it
 * pulls in all of core), so `pmtoken --help` and the token fast path stay quick.
 * The release build may bundle this file on its own (dist/cli/engine.js, with
 * `./engine` external in pmtoken.js) so that start-up does not even parse it.
 */
import {
  createKeytarSecretStore,
  createTokenEngine,
  isServerAllowed,
  isServerListed,
  isSignInKindAllowed,
  managedProfileEntries,
  readPolicies,
  realPolicySystem,
  type PolicySystem,
  type TokenEngine,
} from '../core';
import { openBrowser } from './open-browser';
import { english, englishMessages } from '../i18n';
import { say } from './terminal';

/** The English words, for pmtoken's entry file, which leaves them to this one (see words-later.ts). */
export const i18n = { english, englishMessages };

/**
 * The engine over the CLI's ports, under the organisation's policies as the app reads them
 * (AllowedServers, AllowedSignInKinds, AllowUserProfiles). Core warnings reach stderr only with
 * PMTOKEN_DEBUG set; a policy that cannot be read is said there too, and left out, as in the app.
 */
export async function createCliEngine(
  configDir: string,
  env: NodeJS.ProcessEnv,
  policySystem: PolicySystem = realPolicySystem(),
): Promise<TokenEngine> {
  const debug = Boolean(env.PMTOKEN_DEBUG);
  const log = (line: string): void => {
    if (debug) say(`pmtoken (debug): ${line}`);
  };
  const policies = await readPolicies(policySystem);
  for (const problem of policies.problems) log(`policy: ${problem}`);
  const engine = createTokenEngine({
    isServerAllowed: (url) => isServerAllowed(policies.values, url),
    isServerListed: (url) => isServerListed(policies.values, url),
    isSignInKindAllowed: (grant) => isSignInKindAllowed(policies.values, grant),
    allowUserProfiles: () => policies.values.AllowUserProfiles !== false,
    fetch: (input, init) => fetch(input, init),
    secrets: createKeytarSecretStore(),
    configDir,
    openBrowser: (url) => openBrowser(url, env),
    log: { info: log, warn: log, error: log },
  });
  // The organisation's profiles exist for people who use only pmtoken, too (nothing is written when they match).
  const managed = await engine.applyManagedProfiles(managedProfileEntries(policies.values), {
    release: policies.problems.length === 0,
  });
  for (const { entry, error } of managed.problems)
    log(`policy: profile number ${entry} of Profiles was left out: ${error.message}`);
  return engine;
}
