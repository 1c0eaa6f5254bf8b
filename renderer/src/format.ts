/** Formatting for people: countdowns, sizes, local times. */
import { renewalProblem, type UserError } from '../../main/contract/ipc';

/** What the token view says about a signed-in token's life, and when it must look again. */
export interface TokenLife {
  headline: string;
  line: string | null;
  /** `ok` while the token renews or lasts; `warn` while renewal fails or in its last minute; `bad` once it no longer works. */
  tone: 'ok' | 'warn' | 'bad';
  /** The word in the badge beside the profile's name. */
  badge: string;
  /** Milliseconds until the words change (null: they do not, until the profile changes). */
  changesInMs: number | null;
}

const DAY_MS = 86_400_000;

/**
 * A refreshable token is simply ready (it renews by itself); while its renewal fails, that is said
 * once, with until when the current token still works. Another token shows the day, or the time, it
 * stops working, and counts seconds only in its last minute.
 */
export function describeTokenLife(
  status: { expiresAt: number | null; refreshable: boolean; renewalError?: UserError | null },
  now: number,
): TokenLife {
  const left = status.expiresAt === null ? null : status.expiresAt - now;
  if (status.renewalError) {
    const headline = renewalProblem(status.renewalError.code);
    const badge = headline.startsWith('Can’t reach') ? 'Offline' : 'Not renewing';
    if (status.expiresAt === null || left === null)
      return { headline, line: 'Token Tray keeps trying by itself.', tone: 'warn', badge, changesInMs: null };
    return left > 0
      ? {
          headline,
          line: `Your current token works until ${formatUntil(status.expiresAt, now)}. Token Tray keeps trying by itself.`,
          tone: 'warn',
          badge,
          changesInMs: left,
        }
      : {
          headline,
          line: 'Your token has expired. Token Tray keeps trying, and copying works again once ProcessMaker answers.',
          tone: 'bad',
          badge: 'Expired',
          changesInMs: null,
        };
  }
  if (status.expiresAt === null || left === null)
    return {
      headline: 'Ready',
      line: 'ProcessMaker did not say when this token stops working.',
      tone: 'ok',
      badge: 'Signed in',
      changesInMs: null,
    };
  if (status.refreshable) {
    return left > 0
      ? {
          headline: 'Ready, renews automatically',
          line: `The current token is valid until ${formatUntil(status.expiresAt, now)}; Token Tray renews it before then.`,
          tone: 'ok',
          badge: 'Signed in',
          changesInMs: left,
        }
      : {
          headline: 'Ready, renews automatically',
          line: 'A fresh token is fetched when you copy it.',
          tone: 'ok',
          badge: 'Signed in',
          changesInMs: null,
        };
  }
  if (left <= 0)
    return {
      headline: 'Expired',
      line: 'Sign in again to get a new token.',
      tone: 'bad',
      badge: 'Expired',
      changesInMs: null,
    };
  if (left < 60_000) {
    const seconds = Math.ceil(left / 1000);
    return {
      headline: `Expires in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`,
      line: 'Sign in again to get a new token.',
      tone: 'warn',
      badge: 'Expiring',
      changesInMs: left - (seconds - 1) * 1000,
    };
  }
  return {
    headline: `Valid until ${formatUntil(status.expiresAt, now)}`,
    line: null,
    tone: 'ok',
    badge: 'Signed in',
    changesInMs: left - 59_999,
  };
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
