/**
 * The organisation's profiles: the `Profiles` policy lists setup files (the same format people share),
 * and each becomes a profile marked `managed`, kept matching the policy. A person signs in to it and
 * nothing else: the engine refuses changes to it and its removal (see engine-profiles).
 */
import { randomUUID } from 'node:crypto';
import type { ManagedProfilesOutcome, Profile, TokenEngine } from '../model';
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

/** Builds the managed-profile method over the engine's context. */
export function managedMethods(ctx: EngineContext): ManagedMethods {
  return {
    async applyManagedProfiles(entries, options) {
      const release = options?.release !== false;
      const outcome: ManagedProfilesOutcome = { added: [], updated: [], released: [], problems: [] };
      const setups: SetupProfile[] = [];
      const isServerAllowed = ctx.ports.isServerAllowed?.bind(ctx.ports);
      entries.forEach((entry, index) => {
        try {
          const text = typeof entry === 'string' ? entry : JSON.stringify(entry);
          setups.push(parseSetup(text, isServerAllowed ? { isServerAllowed } : {}));
        } catch (err) {
          outcome.problems.push({ entry: index + 1, error: toUserError(err) });
        }
      });

      const secrets: Array<{ id: string; secret: string }> = [];
      const movedAway: string[] = [];
      const before = ctx.settings.load();
      const changes = (settings: typeof before): boolean => {
        let changed = false;
        const claimed = new Set<string>();
        for (const setup of setups) {
          // The organisation's own profile of this server, else one the person made for it (it is adopted).
          const same = (p: Profile) => p.instanceUrl === setup.instanceUrl && p.grant === setup.grant;
          const free = (p: Profile) => same(p) && !claimed.has(p.id);
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
            outcome.added.push(next.name);
            changed = true;
          } else if (!sameStored(current, next)) {
            if (current.clientId !== next.clientId) movedAway.push(next.id);
            settings.profiles[index] = toStoredProfile(next);
            outcome.updated.push(next.name);
            changed = true;
          }
          claimed.add(next.id);
          if (setup.clientSecret) secrets.push({ id: next.id, secret: setup.clientSecret });
        }
        // A profile the policy no longer lists is released: it stays, with its sign-in, and is the person's again.
        settings.profiles = settings.profiles.map((p) => {
          if (!p.managed || claimed.has(p.id) || !release) return p;
          outcome.released.push(p.name);
          changed = true;
          const released = { ...p };
          delete released.managed;
          return toStoredProfile(released);
        });
        if (settings.activeProfileId && !settings.profiles.some((p) => p.id === settings.activeProfileId))
          settings.activeProfileId = settings.profiles[0]?.id ?? null;
        return changed;
      };

      // Decided on a copy first, so that a start with nothing to change writes nothing.
      if (changes(structuredClone(before))) {
        outcome.added = [];
        outcome.updated = [];
        outcome.released = [];
        secrets.length = 0;
        movedAway.length = 0;
        ctx.settings.update((settings) => void changes(settings));
      }
      // Another Auth Client's tokens are of no use: forgotten. The policy's secret goes to the keychain.
      for (const id of new Set([...movedAway, ...secrets.map((s) => s.id)])) {
        const secret = secrets.find((s) => s.id === id)?.secret;
        // Nothing to write when the keychain already holds this secret and no tokens are to go.
        if (!movedAway.includes(id) && (await ctx.vault.read(id)).clientSecret === secret) continue;
        await ctx.updateVault(id, (entry) => {
          const next =
            movedAway.includes(id) && entry.kind !== 'none' ? withoutTokens(entry, 'signed_out') : { ...entry };
          return secret === undefined || next.clientSecret === secret ? next : { ...next, clientSecret: secret };
        });
      }
      if (outcome.added.length + outcome.updated.length + outcome.released.length > 0)
        ctx.emit({ type: 'profiles-changed' });
      return outcome;
    },
  };
}
