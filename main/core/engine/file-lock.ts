/**
 * A cross-process lock file, so the tray app and `pmtoken` never refresh one
 * profile at the same time (ProcessMaker rotates refresh tokens: two racing
 * refreshes would burn each other's token). Created with `open(..., 'wx')`
 * (fails if it exists), holding `{pid, at}`. A lock whose process is gone,
 * or that is older than `staleMs`, is taken over under a short guard lock.
 * While its holder works, a heartbeat moves the lock file's time on (every
 * third of `staleMs`), so a holder that is slow but alive (a keychain taking
 * its 30 s, then a token request taking its own) is never taken for stale: a
 * second process waits, or says "busy", instead of spending a refresh token
 * the holder has already rotated.
 */
import { readFileSync, unlinkSync, utimesSync } from 'node:fs';
import { readFile, rm, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { TokenTrayError } from '../errors';
import { createPrivateFile, ensurePrivateDir } from '../files';

/** Options for {@link withFileLock}. */
export interface FileLockOptions {
  /** A lock older than this is considered abandoned (default 45 s, above the 30 s request time limit). */
  staleMs?: number;
  /** Give up waiting after this long (default 60 s). */
  waitMs?: number;
  /** Polling interval while waiting (default 25 ms). */
  pollMs?: number;
  /** How often the holder marks the lock as still in use (default a third of `staleMs`). */
  heartbeatMs?: number;
}

interface LockInfo {
  pid: number;
  at: number;
  host: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readInfo(path: string): Promise<{ info: LockInfo | null; raw: string; mtimeMs: number } | null> {
  try {
    const [raw, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let info: LockInfo | null = null;
    try {
      const parsed = JSON.parse(raw) as Partial<LockInfo>;
      if (typeof parsed.pid === 'number' && typeof parsed.at === 'number')
        info = { pid: parsed.pid, at: parsed.at, host: String(parsed.host ?? '') };
    } catch {
      info = null;
    }
    return { info, raw, mtimeMs: st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function isStale(found: { info: LockInfo | null; mtimeMs: number }, staleMs: number): boolean {
  const now = Date.now();
  if (!found.info) return now - found.mtimeMs > Math.min(staleMs, 2_000); // half-written or garbage
  if (found.info.host === hostname() && found.info.pid !== process.pid && !processAlive(found.info.pid)) return true;
  return now - Math.max(found.info.at, found.mtimeMs) > staleMs;
}

/**
 * Creates the lock file; returns its content (unique per holder), or null when it already exists.
 * Synchronous on purpose: a few tiny local file calls, on every refresh, cost less than thread-pool hops.
 * On a full or read-only disk this throws `storage_full` / `storage_read_only` and leaves no
 * half-made lock behind, so nothing is asked of the server whose answer could not be kept.
 */
function tryCreate(path: string): string | null {
  const content = JSON.stringify({ pid: process.pid, at: Date.now(), host: hostname(), nonce: randomUUID() });
  try {
    return createPrivateFile(path, content) ? content : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // First run: the settings folder may not exist yet.
  ensurePrivateDir(dirname(path));
  return createPrivateFile(path, content) ? content : null;
}

/** Removes a stale lock, guarded so two waiters cannot both remove and recreate it. */
async function takeOver(path: string, staleRaw: string): Promise<void> {
  const guard = `${path}.takeover`;
  if (tryCreate(guard) === null) {
    const g = await readInfo(guard);
    if (g && Date.now() - g.mtimeMs > 5_000) await rm(guard, { force: true });
    return;
  }
  try {
    const again = await readInfo(path);
    if (again && again.raw === staleRaw) await unlink(path).catch(() => undefined);
  } finally {
    await rm(guard, { force: true });
  }
}

/** Runs `work` while holding the lock file at `path`; always releases it. */
export async function withFileLock<T>(path: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 45_000;
  const waitMs = options.waitMs ?? 60_000;
  const pollMs = options.pollMs ?? 25;
  const giveUpAt = Date.now() + waitMs;
  let mine: string | null = null;
  for (;;) {
    mine = tryCreate(path);
    if (mine !== null) break;
    const found = await readInfo(path);
    if (found && isStale(found, staleMs)) {
      await takeOver(path, found.raw);
      continue;
    }
    if (Date.now() > giveUpAt) {
      throw new TokenTrayError('busy', 'error.lock.busy');
    }
    await sleep(pollMs);
  }
  const owned = mine;
  const heartbeat = setInterval(() => beat(path, owned), options.heartbeatMs ?? staleMs / 3);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await release(path, mine);
  }
}

/** Moves the lock file's time on while its content is still ours: the holder is alive and at work. */
function beat(path: string, mine: string): void {
  try {
    if (readFileSync(path, 'utf8') !== mine) return;
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Gone, or taken over: nothing of ours to keep alive.
  }
}

/** Deletes our own lock file (never one another holder took over). */
async function release(path: string, mine: string): Promise<void> {
  try {
    if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
  } catch {
    // Already gone, or taken over: nothing of ours to delete.
  }
}
