/**
 * Remembers each profile's API endpoints (from the instance's OpenAPI
 * document) in memory and in `<configDir>/openapi-cache/<profileId>.json`, so
 * path suggestions appear at once after a restart. Not secret; validated on
 * read; a damaged file is simply ignored.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { ApiEndpoint } from '../model';
import { writePrivateFileAtomic } from '../files';

const fileSchema = z.object({
  instanceUrl: z.string(),
  savedAt: z.number(),
  endpoints: z.array(z.object({ method: z.string(), path: z.string(), summary: z.optional(z.string()) })),
});

/** Per-profile endpoint cache. */
export interface EndpointCache {
  /** Cached endpoints for this profile and address, or null. */
  get(profileId: string, instanceUrl: string): ApiEndpoint[] | null;
  set(profileId: string, instanceUrl: string, endpoints: ApiEndpoint[]): void;
  drop(profileId: string): void;
}

/** Builds the cache; `configDir` null keeps it in memory only. */
export function createEndpointCache(configDir: string | null): EndpointCache {
  const memory = new Map<string, { instanceUrl: string; endpoints: ApiEndpoint[] }>();
  const dir = configDir ? join(configDir, 'openapi-cache') : null;
  const fileOf = (profileId: string) => (dir ? join(dir, `${profileId.replace(/[^A-Za-z0-9-]/g, '_')}.json`) : null);
  return {
    get(profileId, instanceUrl) {
      const hit = memory.get(profileId);
      if (hit) return hit.instanceUrl === instanceUrl ? hit.endpoints : null;
      const file = fileOf(profileId);
      if (!file) return null;
      try {
        const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (!parsed.success || parsed.data.instanceUrl !== instanceUrl) return null;
        const endpoints: ApiEndpoint[] = parsed.data.endpoints.map((e) =>
          e.summary === undefined
            ? { method: e.method, path: e.path }
            : { method: e.method, path: e.path, summary: e.summary },
        );
        memory.set(profileId, { instanceUrl, endpoints });
        return endpoints;
      } catch {
        return null;
      }
    },
    set(profileId, instanceUrl, endpoints) {
      memory.set(profileId, { instanceUrl, endpoints });
      const file = fileOf(profileId);
      if (!file || !dir) return;
      try {
        writePrivateFileAtomic(file, JSON.stringify({ instanceUrl, savedAt: Date.now(), endpoints }));
      } catch {
        // Only a cache: a read-only disk must not break the console.
      }
    },
    drop(profileId) {
      memory.delete(profileId);
      const file = fileOf(profileId);
      if (file) rmSync(file, { force: true });
    },
  };
}
