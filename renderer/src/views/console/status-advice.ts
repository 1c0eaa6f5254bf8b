/**
 * One plain sentence above an HTTP error's body: what the status means for the person who sent it,
 * and what to check. Only for the common statuses; others show their number and body alone.
 */

/** The sentence for `status`, or null when there is nothing useful to add. */
export function statusAdvice(status: number): string | null {
  if (status === 401)
    return 'ProcessMaker did not accept the token. Sign in again in Token Tray, then send the request again.';
  if (status === 403)
    return 'You are signed in, but your ProcessMaker user is not allowed to do this. Ask your ProcessMaker administrator for the permission.';
  if (status === 404)
    return 'ProcessMaker has nothing at this address. Check the path and any number in it (for example the id of a request or user).';
  if (status === 405)
    return 'This address does not accept this method. Check whether it expects GET, POST, PUT or DELETE.';
  if (status === 422) return 'ProcessMaker did not accept the data sent. The body below says which fields to correct.';
  if (status === 429) return 'Too many requests in a short time. Wait a minute, then send it again.';
  if (status >= 500 && status < 600)
    return 'Something went wrong on the ProcessMaker server. Try again in a moment; if it keeps happening, tell your ProcessMaker administrator.';
  return null;
}
