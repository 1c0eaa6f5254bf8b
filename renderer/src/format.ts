/** Formatting for people: countdowns, sizes, local times. */
import type { UserError } from '../../main/contract/ipc';
import { renewalProblem } from '../../main/core/errors';
import { i18n, t } from './i18n';

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
    // Main's renewalProblem names the sentence: ProcessMaker out of reach, or refusing to renew.
    const problem = renewalProblem(status.renewalError.code);
    const offline = problem === renewalProblem('unreachable');
    const headline = t(problem);
    const badge = offline ? t('window.token.badge.offline') : t('window.token.badge.notRenewing');
    if (status.expiresAt === null || left === null)
      return { headline, line: t('window.token.life.keepsTrying'), tone: 'warn', badge, changesInMs: null };
    return left > 0
      ? {
          headline,
          line: t('window.token.life.worksUntil', formatUntil(status.expiresAt, now)),
          tone: 'warn',
          badge,
          changesInMs: left,
        }
      : {
          headline,
          line: t('window.token.life.expiredRetrying'),
          tone: 'bad',
          badge: t('window.token.badge.expired'),
          changesInMs: null,
        };
  }
  if (status.expiresAt === null || left === null)
    return {
      headline: t('window.token.life.ready'),
      line: t('window.token.life.noExpiry'),
      tone: 'ok',
      badge: t('window.token.badge.signedIn'),
      changesInMs: null,
    };
  if (status.refreshable) {
    return left > 0
      ? {
          headline: t('window.token.life.renews'),
          line: t('window.token.life.validUntilRenews', formatUntil(status.expiresAt, now)),
          tone: 'ok',
          badge: t('window.token.badge.signedIn'),
          changesInMs: left,
        }
      : {
          headline: t('window.token.life.renews'),
          line: t('window.token.life.fetchedOnCopy'),
          tone: 'ok',
          badge: t('window.token.badge.signedIn'),
          changesInMs: null,
        };
  }
  if (left <= 0)
    return {
      headline: t('window.token.life.expired'),
      line: t('window.token.life.signInAgain'),
      tone: 'bad',
      badge: t('window.token.badge.expired'),
      changesInMs: null,
    };
  if (left < 60_000) {
    const seconds = Math.ceil(left / 1000);
    return {
      // "Expires in 43 seconds", "Läuft in 43 Sekunden ab" (Intl.RelativeTimeFormat).
      headline: t('window.token.life.expiresIn', { when: i18n().relative(seconds * 1000) }),
      line: t('window.token.life.signInAgain'),
      tone: 'warn',
      badge: t('window.token.badge.expiring'),
      changesInMs: left - (seconds - 1) * 1000,
    };
  }
  return {
    headline: t('window.token.life.validUntil', formatUntil(status.expiresAt, now)),
    line: null,
    tone: 'ok',
    badge: t('window.token.badge.signedIn'),
    changesInMs: left - 59_999,
  };
}

/**
 * "15:31" today or within a day, "2 Dec 2027" further away (in the active locale); `at` says which,
 * for languages whose sentence differs ("hasta las 15:31", "hasta el 2 dic 2027").
 */
function formatUntil(epochMs: number, now: number): { until: string; at: 'time' | 'date' } {
  return epochMs - now < DAY_MS
    ? { until: i18n().dateTime(epochMs, { hour: '2-digit', minute: '2-digit' }), at: 'time' }
    : { until: i18n().dateTime(epochMs, { dateStyle: 'medium' }), at: 'date' };
}

/** "512 bytes", "1.4 kB", "2.0 MB" (Intl units in the active locale). */
export function formatSize(bytes: number): string {
  const oneDecimal = { style: 'unit', minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
  if (bytes < 1024) return i18n().number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  if (bytes < 1024 * 1024) return i18n().number(bytes / 1024, { ...oneDecimal, unit: 'kilobyte' });
  return i18n().number(bytes / (1024 * 1024), { ...oneDecimal, unit: 'megabyte' });
}

/** A local date and time for epoch milliseconds. */
export function formatLocalTime(epochMs: number): string {
  return i18n().dateTime(epochMs, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A JWT time claim (unix seconds, possibly fractional) as local time. */
export function formatClaimTime(seconds: number | undefined): string {
  return seconds === undefined ? t('window.token.claims.notStated') : formatLocalTime(Math.round(seconds * 1000));
}

/** "234 ms" or "1.23 sec" (Intl units in the active locale). */
export function formatDuration(ms: number): string {
  return ms < 1000
    ? i18n().number(Math.round(ms), { style: 'unit', unit: 'millisecond' })
    : i18n().number(ms / 1000, { style: 'unit', unit: 'second', minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A random id for requests the console may cancel. */
export function randomId(): string {
  return crypto.randomUUID();
}
