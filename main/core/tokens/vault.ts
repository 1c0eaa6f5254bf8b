/**
 * The secrets of a profile, stored as ONE keychain item (account = profile id)
 * holding JSON, so macOS asks at most once. Parsed with zod on read; an item
 * that does not parse is treated as empty rather than trusted.
 */
// zod/mini: the same checks, but tree-shakable, so `pmtoken token`'s quick road (which parses the
// keychain item with this schema) does not load all of zod (measured with `npm run bench`).
import * as z from 'zod/mini';

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.optional(z.string()),
  email: z.optional(z.string()),
});

/** What one keychain item holds. */
export const vaultEntrySchema = z.object({
  v: z._default(z.literal(1), 1),
  clientSecret: z.optional(z.string()),
  /** `none` when there is no token (never signed in, or signed out). */
  kind: z._default(z.enum(['none', 'oauth', 'personal_access_token']), 'none'),
  accessToken: z.optional(z.string()),
  refreshToken: z.optional(z.string()),
  /** Epoch ms; null when unknown. */
  expiresAt: z.optional(z.nullable(z.number())),
  /** Epoch ms of the last sign-in or refresh. */
  obtainedAt: z.optional(z.number()),
  user: z.optional(z.nullable(userSchema)),
  /** Why there is no token any more. */
  signedOutReason: z.optional(z.enum(['session_expired', 'signed_out'])),
});

/** A parsed keychain item. */
export type VaultEntry = z.infer<typeof vaultEntrySchema>;

/** Tokens from a sign-in or refresh. */
export interface TokenSet {
  kind: 'oauth' | 'personal_access_token';
  accessToken: string;
  refreshToken?: string;
  expiresAt: number | null;
  obtainedAt: number;
  user?: VaultEntry['user'];
}

/** Typed access to profile secrets. */
export interface Vault {
  /** The entry; `fresh` skips any in-memory copy and asks the keychain itself. */
  read(profileId: string, options?: { fresh?: boolean }): Promise<VaultEntry>;
  write(profileId: string, entry: VaultEntry): Promise<void>;
  /** Read, change, write. */
  update(profileId: string, change: (entry: VaultEntry) => VaultEntry): Promise<VaultEntry>;
  remove(profileId: string): Promise<void>;
}

/** An empty entry. */
export function emptyEntry(): VaultEntry {
  return { v: 1, kind: 'none' };
}

/** The entry with new tokens, keeping the client secret. */
export function withTokens(entry: VaultEntry, tokens: TokenSet): VaultEntry {
  const next: VaultEntry = {
    v: 1,
    kind: tokens.kind,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    obtainedAt: tokens.obtainedAt,
    user: tokens.user === undefined ? (entry.user ?? null) : tokens.user,
  };
  if (entry.clientSecret !== undefined) next.clientSecret = entry.clientSecret;
  if (tokens.refreshToken !== undefined) next.refreshToken = tokens.refreshToken;
  return next;
}

/** The entry without any token (the client secret stays). */
export function withoutTokens(entry: VaultEntry, reason: 'session_expired' | 'signed_out'): VaultEntry {
  const next: VaultEntry = { v: 1, kind: 'none', signedOutReason: reason };
  if (entry.clientSecret !== undefined) next.clientSecret = entry.clientSecret;
  return next;
}

/** Parses a keychain item; anything that is not ours reads as an empty entry. */
export function parseVaultItem(raw: string | null): VaultEntry {
  if (raw === null || raw === '') return emptyEntry();
  try {
    const parsed = vaultEntrySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyEntry();
  } catch {
    return emptyEntry();
  }
}
