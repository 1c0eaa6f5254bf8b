/** Formatting for people: countdowns, sizes, local times. */

/** What the token view says about a signed-in token's life, and when it must look again. */
export interface TokenLife {
  headline: string;
  line: string | null;
  /** Milliseconds until the words change (null: they do not, until the profile changes). */
  changesInMs: number | null;
}

const DAY_MS = 86_400_000;

/**
 * A refreshable token is simply ready (any copy fetches a fresh one); another shows the day, or the
 * time, it stops working, and counts seconds only in its last minute.
 */
export function describeTokenLife(status: { expiresAt: number | null; refreshable: boolean }, now: number): TokenLife {
  if (status.expiresAt === null)
    return { headline: 'Ready', line: 'ProcessMaker did not say when this token stops working.', changesInMs: null };
  const left = status.expiresAt - now;
  if (status.refreshable) {
    return left > 0
      ? {
          headline: 'Ready, renews automatically',
          line: `The current token is valid until ${formatUntil(status.expiresAt, now)}; a fresh one is fetched when needed.`,
          changesInMs: left,
        }
      : {
          headline: 'Ready, renews automatically',
          line: 'A fresh token is fetched when you copy it.',
          changesInMs: null,
        };
  }
  if (left <= 0) return { headline: 'Expired', line: 'Sign in again to get a new token.', changesInMs: null };
  if (left < 60_000) {
    const seconds = Math.ceil(left / 1000);
    return {
      headline: `Expires in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`,
      line: 'Sign in again to get a new token.',
      changesInMs: left - (seconds - 1) * 1000,
    };
  }
  return { headline: `Valid until ${formatUntil(status.expiresAt, now)}`, line: null, changesInMs: left - 59_999 };
}

/** "15:31" today or within a day, "2 Dec 2027" further away. */
function formatUntil(epochMs: number, now: number): string {
  const date = new Date(epochMs);
  return epochMs - now < DAY_MS
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** "512 bytes", "1.4 KB", "2.0 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A local date and time for epoch milliseconds. */
export function formatLocalTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A JWT time claim (unix seconds, possibly fractional) as local time. */
export function formatClaimTime(seconds: number | undefined): string {
  return seconds === undefined ? 'not stated' : formatLocalTime(Math.round(seconds * 1000));
}

/** "1,234 ms" or "1.2 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A random id for requests the console may cancel. */
export function randomId(): string {
  return crypto.randomUUID();
}
