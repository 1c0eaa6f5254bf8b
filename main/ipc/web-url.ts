/** Which links may leave the app: the one URL check the IPC handlers and the shell share. */

/** True for an absolute http: or https: URL (the only links handed to the system browser). */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
