import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PmClient, PmSeed, PmServerConfig, PmUser } from './types';

/** Passport's default lifetime for access, refresh and personal access tokens: one year, minus the second league loses. */
export const ONE_YEAR_SECONDS = 31535999;

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random string like Laravel's Str::random (used for client secrets and demo passwords). */
export function randomSecret(length = 40): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHANUM[b % ALPHANUM.length];
  return out;
}

/** The documented default seed; secrets and passwords are generated at call time. */
export function defaultSeed(): PmServerConfig {
  return {
    users: [
      {
        id: 1,
        username: 'admin',
        password: randomSecret(16),
        email: 'admin@example.com',
        firstname: 'Admin',
        lastname: 'User',
        status: 'ACTIVE',
        is_administrator: true,
      },
      {
        id: 2,
        username: 'jane',
        password: randomSecret(16),
        email: 'jane@example.com',
        firstname: 'Jane',
        lastname: 'Doe',
        status: 'ACTIVE',
        is_administrator: false,
      },
    ],
    clients: [
      {
        id: 1,
        name: 'Token Tray',
        secret: randomSecret(),
        redirect: 'pmtokentray://oauth/callback,http://127.0.0.1/oauth/callback',
        types: ['authorization_code_grant'],
      },
      {
        id: 2,
        name: 'ProcessMaker Password Grant Client',
        secret: randomSecret(),
        redirect: 'http://localhost',
        types: ['password_client'],
      },
      {
        id: 3,
        name: 'ProcessMaker Personal Access Client',
        secret: randomSecret(),
        redirect: 'http://localhost',
        types: ['personal_access_client'],
      },
    ],
    accessTokenTtl: ONE_YEAR_SECONDS,
    refreshTokenTtl: ONE_YEAR_SECONDS,
    personalAccessTokenTtl: ONE_YEAR_SECONDS,
    rotateRefreshTokens: true,
    tokenRateLimitPerMinute: 0,
    skipConsentWhenTokenExists: true,
    legacyInvalidCredentials: false,
  };
}

const userSchema = z.object({
  id: z.number().int().positive(),
  username: z.string().min(1),
  password: z.string().min(1),
  email: z.string(),
  firstname: z.string(),
  lastname: z.string(),
  status: z.enum(['ACTIVE', 'INACTIVE']).optional(),
  is_administrator: z.boolean().optional(),
});

const clientSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  secret: z.string().min(1).nullable(),
  redirect: z.string(),
  types: z.array(z.enum(['authorization_code_grant', 'password_client', 'personal_access_client'])),
});

/** Schema of a `--config FILE` JSON document: every key optional, missing keys come from the default seed. */
export const configFileSchema = z
  .object({
    users: z.array(userSchema),
    clients: z.array(clientSchema),
    accessTokenTtl: z.number().int().positive(),
    refreshTokenTtl: z.number().int().positive(),
    personalAccessTokenTtl: z.number().int().positive(),
    rotateRefreshTokens: z.boolean(),
    tokenRateLimitPerMinute: z.number().int().min(0),
    skipConsentWhenTokenExists: z.boolean(),
    legacyInvalidCredentials: z.boolean(),
  })
  .partial()
  .strict();

/** Reads and validates a config file; throws a plain sentence when it is not usable. */
export function readConfigFile(path: string): Partial<PmServerConfig> {
  const parsed = configFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`The config file ${path} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/** Default seed overlaid with the given partial config (arrays replace, they do not merge). */
export function resolveConfig(partial: Partial<PmServerConfig> | undefined): PmServerConfig {
  const base = defaultSeed();
  const out: PmServerConfig = { ...base };
  for (const [key, value] of Object.entries(partial ?? {})) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  out.users = out.users.map((u) => ({ status: 'ACTIVE', is_administrator: false, ...u }));
  return out;
}

/** Picks the named seed entries out of a config (first admin, first other user, first client of each kind). */
export function namedSeed(config: PmServerConfig): PmSeed {
  const first = <T>(list: T[], pred: (x: T) => boolean): T => {
    const hit = list.find(pred) ?? list[0];
    if (hit === undefined) throw new Error('The server configuration needs at least one user and one client.');
    return hit;
  };
  const admin: PmUser = first(config.users, (u) => u.is_administrator === true);
  const user: PmUser = first(config.users, (u) => u !== admin);
  const has = (t: PmClient['types'][number]) => (c: PmClient) => c.types.includes(t);
  return {
    admin,
    user,
    codeClient: first(config.clients, has('authorization_code_grant')),
    passwordClient: first(config.clients, has('password_client')),
    patClient: first(config.clients, has('personal_access_client')),
  };
}
