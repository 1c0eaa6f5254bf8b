/**
 * The profile the app-level tests start from, set up the way the CLI would:
 * same settings file, same keychain service ("Token Tray").
 */
import { createKeytarSecretStore, createTokenEngine } from '../../../main/core';
import type { PmServer } from '../../server';

/** Adds the authorization-code profile "Acme" (app redirect) for `pm` in `configDir`; returns its id. */
export async function addAcmeProfile(pm: PmServer, configDir: string): Promise<string> {
  const engine = createTokenEngine({
    fetch,
    secrets: createKeytarSecretStore(),
    configDir,
    openBrowser: async () => undefined,
  });
  const client = pm.seed.codeClient;
  const profile = await engine.addProfile({
    name: 'Acme',
    instanceUrl: pm.url,
    clientId: String(client.id),
    clientSecret: client.secret ?? undefined,
    grant: 'authorization_code',
    redirectMode: 'app',
  });
  await engine.dispose();
  return profile.id;
}
