import { invalidScope } from './oauth-errors';

/**
 * Passport defines no scopes in ProcessMaker; only '*' is known. Splits a space-delimited
 * scope string (empty allowed) and throws invalid_scope on anything else.
 */
export function validateScopes(raw: string | null, redirectUri: string | null = null): string[] {
  const scopes = (raw ?? '').split(' ').filter((s) => s !== '');
  for (const s of scopes) if (s !== '*') throw invalidScope(s, redirectUri);
  return [...new Set(scopes)];
}

/** Passport's finalizeScopes: '*' survives only the password, personal access and client credentials grants. */
export function finalizeScopes(grant: string, scopes: string[]): string[] {
  if (grant === 'password' || grant === 'personal_access' || grant === 'client_credentials') return scopes;
  return scopes.filter((s) => s !== '*');
}
