/** System notifications in plain words (silently skipped where the desktop has none). */
import { Notification } from 'electron';

/** Shows a notification; `body` is one or two plain sentences; `onClick` runs when it is clicked. */
export function notify(title: string, body: string, onClick?: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body, silent: true });
  if (onClick) notification.on('click', onClick);
  notification.show();
}
