/**
 * The profile half of the engine facade: list, add, change, copy, remove,
 * choose. Settings go to the settings file, the client secret to the keychain.
 */
import type { NewProfileInput, ProfilePatch, ProfileView, TokenEngine } from '../model';
import type { EngineContext } from './engine-context';
import {
  addProfileSettings,
  duplicateProfileSettings,
  removeProfileSettings,
  setActiveProfileSettings,
  updateProfileSettings,
} from '../profiles';
import { TokenTrayError } from '../errors';
import { normaliseInstanceUrl, setAsideNotes } from '../profiles';
import { checkClient } from '../oauth';
import type { GrantKind } from '../model';
import { withoutTokens } from '../tokens';

type ProfileMethods = Pick<
  TokenEngine,
  | 'listProfiles'
  | 'getProfile'
  | 'addProfile'
  | 'updateProfile'
  | 'duplicateProfile'
  | 'removeProfile'
  | 'setActiveProfile'
  | 'activeProfile'
  | 'setAsideNotes'
>;

/** Builds the profile methods; `beforeRemove` lets the engine cancel flows and drop caches. */
export function profileMethods(ctx: EngineContext, beforeRemove: (profileId: string) => void): ProfileMethods {
  const changed = () => ctx.emit({ type: 'profiles-changed' });

  /** Throws `sign_in_kind_not_allowed` for a way of signing in the organisation's policy does not allow. */
  const refuseKindOutsidePolicy = (grant: GrantKind) => {
    if (ctx.ports.isSignInKindAllowed && !ctx.ports.isSignInKindAllowed(grant))
      throw new TokenTrayError('sign_in_kind_not_allowed');
  };

  /** Throws `server_not_allowed` for an address the organisation's policy does not list (checked before anything is saved). */
  const refuseServerOutsidePolicy = (typed: string, allowInsecure: boolean | undefined) => {
    const allowed = ctx.ports.isServerAllowed;
    if (!allowed) return;
    let url: string;
    try {
      url = normaliseInstanceUrl(typed, { allowInsecure: allowInsecure ?? false });
    } catch {
      return; // the settings code refuses it in its own words
    }
    if (!allowed(url)) throw new TokenTrayError('server_not_allowed');
  };

  /**
   * Asks ProcessMaker whether it accepts this Auth Client; throws `client_rejected` when it does not.
   * Details that do not even validate are left for the settings code to refuse in its own words.
   */
  const ensureClientAccepted = async (target: {
    instanceUrl: string;
    clientId?: string | undefined;
    clientSecret?: string | undefined;
    grant: GrantKind;
    allowInsecure?: boolean | undefined;
  }) => {
    const clientId = target.clientId?.trim();
    if (target.grant === 'personal_access_token' || !clientId) return;
    let instanceUrl: string;
    try {
      instanceUrl = normaliseInstanceUrl(target.instanceUrl, { allowInsecure: target.allowInsecure ?? false });
    } catch {
      return;
    }
    await checkClient(
      { instanceUrl, clientId, clientSecret: target.clientSecret?.trim() || undefined },
      target.grant,
      ctx.fetch,
    );
  };

  /** Throws `profiles_not_allowed` when the organisation sets up every profile itself. */
  const refuseUserProfileOutsidePolicy = () => {
    if (ctx.ports.allowUserProfiles && !ctx.ports.allowUserProfiles()) throw new TokenTrayError('profiles_not_allowed');
  };

  /** Throws `managed_by_policy` for any change to a profile the organisation's policy sets. */
  const refuseChangeOfManaged = (profile: { managed?: boolean }, patch: ProfilePatch) => {
    if (!profile.managed) return;
    const touched = Object.values(patch).some((value) => value !== undefined);
    if (touched) throw new TokenTrayError('managed_by_policy');
  };

  const listProfiles = async (): Promise<ProfileView[]> =>
    Promise.all(ctx.settings.load().profiles.map((p) => ctx.view(p)));

  return {
    listProfiles,
    async getProfile(idOrName) {
      return ctx.view(ctx.profile(idOrName));
    },
    async addProfile(input: NewProfileInput, options) {
      refuseUserProfileOutsidePolicy();
      refuseServerOutsidePolicy(input.instanceUrl, input.allowInsecure);
      refuseKindOutsidePolicy(input.grant);
      if (options?.checkClient) {
        await ensureClientAccepted(input);
      }
      const profile = addProfileSettings(ctx.settings, input);
      const secret = input.clientSecret?.trim();
      if (secret) {
        try {
          await ctx.vault.write(profile.id, { v: 1, kind: 'none', clientSecret: secret });
        } catch (err) {
          removeProfileSettings(ctx.settings, profile.id);
          throw err;
        }
      }
      changed();
      return ctx.view(profile);
    },
    async updateProfile(id, patch: ProfilePatch, options) {
      const before = ctx.profile(id);
      refuseChangeOfManaged(before, patch);
      if (patch.instanceUrl !== undefined) refuseServerOutsidePolicy(patch.instanceUrl, patch.allowInsecure);
      if (patch.grant !== undefined) refuseKindOutsidePolicy(patch.grant);
      const connectionChanged =
        patch.instanceUrl !== undefined ||
        patch.clientId !== undefined ||
        patch.grant !== undefined ||
        typeof patch.clientSecret === 'string';
      if (options?.checkClient && connectionChanged) {
        const stored = patch.clientSecret === undefined ? (await ctx.vault.read(before.id)).clientSecret : undefined;
        await ensureClientAccepted({
          instanceUrl: patch.instanceUrl ?? before.instanceUrl,
          clientId: patch.clientId ?? before.clientId,
          clientSecret: patch.clientSecret === null ? undefined : (patch.clientSecret ?? stored),
          grant: patch.grant ?? before.grant,
          // A stored address was accepted when it was saved; a new one needs its own confirmation.
          allowInsecure: patch.instanceUrl === undefined ? true : patch.allowInsecure,
        });
      }
      const after = updateProfileSettings(ctx.settings, before.id, patch);
      const movedAway =
        after.instanceUrl !== before.instanceUrl || after.clientId !== before.clientId || after.grant !== before.grant;
      if (patch.clientSecret !== undefined || movedAway) {
        await ctx.updateVault(after.id, (entry) => {
          // Tokens of another server or client are of no use here: forget them.
          const next = movedAway && entry.kind !== 'none' ? withoutTokens(entry, 'signed_out') : { ...entry };
          const secret = patch.clientSecret?.trim();
          if (patch.clientSecret === null) delete next.clientSecret;
          else if (secret) next.clientSecret = secret;
          return next;
        });
        if (movedAway) ctx.emit({ type: 'status-changed', profileId: after.id });
      }
      changed();
      return ctx.view(after);
    },
    async duplicateProfile(id, name) {
      const source = ctx.profile(id);
      refuseUserProfileOutsidePolicy();
      const copy = duplicateProfileSettings(ctx.settings, source.id, name);
      const entry = await ctx.vault.read(source.id);
      if (entry.clientSecret) {
        try {
          await ctx.vault.write(copy.id, { v: 1, kind: 'none', clientSecret: entry.clientSecret });
        } catch (err) {
          removeProfileSettings(ctx.settings, copy.id);
          throw err;
        }
      }
      changed();
      return ctx.view(copy);
    },
    async removeProfile(id) {
      const profile = ctx.profile(id);
      if (profile.managed) throw new TokenTrayError('managed_by_policy');
      beforeRemove(profile.id);
      await ctx.vault.remove(profile.id);
      removeProfileSettings(ctx.settings, profile.id);
      changed();
    },
    async setActiveProfile(id) {
      setActiveProfileSettings(ctx.settings, ctx.profile(id).id);
      changed();
    },
    async activeProfile() {
      const settings = ctx.settings.load();
      const active = settings.profiles.find((p) => p.id === settings.activeProfileId) ?? settings.profiles[0];
      return active ? ctx.view(active) : null;
    },
    async setAsideNotes() {
      return setAsideNotes(ctx.settings.load());
    },
  };
}
