/** Formatting for people: countdowns, sizes, local times. */

/** "59 min 12 s", "3 h 05 min", "12 days 4 h"; "expired" at or below zero. */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return 'expired';
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} ${hours} h ${pad(minutes)} min ${pad(seconds)} s`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min ${pad(seconds)} s`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
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
