/**
 * Setup links (`pmtokentray://setup?…`) and setup files (`<name>.pmtokentray`, JSON), made by whoever set
 * Token Tray up once so that a colleague types nothing but their own ProcessMaker sign-in. One parser
 * for both, one writer for both. They carry what a profile needs to connect, the Auth Client's secret
 * only when its maker chose to include it, and never anyone's password or token: the writer cannot add
 * one and the parser refuses a link or file that has one.
 */
import { constants as fsConstants } from 'node:fs';
import { open } from 'node:fs/promises';
import { TokenTrayError, type ErrorParams, type ErrorSentenceKey } from '../errors';
import { REDIRECT_MODES, SIGN_IN_KINDS, type GrantKind, type RedirectMode, type SetupPreview } from '../model';
import {
  hostScript,
  nameLookalikeKey,
  nameProblem,
  normaliseInstanceUrl,
  UNSAFE_TEXT_CHARS,
  type HostScriptKind,
} from '../profiles';

const UNSAFE = new RegExp(UNSAFE_TEXT_CHARS, 'u');

/** The version this build writes and reads. */
export const SETUP_VERSION = 1;
/** The longest link or file accepted, in characters (a real one is a few hundred). */
export const SETUP_MAX_CHARS = 8192;
/** The file extension of a setup file. */
export const SETUP_FILE_EXTENSION = 'pmtokentray';

/** The fields of a setup, as written in a link's query and a file's JSON. */
export const SETUP_FIELDS = [
  'v',
  'name',
  'url',
  'kind',
  'client_id',
  'client_secret',
  'needs_secret',
  'redirect',
  'color',
  'production',
  'scope',
] as const;

/** Fields that would carry someone's sign-in: a setup with any of them is refused. */
const CREDENTIAL_FIELDS = [
  'password',
  'username',
  'token',
  'access_token',
  'refresh_token',
  'personal_access_token',
  'pat',
  'id_token',
  'code',
];

/** What a setup link or file describes: a profile, before it exists. */
export interface SetupProfile {
  version: typeof SETUP_VERSION;
  name: string;
  instanceUrl: string;
  grant: GrantKind;
  clientId?: string;
  clientSecret?: string;
  redirectMode?: RedirectMode;
  color?: string;
  production?: boolean;
  scope?: string;
  /** True when the address is plain http to another computer: the confirmation says so. */
  insecure: boolean;
  /**
   * True when the Auth Client has a secret that its maker left out: the person who uses the setup is
   * asked for it (and told whom to ask), never blamed for values they did not type.
   */
  needsSecret: boolean;
  /** How the server's name is written: `non_ascii` is shown as punycode with a warning (see core/profiles). */
  hostScript: Exclude<HostScriptKind, 'mixed'>;
}

/** Options for {@link parseSetup}. */
export interface ParseSetupOptions {
  /** An organisation policy's list of allowed servers; an address it refuses is refused here. */
  isServerAllowed?: (instanceUrl: string) => boolean;
  /**
   * Whether the organisation's list of allowed servers names this server itself (not "every server", as
   * no list means): only then is a server whose name mixes alphabets, a look-alike, accepted.
   */
  isServerListed?: (instanceUrl: string) => boolean;
}

const invalid = (key: ErrorSentenceKey, params?: ErrorParams): TokenTrayError =>
  new TokenTrayError('setup_invalid', key, { ...(params ? { params } : {}), next: 'error.setup_invalid.next' });

/** Reads the raw fields of a link (`pmtokentray://setup?…`) or a file's JSON text. */
function rawFields(input: string): Record<string, unknown> {
  const text = input.trim();
  if (text.length > SETUP_MAX_CHARS) throw invalid('error.setup.too_long');
  if (/^pmtokentray:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw invalid('error.setup.link_damaged');
    }
    if (`${url.host}${url.pathname}`.replace(/\/+$/, '').toLowerCase() !== 'setup')
      throw invalid('error.setup.not_setup_link');
    const fields: Record<string, unknown> = {};
    for (const [key, value] of url.searchParams) {
      if (Object.hasOwn(fields, key)) throw invalid('error.setup.field_twice', { field: key });
      // Percent-encoding that is not UTF-8 decodes to U+FFFD: the link was damaged on its way.
      if (/\uFFFD/.test(key + value)) throw invalid('error.setup.link_damaged');
      fields[key] = value;
    }
    return fields;
  }
  // A file read as UTF-8 that was not UTF-8 holds U+FFFD where its bytes were.
  if (text.startsWith('{') && text.includes('\uFFFD')) throw invalid('error.setup.file_damaged');
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalid('error.setup.file_damaged');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw invalid('error.setup.file_damaged');
    return parsed as Record<string, unknown>;
  }
  throw invalid('error.setup.not_setup');
}

