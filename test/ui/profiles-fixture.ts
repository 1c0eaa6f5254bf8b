/** Quick ways for UI tests to reach a state through the REAL handlers (what the window itself would call). */
import type { ProfileView } from '../../main/contract/ipc';
import type { UiApp } from './harness';

/** Unwraps a handler Result, failing the test with the plain message when it is an error. */
export async function must<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`Handler failed: ${r.error.message}`);
  return r.value;
}

/** Adds a username-and-password profile for pm-server's password client and makes it active. */
export async function addPasswordProfile(
  app: UiApp,
  name = 'Acme',
  extra: { production?: boolean; color?: string } = {},
): Promise<ProfileView> {
  const client = app.pm.seed.passwordClient;
  const profile = await must(
    app.handlers.addProfile({
      name,
      instanceUrl: app.pm.url,
      grant: 'password',
      clientId: String(client.id),
      clientSecret: client.secret ?? '',
      ...extra,
    }),
  );
  await must(app.handlers.setActiveProfile(profile.id));
  return profile;
}

/** Adds a password profile and signs it in as the seeded user. */
export async function addSignedInProfile(
  app: UiApp,
  name = 'Acme',
  extra: { production?: boolean; color?: string } = {},
): Promise<ProfileView> {
  const profile = await addPasswordProfile(app, name, extra);
  const { username, password } = app.pm.seed.user;
  return must(app.handlers.signInWithPassword(profile.id, username, password));
}
