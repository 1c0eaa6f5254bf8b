/** System notifications in plain words (silently skipped where the desktop has none). */
import { Notification } from 'electron';

/** Shows a notification; `body` is one or two plain sentences. */
export function notify(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  new Notification({ title, body, silent: true }).show();
}