/** A field as text (files may write numbers or booleans as JSON values). */
function text(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalid('error.setup.field_not_text', { field: key });
}

/** A true/false field (`true`, `false`, `1`, `0`), or undefined when absent; anything else is refused with `problem`. */
function flag(fields: Record<string, unknown>, key: string, problem: ErrorSentenceKey): boolean | undefined {
  const value = text(fields, key);
  if (value === undefined) return undefined;
  if (!['true', 'false', '1', '0'].includes(value)) throw invalid(problem);
  return value === 'true' || value === '1';
}

/**
 * Reads a setup link or file. Throws `setup_invalid` (malformed, unknown version, too long, missing or
 * wrong field, an address that is not http(s)), `setup_has_credentials` (a password or token in it) or
 * `server_not_allowed` (the organisation's policy does not list the server), each with one sentence.
 */
export function parseSetup(input: string, options: ParseSetupOptions = {}): SetupProfile {
  const fields = rawFields(input);
  const isLink = /^pmtokentray:/i.test(input.trim());
  const keys = Object.keys(fields);
  // Someone's sign-in is refused however its field is written (`Password=`, `ACCESS_TOKEN=`).
  if (keys.some((k) => CREDENTIAL_FIELDS.includes(k.toLowerCase()))) throw new TokenTrayError('setup_has_credentials');
  const version = text(fields, 'v');
  if (version === undefined) throw invalid('error.setup.no_version');
  if (version !== String(SETUP_VERSION)) throw invalid('error.setup.newer_version');
  // Field names are exact: `Client_Secret=` is not `client_secret=`, and is refused rather than dropped.
  const unknown = keys.filter((k) => !(SETUP_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) throw invalid('error.setup.unknown_field', { field: unknown[0] ?? '' });
  // A link that lacks a field every link has was most often cut short on its way (a mail program's line break).
  const missing = (key: ErrorSentenceKey): TokenTrayError =>
    isLink ? new TokenTrayError('setup_invalid', 'error.setup.link_cut_short') : invalid(key);

  const name = text(fields, 'name');
  if (name === undefined) throw missing('error.setup.no_name');
  const badName = nameProblem(name);
  if (badName) throw invalid(badName.key, badName.params);

  const url = text(fields, 'url');
  if (url === undefined) throw missing('error.setup.no_server');
  if (!/^https?:\/\//i.test(url)) throw invalid('error.setup.server_scheme');
  let instanceUrl: string;
  let insecure = false;
  try {
    instanceUrl = normaliseInstanceUrl(url);
  } catch (err) {
    if (!(err instanceof TokenTrayError) || err.code !== 'insecure_url') throw invalid('error.setup.server_not_web');
    // Plain http to another computer: allowed only after the person confirms, on the confirmation screen.
    instanceUrl = normaliseInstanceUrl(url, { allowInsecure: true });
    insecure = true;
  }
  if (options.isServerAllowed && !options.isServerAllowed(instanceUrl)) throw new TokenTrayError('server_not_allowed');
  const script = hostScript(new URL(instanceUrl).hostname);
  if (script === null) throw invalid('error.setup.server_not_web');
  if (script.kind === 'mixed' && !options.isServerListed?.(instanceUrl))
    throw new TokenTrayError('setup_invalid', 'error.setup.lookalike_server', { params: { host: script.ascii } });

  const kind = text(fields, 'kind') ?? 'authorization_code';
  if (!(SIGN_IN_KINDS as readonly string[]).includes(kind)) throw invalid('error.setup.unknown_kind');
  const grant = kind as GrantKind;
  const clientId = text(fields, 'client_id');
  if (grant !== 'personal_access_token' && clientId === undefined) throw missing('error.setup.no_client');
  if (clientId !== undefined && (clientId.length > 200 || /\s/.test(clientId)))
    throw invalid('error.setup.client_invalid');
  const clientSecret = text(fields, 'client_secret');
  if (clientSecret !== undefined && clientSecret.length > 1000) throw invalid('error.setup.secret_invalid');
  const needsSecret = flag(fields, 'needs_secret', 'error.setup.needs_secret_invalid');
  const redirect = text(fields, 'redirect');
  if (redirect !== undefined && !(REDIRECT_MODES as readonly string[]).includes(redirect))
    throw invalid('error.setup.unknown_redirect');
  const color = text(fields, 'color');
  if (color !== undefined && !/^#[0-9a-f]{6}$/i.test(color)) throw invalid('error.setup.color_invalid');
  const production = flag(fields, 'production', 'error.setup.production_invalid');
  const scope = text(fields, 'scope');
  if (scope !== undefined && (scope.length > 500 || UNSAFE.test(scope))) throw invalid('error.setup.scope_invalid');

  const setup: SetupProfile = {
    version: SETUP_VERSION,
    name,
    instanceUrl,
    grant,
    insecure,
    needsSecret: false,
    hostScript: script.kind === 'plain' ? 'plain' : 'non_ascii',
  };
  if (grant !== 'personal_access_token') {
    if (clientId !== undefined) setup.clientId = clientId;
    if (clientSecret !== undefined) setup.clientSecret = clientSecret;
    else setup.needsSecret = needsSecret === true;
  }
  if (grant === 'authorization_code' && redirect !== undefined) setup.redirectMode = redirect as RedirectMode;
  if (color !== undefined) setup.color = color.toLowerCase();
  if (production) setup.production = true;
  if (scope !== undefined) setup.scope = scope;
  return setup;
}

/** What a setup is written from: a profile's settings, and its secret only when the maker chose to include it. */
export interface SetupSource {
  name: string;
  instanceUrl: string;
  grant: GrantKind;
  clientId?: string | undefined;
  redirectMode?: RedirectMode | undefined;
  color?: string | null | undefined;
  production?: boolean | undefined;
  scope?: string | null | undefined;
}

/**
 * Without the secret, `needsSecret` records that the Auth Client has one its maker left out: the person
 * who uses the setup is asked for it.
 */
export interface SetupWriteOptions {
  needsSecret?: boolean;
}

/** The fields of a setup, in {@link SETUP_FIELDS} order; only what the source has. */
function setupFields(
  source: SetupSource,
  clientSecret: string | undefined,
  options: SetupWriteOptions,
): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['v', String(SETUP_VERSION)],
    ['name', source.name],
    ['url', source.instanceUrl],
    ['kind', source.grant],
  ];
  if (source.grant !== 'personal_access_token' && source.clientId) {
    out.push(['client_id', source.clientId]);
    if (clientSecret) out.push(['client_secret', clientSecret]);
    else if (options.needsSecret) out.push(['needs_secret', 'true']);
  }
  if (source.grant === 'authorization_code' && source.redirectMode) out.push(['redirect', source.redirectMode]);
  if (source.color && /^#[0-9a-f]{6}$/i.test(source.color)) out.push(['color', source.color]);
  if (source.production) out.push(['production', 'true']);
  if (source.scope) out.push(['scope', source.scope]);
  return out;
}

/** A setup link for `source` (`pmtokentray://setup?v=1&name=…`). */
export function setupLink(source: SetupSource, clientSecret?: string, options: SetupWriteOptions = {}): string {
  return `pmtokentray://setup?${new URLSearchParams(setupFields(source, clientSecret, options)).toString()}`;
}

/** A setup file's text for `source` (JSON, one field per line). */
export function setupFile(source: SetupSource, clientSecret?: string, options: SetupWriteOptions = {}): string {
  const fields = Object.fromEntries(
    setupFields(source, clientSecret, options).map(([k, v]) => [
      k,
      k === 'v' ? Number(v) : k === 'production' || k === 'needs_secret' ? true : v,
    ]),
  );
  return `${JSON.stringify(fields, null, 2)}\n`;
}

/** A file name for a setup of the profile `name`: `Acme Production.pmtokentray`, safe on every system. */
export function setupFileName(name: string): string {
  const safe =
    name
      .replace(new RegExp(UNSAFE_TEXT_CHARS, 'gu'), '-')
      .replace(/[<>:"/\\|?*]/g, '-')
      .replace(/^[.\s]+|[.\s]+$/g, '') || 'profile';
  return `${safe}.${SETUP_FILE_EXTENSION}`;
}

/** What using a setup would do to the profiles there are (the preview's plan, see core/model). */
export type SetupPlan = SetupPreview['plan'];
/** One difference an update would make, as a key of the setup catalogue and its values. */
type SetupDifference = Extract<SetupPlan, { action: 'update' }>['differences'][number];

/** The profile fields a plan compares. */
type Existing = SetupSource & { id: string };

/**
 * Decides what a setup does: a profile with the same address is offered for update, with the
 * differences named; a new profile whose name is taken by another address gets a new name.
 */
export function planSetup(setup: SetupProfile, profiles: readonly Existing[]): SetupPlan {
  const same = profiles.find((p) => p.instanceUrl === setup.instanceUrl && p.grant === setup.grant);
  if (same) {
    const differences: SetupDifference[] = [];
    if (same.name !== setup.name)
      differences.push({ key: 'setup.difference.name', params: { from: same.name, to: setup.name } });
    if ((same.clientId ?? '') !== (setup.clientId ?? ''))
      differences.push(
        same.clientId
          ? { key: 'setup.difference.client', params: { from: same.clientId, to: setup.clientId ?? '' } }
          : { key: 'setup.difference.client_added', params: { to: setup.clientId ?? '' } },
      );
    if (setup.clientSecret) differences.push({ key: 'setup.difference.secret' });
    if (setup.redirectMode && (same.redirectMode ?? 'app') !== setup.redirectMode)
      differences.push({ key: 'setup.difference.redirect' });
    if (Boolean(same.production) !== Boolean(setup.production))
      differences.push({ key: setup.production ? 'setup.difference.production' : 'setup.difference.not_production' });
    if ((same.scope ?? '') !== (setup.scope ?? '')) differences.push({ key: 'setup.difference.scope' });
    return { action: 'update', profileId: same.id, name: same.name, differences };
  }
  // Never the name of a profile for another server: the new one gets a name of its own, and says why.
  const taken = new Set(profiles.map((p) => p.name.toLowerCase()));
  const looksLike = profiles.find(
    (p) =>
      p.name.toLowerCase() !== setup.name.toLowerCase() && nameLookalikeKey(p.name) === nameLookalikeKey(setup.name),
  );
  const note = looksLike ? { looksLike: looksLike.name } : {};
  const holder = profiles.find((p) => p.name.toLowerCase() === setup.name.toLowerCase());
  if (!holder) return { action: 'add', name: setup.name, ...note };
  for (let n = 2; ; n++) {
    const candidate = `${setup.name} (${n})`;
    if (!taken.has(candidate.toLowerCase()))
      return {
        action: 'add',
        name: candidate,
        renamedFrom: setup.name,
        renamedFromHost: new URL(holder.instanceUrl).host,
        ...note,
      };
  }
}

/**
 * Reads a setup file, no more than a setup may hold (the parser refuses a longer one in words). Only a
 * regular file: a folder, a named pipe or a device is refused in words, and never waited on.
 */
export async function readSetupFile(path: string): Promise<string> {
  let handle;
  try {
    // Non-blocking, so that a named pipe in the file's place cannot hang the reader; only a file is read.
    handle = await open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new TokenTrayError('setup_invalid', 'error.setup.file_is_folder');
    throw new TokenTrayError('setup_invalid', 'error.setup.file_unreadable');
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new TokenTrayError('setup_invalid', 'error.setup.file_is_folder');
    if (!info.isFile()) throw new TokenTrayError('setup_invalid', 'error.setup.file_not_file');
    const buffer = Buffer.alloc(SETUP_MAX_CHARS * 4 + 4);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
