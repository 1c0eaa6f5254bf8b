/**
 * The secrets of a profile, stored as ONE keychain item (account = profile id)
 * holding JSON, so macOS asks at most once. Parsed with zod on read; an item
 * that does not parse is treated as empty rather than trusted.
 */
import { z } from 'zod';

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string().optional(),
  email: z.string().optional(),
});

/** What one keychain item holds. */
export const vaultEntrySchema = z.object({
  v: z.literal(1).default(1),
  clientSecret: z.string().optional(),
  /** `none` when there is no token (never signed in, or signed out). */
  kind: z.enum(['none', 'oauth', 'personal_access_token']).default('none'),
  accessToken: z.string().optional(),
  refreshToken: z.string().optional(),
  /** Epoch ms; null when unknown. */
  expiresAt: z.number().nullable().optional(),
  /** Epoch ms of the last sign-in or refresh. */
  obtainedAt: z.number().optional(),
  user: userSchema.nullable().optional(),
  /** Why there is no token any more. */
  signedOutReason: z.enum(['session_expired', 'signed_out']).optional(),
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
