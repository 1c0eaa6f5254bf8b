/**
 * Keeping sign-ins alive while the app runs: background renewal ahead of expiry, and the one
 * notification when a sign-in has ended.
 */
export {
  backoffMs,
  createRenewalScheduler,
  FIRST_BACKOFF_MS,
  MAX_BACKOFF_MS,
  MAX_TIMER_MS,
  plannedAt,
  RENEWAL_JITTER_MS,
  RESUME_SETTLE_MS,
} from './renewal-scheduler';
export type { RenewalScheduler, RenewalSchedulerDeps, SchedulerTimers } from './renewal-scheduler';
export { createSessionNotices } from './session-notices';
export type { SessionNotices, SessionNoticesDeps } from './session-notices';
