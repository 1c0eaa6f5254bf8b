/**
 * Personal access tokens (ProcessMaker: Admin > Users > Edit > API Tokens).
 * A pasted token is cleaned up and checked against ProcessMaker before it is
 * saved: a token ProcessMaker refuses is never stored.
 */
import { TokenTrayError } from '../errors';
import { jwtExpiresAt } from '../tokens';
import type { Clock, FetchLike } from '../ports';
import type { TokenSet } from '../tokens';
import { fixedTokenRunner, lookupUser } from '../api';

/** Trims whitespace, quotes and a leading "Bearer " from a pasted token. */
export function cleanPastedToken(pasted: string): string {
  let token = pasted
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim();
  token = token
    .replace(/^Authorization:\s*/i, '')
    .replace(/^Bearer\s+/i, '')
    .trim();
  return token.replace(/\s+/g, '');
}

/** Checks a personal access token with ProcessMaker (who does it belong to?) and returns what to store. */
export async function checkPersonalAccessToken(
  instanceUrl: string,
  pasted: string,
  fetch: FetchLike,
  clock: Clock,
): Promise<TokenSet> {
  const token = cleanPastedToken(pasted);
  if (token === '') throw new TokenTrayError('invalid_input', 'error.personal_token.missing');
  if (/[^\x21-\x7e]/.test(token)) throw new TokenTrayError('invalid_input', 'error.personal_token.malformed');
  const user = await lookupUser(fixedTokenRunner(fetch, instanceUrl, token, clock));
  return {
    kind: 'personal_access_token',
    accessToken: token,
    expiresAt: jwtExpiresAt(token),
    obtainedAt: clock.now(),
    user,
  };
}
