/** What every benchmark starts from: pm-server and an engine with a signed-in password profile. */
import { createKeytarSecretStore, createTokenEngine, type TokenEngine } from '../main/core';
import { startPmServer, type PmServer } from '../test/server';

/** A running server and an engine whose profile `name` is signed in as the seed's regular user. */
export interface BenchSetup {
  server: PmServer;
  engine: TokenEngine;
  profileId: string;
}

/** Starts pm-server and signs a password profile in, storing its secrets under keychain `service`. */
export async function signedInBench(name: string, configDir: string, service?: string): Promise<BenchSetup> {
  const server = await startPmServer();
  const engine = createTokenEngine({
    fetch: (input, init) => fetch(input, init),
    secrets: createKeytarSecretStore(service),
    configDir,
    openBrowser: async () => undefined,
  });
  const { passwordClient, user } = server.seed;
  const profile = await engine.addProfile({
    name,
    instanceUrl: server.url,
    clientId: String(passwordClient.id),
    clientSecret: passwordClient.secret ?? '',
    grant: 'password',
  });
  await engine.signInWithPassword(profile.id, user.username, user.password);
  return { server, engine, profileId: profile.id };
}
