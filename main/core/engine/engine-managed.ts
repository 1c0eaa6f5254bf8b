/**
 * The organisation's profiles: the `Profiles` policy lists setup files (the same format people share),
 * and each becomes a profile marked `managed`, kept matching the policy. A person signs in to it and
 * nothing else: the engine refuses changes to it and its removal (see engine-profiles).
 */
import { randomUUID } from 'node:crypto';
import type { ManagedProfilesOutcome, Profile, TokenEngine } from '../model';
import type { Settings } from '../profiles';
import { nextProfileColor } from '../model';
import { toStoredProfile } from '../profiles';
import { parseSetup, type SetupProfile } from '../setup';
import { toUserError } from '../errors';
import { withoutTokens } from '../tokens';
import type { EngineContext } from './engine-context';

type ManagedMethods = Pick<TokenEngine, 'applyManagedProfiles'>;

/** The profile a setup describes, on top of what is stored (id, username and colour are kept). */
function fromSetup(setup: SetupProfile, base: Pick<Profile, 'id'> & Partial<Profile>, name: string): Profile {
  const profile: Profile = {
    id: base.id,
    name,
    instanceUrl: setup.instanceUrl,
    clientId: setup.clientId ?? '',
    grant: setup.grant,
    redirectMode: setup.redirectMode ?? base.redirectMode ?? 'app',
    managed: true,
  };
  if (setup.scope) profile.scope = setup.scope;
  if (base.username !== undefined) profile.username = base.username;
  const color = setup.color ?? base.color;
  if (color) profile.color = color;
  if (setup.production !== undefined) profile.production = setup.production;
  return profile;
}

const sameStored = (a: Profile, b: Profile): boolean =>
  JSON.stringify(toStoredProfile(a)) === JSON.stringify(toStoredProfile(b));

/** What making the stored profiles match the policy did (or would do) to them. */
interface Reconciled {
  changed: boolean;
  added: string[];
  updated: string[];
  released: string[];
  /** Profiles whose secret the policy carries, and those whose Auth Client changed (their tokens go). */
  secrets: Array<{ id: string; secret: string }>;
  movedAway: string[];
}

/**
 * Makes `settings` match the setups, in place: the organisation's own profile of each server, else
 * one the person made for it (adopted), else a new one; with `release`, managed profiles no longer
 * listed become the person's again.
 */
function reconcile(settings: Settings, setups: readonly SetupProfile[], release: boolean): Reconciled {
  const done: Reconciled = { changed: false, added: [], updated: [], released: [], secrets: [], movedAway: [] };
  const claimed = new Set<string>();
  for (const setup of setups) {
    const free = (p: Profile) => p.instanceUrl === setup.instanceUrl && p.grant === setup.grant && !claimed.has(p.id);
    const ownIndex = settings.profiles.findIndex((p) => p.managed === true && free(p));
    const index = ownIndex >= 0 ? ownIndex : settings.profiles.findIndex(free);
    const current = settings.profiles[index];
    const taken = new Set(settings.profiles.filter((p) => p.id !== current?.id).map((p) => p.name.toLowerCase()));
    let name = setup.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${setup.name} (${n})`;
    const next = fromSetup(setup, current ?? { id: randomUUID() }, name);
    if (!current) {
      next.color ??= nextProfileColor(settings.profiles);
      settings.profiles.push(toStoredProfile(next));
      settings.activeProfileId ??= next.id;
      done.added.push(next.name);
    } else if (!sameStored(current, next)) {
      if (current.clientId !== next.clientId) done.movedAway.push(next.id);
      settings.profiles[index] = toStoredProfile(next);
      done.updated.push(next.name);
    }
    claimed.add(next.id);
    if (setup.clientSecret) done.secrets.push({ id: next.id, secret: setup.clientSecret });
  }
  if (release) {
    // A profile the policy no longer lists is released: it stays, with its sign-in, and is the person's again.
    settings.profiles = settings.profiles.map((p) => {
      if (!p.managed || claimed.has(p.id)) return p;
      done.released.push(p.name);
      const released = { ...p };
      delete released.managed;
      return toStoredProfile(released);
    });
  }
  done.changed = done.added.length + done.updated.length + done.released.length > 0;
  return done;
}

/** Builds the managed-profile method over the engine's context. */
export function managedMethods(ctx: EngineContext): ManagedMethods {
  return {
    async applyManagedProfiles(entries, options) {
      const problems: ManagedProfilesOutcome['problems'] = [];
      const setups: SetupProfile[] = [];
      const isServerAllowed = ctx.ports.isServerAllowed?.bind(ctx.ports);
      // The organisation's own profiles come from where only its administrators write: a server name
      // that mixes alphabets is theirs to choose, as a server AllowedServers lists is.
      const isServerListed = (): boolean => true;
      entries.forEach((entry, index) => {
        try {
          const text = typeof entry === 'string' ? entry : JSON.stringify(entry);
          setups.push(parseSetup(text, { ...(isServerAllowed ? { isServerAllowed } : {}), isServerListed }));
        } catch (err) {
          problems.push({ entry: index + 1, error: toUserError(err) });
        }
      });
      const release = options?.release !== false;
      // Decided on a copy first, so that a start with nothing to change writes nothing; then done
      // again inside the update, on the settings as they are on disk at that moment.
      let done = reconcile(structuredClone(ctx.settings.load()), setups, release);
      if (done.changed) ctx.settings.update((settings) => void (done = reconcile(settings, setups, release)));
      // Another Auth Client's tokens are of no use: forgotten. The policy's secret goes to the keychain.
      for (const id of new Set([...done.movedAway, ...done.secrets.map((s) => s.id)])) {
        const secret = done.secrets.find((s) => s.id === id)?.secret;
        const moved = done.movedAway.includes(id);
        // Nothing to write when the keychain already holds this secret and no tokens are to go.
        if (!moved && (await ctx.vault.read(id)).clientSecret === secret) continue;
        await ctx.updateVault(id, (entry) => {
          const next = moved && entry.kind !== 'none' ? withoutTokens(entry, 'signed_out') : { ...entry };
          return secret === undefined || next.clientSecret === secret ? next : { ...next, clientSecret: secret };
        });
      }
      if (done.changed) ctx.emit({ type: 'profiles-changed' });
      return { added: done.added, updated: done.updated, released: done.released, problems };
    },
  };
}
