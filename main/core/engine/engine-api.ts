/**
 * The API half of the engine facade: who am I, console requests and endpoint
 * suggestions, each with a fresh token and one refresh-and-retry after a 401.
 */
import type { EndpointCache } from '../api';
import type { EngineContext } from './engine-context';
import type { Profile, TokenEngine, UserInfo } from '../model';
import { isErrorCode } from '../errors';
import { fetchApiEndpoints } from '../api';
import { notSignedIn, type Refresher } from './refresh';
import { runApiRequest } from '../api';
import type { VaultEntry } from '../tokens';
import { lookupUser } from '../api';

type ApiMethods = Pick<TokenEngine, 'whoami' | 'request' | 'apiEndpoints'>;

/** Builds the API methods over the engine's context, refresher and endpoint cache. */
export function apiMethods(ctx: EngineContext, refresher: Refresher, endpointCache: EndpointCache): ApiMethods {
  /** A refresh after ProcessMaker rejected a token, or null when the profile cannot refresh (PAT). */
  const refreshAfterRejection = (
    profile: Profile,
    entry: VaultEntry,
  ): ((rejected: string) => Promise<string>) | null => {
    if (entry.kind !== 'oauth' || !entry.refreshToken) return null;
    return async (rejectedToken) => {
      const next = await refresher.refresh(profile, { rejectedToken });
      if (!next.accessToken) throw notSignedIn(next);
      return next.accessToken;
    };
  };

  return {
    async whoami(profileId): Promise<UserInfo> {
      const profile = ctx.profile(profileId);
      const token = await refresher.freshToken(profile);
      let user: UserInfo;
      try {
        user = await lookupUser(ctx.fetch, profile.instanceUrl, token);
      } catch (err) {
        const retry = isErrorCode(err, 'token_rejected')
          ? refreshAfterRejection(profile, await ctx.vault.read(profile.id))
          : null;
        if (!retry) throw err;
        user = await lookupUser(ctx.fetch, profile.instanceUrl, await retry(token));
      }
      await ctx
        .updateVault(profile.id, (entry) => (entry.accessToken ? { ...entry, user } : entry))
        .catch(() => undefined);
      return user;
    },
    async request(profileId, request, signal) {
      const profile = ctx.profile(profileId);
      // One read serves both the token and whether a 401 may refresh.
      const entry = await ctx.vault.read(profile.id);
      const runner = {
        fetch: ctx.ports.fetch,
        instanceUrl: profile.instanceUrl,
        token: () => refresher.freshToken(profile, entry),
        refreshAfterRejection: refreshAfterRejection(profile, entry),
        clock: ctx.clock,
      };
      return runApiRequest(runner, request, signal);
    },
    async apiEndpoints(profileId, options) {
      const profile = ctx.profile(profileId);
      const cached = endpointCache.get(profile.id, profile.instanceUrl);
      if (cached && !options?.reload) return cached;
      try {
        const endpoints = await fetchApiEndpoints(ctx.fetch, profile.instanceUrl);
        endpointCache.set(profile.id, profile.instanceUrl, endpoints);
        return endpoints;
      } catch {
        // Suggestions only: without the document, the console still works.
        return cached ?? [];
      }
    },
  };
}
