/**
 * The console's request history: the last 50 requests per profile in
 * `<configDir>/history.json`, written by core's careful writer (temp file, fsync, rename). Never
 * stores Authorization, Cookie or other secret-looking headers, and redacts
 * tokens in paths, query values and bodies.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryEntry } from '../contract/ipc';
import type { ApiRequest } from '../core';
import { createKeyedQueue, redactSecrets, writeFileAtomic } from '../core';

/** Entries kept per profile. */
export const historyLimit = 50;

/** Per-profile request history. */
export interface HistoryStore {
  /** Newest first; `search` matches method, path, query, headers and body (case-insensitive). */
  list(profileId: string, search?: string): Promise<HistoryEntry[]>;
  /** Adds an entry (sanitised) and returns it as stored. */
  add(entry: Omit<HistoryEntry, 'id' | 'at'> & { at?: number }): Promise<HistoryEntry>;
  clear(profileId: string): Promise<void>;
}

const secretHeader =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|password|passwd|api[-_]?key|session|auth/i;
const secretParam = /token|secret|password|passwd|api[-_]?key|session|^code$|auth/i;

/** Copies a request without anything secret-looking. */
export function sanitizeRequest(request: ApiRequest): ApiRequest {
  const clean: ApiRequest = { method: request.method, path: redactSecrets(request.path) };
  if (request.query)
    clean.query = request.query.map(([k, v]) => [k, secretParam.test(k) ? '[redacted]' : redactSecrets(v)]);
  if (request.headers)
    clean.headers = request.headers
      .filter(([name]) => !secretHeader.test(name.trim()))
      .map(([k, v]) => [k, redactSecrets(v)]);
  if (request.body !== undefined) clean.body = redactSecrets(request.body);
  if (request.timeoutMs !== undefined) clean.timeoutMs = request.timeoutMs;
  return clean;
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<HistoryEntry>;
  return (
    typeof e.id === 'string' &&
    typeof e.profileId === 'string' &&
    typeof e.at === 'number' &&
    typeof e.request?.path === 'string'
  );
}

function haystack(entry: HistoryEntry): string {
  const r = entry.request;
  return [
    r.method,
    r.path,
    ...(r.query ?? []).flat(),
    ...(r.headers ?? []).flat(),
    r.body ?? '',
    String(entry.status ?? ''),
  ]
    .join('\n')
    .toLowerCase();
}

/** Opens (lazily) the history file in `configDir`. */
export function createHistoryStore(configDir: string): HistoryStore {
  const file = join(configDir, 'history.json');
  const queue = createKeyedQueue();

  async function load(): Promise<HistoryEntry[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      const entries = (parsed as { entries?: unknown } | null)?.entries;
      return Array.isArray(entries) ? entries.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  function save(entries: HistoryEntry[]): void {
    mkdirSync(configDir, { recursive: true });
    writeFileAtomic(file, JSON.stringify({ version: 1, entries }));
  }

  /** Runs read-modify-write steps one after another inside this process. */
  const serial = <T>(step: () => Promise<T>): Promise<T> => queue.run(file, step);

  return {
    list: (profileId, search) =>
      serial(async () => {
        const needle = search?.trim().toLowerCase() ?? '';
        return (await load())
          .filter((e) => e.profileId === profileId && (needle === '' || haystack(e).includes(needle)))
          .sort((a, b) => b.at - a.at);
      }),
    add: (input) =>
      serial(async () => {
        const entry: HistoryEntry = {
          id: randomUUID(),
          profileId: input.profileId,
          at: input.at ?? Date.now(),
          request: sanitizeRequest(input.request),
          status: input.status,
          durationMs: input.durationMs,
        };
        const all = await load();
        const mine = [...all.filter((e) => e.profileId === entry.profileId), entry]
          .sort((a, b) => a.at - b.at)
          .slice(-historyLimit);
        save([...all.filter((e) => e.profileId !== entry.profileId), ...mine]);
        return entry;
      }),
    clear: (profileId) =>
      serial(async () => {
        const all = await load();
        save(all.filter((e) => e.profileId !== profileId));
      }),
  };
}
