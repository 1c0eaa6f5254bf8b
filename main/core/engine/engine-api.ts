/**
 * The API half of the engine facade: who am I, console requests and endpoint
 * suggestions, each with a fresh token; the runner makes the one refresh-and-retry after a 401.
 */
import type { EndpointCache } from '../api';
import type { EngineContext } from './engine-context';
import type { Profile, TokenEngine, UserInfo } from '../model';
import { fetchApiEndpoints } from '../api';
import { notSignedIn, type Refresher } from './refresh';
import { runApiRequest, type RunnerContext } from '../api';
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

  /** The runner for a profile: its fresh token, and one refresh after a 401 where the profile can refresh. */
  const runnerFor = async (profile: Profile): Promise<RunnerContext> => {
    // One read serves both the token and whether a 401 may refresh.
    const entry = await ctx.vault.read(profile.id);
    return {
      fetch: ctx.ports.fetch,
      instanceUrl: profile.instanceUrl,
      token: () => refresher.freshToken(profile, entry),
      refreshAfterRejection: refreshAfterRejection(profile, entry),
      clock: ctx.clock,
    };
  };

  return {
    async whoami(profileId): Promise<UserInfo> {
      const profile = ctx.profile(profileId);
      const user = await lookupUser(await runnerFor(profile));
      await ctx
        .updateVault(profile.id, (entry) => (entry.accessToken ? { ...entry, user } : entry))
        .catch(() => undefined);
      return user;
    },
    async request(profileId, request, signal) {
      return runApiRequest(await runnerFor(ctx.profile(profileId)), request, signal);
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
