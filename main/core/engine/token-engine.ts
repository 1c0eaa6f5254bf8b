/**
 * createTokenEngine: the facade over core that the shell, the IPC handlers
 * and the CLI call. Wires the parts; the logic lives in the modules it uses.
 */
import type { MessageKey } from '../../i18n';
import * as browserSignIn from '../oauth';
import { apiMethods } from './engine-api';
import { createEngineContext } from './engine-context';
import { managedMethods } from './engine-managed';
import { profileMethods } from './engine-profiles';
import { setupMethods } from './engine-setup';
import { createEndpointCache } from '../api';
import type { Profile, ProfileView, TokenEngine } from '../model';
import { isErrorCode, TokenTrayError, toUserError } from '../errors';
import { checkInstance } from '../profiles';
import { passwordGrant } from '../oauth';
import { checkPersonalAccessToken } from '../oauth';
import type { EnginePorts } from '../ports';
import { rememberUsername } from '../profiles';
import { toProfileView, toTokenDetails } from '../profiles';
import { createRefresher, notSignedIn } from './refresh';
import { createRetryGate } from './retry-gate';
import { SignInFlows } from '../oauth';
import { renewalDueAt, renewalLeadMs, withoutTokens, withTokens, type TokenSet } from '../tokens';
import { fixedTokenRunner, lookupUser } from '../api';

/** The note shown on signing out of a personal access token (a key of the common catalogue). */
export const PAT_SIGN_OUT_NOTE = 'common.sign_out.revoke_personal_token' satisfies MessageKey;

/** Builds the engine over the given ports. */
export function createTokenEngine(ports: EnginePorts): TokenEngine {
  const ctx = createEngineContext(ports);
  const flows = new SignInFlows<ProfileView>();
  const endpointCache = createEndpointCache(ports.configDir);
  const gate = createRetryGate(ports.configDir, ctx.clock);
  const refresher = createRefresher({
    gate,
    vault: ctx.vault,
    fetch: ctx.fetch,
    clock: ctx.clock,
    configDir: ports.configDir,
    log: ctx.log,
    // One event per change: listeners treat each of these as "this profile's status changed".
    onRefreshed: (profileId) => {
      ctx.renewalErrors.delete(profileId);
      ctx.emit({ type: 'token-refreshed', profileId });
    },
    onSessionExpired: (profileId) => {
      ctx.renewalErrors.delete(profileId);
      ctx.emit({ type: 'signed-out', profileId, reason: 'session_expired' });
    },
    onRefreshFailed: (profileId, err) => {
      ctx.renewalErrors.set(profileId, { error: toUserError(err), at: ctx.clock.now() });
      ctx.emit({ type: 'status-changed', profileId });
    },
  });

  /** Stores the tokens of a finished sign-in (never called for a failed one). */
  const completeSignIn = async (profile: Profile, tokens: TokenSet): Promise<ProfileView> => {
    if (tokens.user === undefined) {
      tokens.user = await lookupUser(
        fixedTokenRunner(ctx.fetch, profile.instanceUrl, tokens.accessToken, ctx.clock),
      ).catch((err: unknown) => {
        ctx.log.warn(
          `Profile ${profile.name}: signed in, but the user could not be looked up (${isErrorCode(err) ? err.code : 'error'}).`,
        );
        return null;
      });
    }
    await ctx.updateVault(profile.id, (entry) => withTokens(entry, tokens));
    ctx.renewalErrors.delete(profile.id);
    ctx.emit({ type: 'signed-in', profileId: profile.id });
    return ctx.view(profile);
  };

  const browserDeps: browserSignIn.BrowserSignInDeps = {
    flows,
    vault: ctx.vault,
    fetch: ctx.fetch,
    clock: ctx.clock,
    openBrowser: (url) => ports.openBrowser(url),
    tokenRequest: (profileId, request) => gate.run(profileId, request),
    emit: ctx.emit,
    profile: ctx.profile,
    completeSignIn,
    ...(ports.say ? { say: ports.say } : {}),
  };

  const cancelFlowsOf = (profileId: string) => {
    for (const flow of flows.forProfile(profileId)) flows.fail(flow.flowId, new TokenTrayError('sign_in_cancelled'));
  };

  const profiles = profileMethods(ctx, (profileId) => {
    cancelFlowsOf(profileId);
    ctx.renewalErrors.delete(profileId);
    endpointCache.drop(profileId);
  });
  return {
    ...profiles,
    ...setupMethods(ctx, profiles),
    ...managedMethods(ctx),
    checkInstance: (url, options) => {
      const allowed = ctx.ports.isServerAllowed?.bind(ctx.ports);
      return checkInstance(ctx.fetch, url, { ...options, ...(allowed ? { isServerAllowed: allowed } : {}) });
    },

    startBrowserSignIn: (profileId, options) =>
      browserSignIn.startBrowserSignIn(browserDeps, ctx.profile(profileId).id, options),
    async waitForSignIn(flowId) {
      const flow = flows.get(flowId);
      if (!flow) throw new TokenTrayError('not_found', 'error.sign_in.not_waiting');
      return flow.result;
    },
    cancelSignIn: (flowId) => flows.fail(flowId, new TokenTrayError('sign_in_cancelled')),
    handleCallbackUrl: (url) => browserSignIn.handleCallbackUrl(browserDeps, url),

    async signInWithPassword(profileId, username, password) {
      const profile = ctx.profile(profileId);
      if (profile.grant !== 'password') throw new TokenTrayError('invalid_input', 'error.profile.not_password');
      const entry = await ctx.vault.read(profile.id);
      const target = {
        instanceUrl: profile.instanceUrl,
        clientId: profile.clientId,
        clientSecret: entry.clientSecret,
        scope: profile.scope,
      };
      const tokens = await gate.run(profile.id, () => passwordGrant(target, username, password, ctx.fetch, ctx.clock));
      rememberUsername(ctx.settings, profile.id, username.trim());
      return completeSignIn(ctx.profile(profile.id), tokens);
    },
    async savePersonalAccessToken(profileId, token) {
      const profile = ctx.profile(profileId);
      if (profile.grant !== 'personal_access_token')
        throw new TokenTrayError('invalid_input', 'error.profile.not_personal_token');
      const tokens = await checkPersonalAccessToken(profile.instanceUrl, token, ctx.fetch, ctx.clock);
      return completeSignIn(profile, tokens);
    },

    freshToken: async (profileId) => refresher.freshToken(ctx.profile(profileId)),
    async freshTokenInfo(profileId, options) {
      const entry = await refresher.freshEntry(ctx.profile(profileId), options);
      const kind = entry.kind === 'personal_access_token' ? 'personal_access_token' : 'oauth';
      return { token: entry.accessToken, kind, expiresAt: entry.expiresAt ?? null };
    },
    async refreshNow(profileId) {
      const profile = ctx.profile(profileId);
      const entry = await ctx.vault.read(profile.id);
      if (entry.kind === 'none' || !entry.accessToken) throw notSignedIn(entry);
      if (entry.kind === 'personal_access_token' || !entry.refreshToken) {
        throw new TokenTrayError('invalid_input', 'error.profile.cannot_refresh');
      }
      const next = await refresher.refresh(profile, { force: true, seenToken: entry.accessToken });
      return toProfileView(profile, next, ctx.settings.load().activeProfileId);
    },
    async renewIfDue(profileId) {
      const profile = ctx.profile(profileId);
      const entry = await ctx.vault.read(profile.id);
      const due = renewalDueAt(entry);
      if (due !== null && due <= ctx.clock.now()) {
        // Not forced: a pair another process stored meanwhile is kept while it lasts the lead time.
        await refresher.refresh(profile, { seenToken: entry.accessToken, minValidityMs: renewalLeadMs(entry) });
      } else if (entry.kind === 'none' || !entry.accessToken) {
        throw notSignedIn(entry);
      }
      return ctx.view(profile);
    },
    async tokenDetails(profileId) {
      const profile = ctx.profile(profileId);
      const entry = await ctx.vault.read(profile.id);
      if (entry.kind === 'none' || !entry.accessToken) throw notSignedIn(entry);
      return toTokenDetails(profile.id, { ...entry, accessToken: entry.accessToken });
    },
    async signOut(profileId) {
      const profile = ctx.profile(profileId);
      cancelFlowsOf(profile.id);
      let wasPat = profile.grant === 'personal_access_token';
      await ctx.updateVault(profile.id, (entry) => {
        wasPat ||= entry.kind === 'personal_access_token';
        return withoutTokens(entry, 'signed_out');
      });
      ctx.renewalErrors.delete(profile.id);
      ctx.emit({ type: 'signed-out', profileId: profile.id, reason: 'signed_out' });
      return wasPat ? { note: PAT_SIGN_OUT_NOTE } : {};
    },
    ...apiMethods(ctx, refresher, endpointCache),

    onEvent: (listener) => ctx.onEvent(listener),
    async dispose() {
      flows.failAll(new TokenTrayError('sign_in_cancelled'));
      ctx.removeAllListeners();
    },
  };
}
