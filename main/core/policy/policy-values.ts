/**
 * Organisation policies, deployed by IT through each system's own store (Windows registry, macOS
 * managed preferences, /etc/token-tray/policy.json on Linux). One list of keys and one parser for the
 * values, whatever the store: registry values arrive as strings and numbers, plist and JSON as JSON.
 * A value that does not fit is left out with a plain sentence; it never stops the app.
 */
import * as z from 'zod/mini';
import { SIGN_IN_KINDS } from '../model';

/** Every policy key, as IT writes it. */
export const POLICY_KEYS = [
  'Profiles',
  'OrganizationName',
  'AllowUserProfiles',
  'AllowedServers',
  'AllowedSignInKinds',
  'ClipboardClearMaxSeconds',
  'AutoUpdate',
  'HelpUrl',
  'Language',
  'Defaults',
] as const;
/** One of {@link POLICY_KEYS}. */
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** A boolean as a registry DWORD (0/1), a string ("true") or JSON. */
const flag = z.union([
  z.boolean(),
  z.pipe(
    z.literal(0),
    z.transform(() => false),
  ),
  z.pipe(
    z.literal(1),
    z.transform(() => true),
  ),
  z.pipe(
    z.enum(['true', 'false', '0', '1']),
    z.transform((v: 'true' | 'false' | '0' | '1') => v === 'true' || v === '1'),
  ),
]);
/** A list of up to 200 entries of 1 to 500 characters. */
const strings = z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(200));
/** A list as JSON, or as a string holding a JSON array or lines (the registry holds strings). */
const list = z.union([
  strings,
  z.pipe(
    z.string().check(z.maxLength(100_000)),
    z.transform((text: string, ctx) => {
      const trimmed = text.trim();
      if (trimmed.startsWith('[')) {
        try {
          const parsed = strings.safeParse(JSON.parse(trimmed));
          if (parsed.success) return parsed.data;
        } catch {
          // reported below
        }
        ctx.issues.push({ code: 'custom', message: 'not a list', input: text });
        return z.NEVER;
      }
      return trimmed
        .split(/[\n,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
    }),
  ),
]);

/** The parser for each key's value. */
const valueSchemas = {
  // Setup files (see core/setup), as a list of JSON texts or objects; each is read by the setup parser later.
  Profiles: z.union([
    z.array(z.union([z.string().check(z.maxLength(8192)), z.record(z.string(), z.unknown())])).check(z.maxLength(50)),
    z.string().check(z.maxLength(400_000)),
  ]),
  OrganizationName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  AllowUserProfiles: flag,
  AllowedServers: list,
  AllowedSignInKinds: z.pipe(list, z.array(z.enum(SIGN_IN_KINDS))),
  // A maximum only shortens the person's delay and never turns clearing off: 0 (as soon as possible)
  // clears after 1 second, since 0 seconds is how a person says "never".
  ClipboardClearMaxSeconds: z.pipe(
    z.pipe(
      z.union([z.number(), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))]),
      z.int().check(z.minimum(0), z.maximum(3600)),
    ),
    z.transform((seconds: number) => Math.max(1, seconds)),
  ),
  AutoUpdate: flag,
  HelpUrl: z.url().check(
    z.maxLength(2048),
    z.refine((u: string) => /^https:\/\//i.test(u), 'must be https'),
  ),
  // The window's language when the person has not chosen one ('de', 'es-MX'); one we do not speak is ignored.
  Language: z.string().check(z.trim(), z.minLength(2), z.maxLength(35)),
  // Preferences the person starts with and may change (as Slack's defaults): an object, or its JSON text
  // where the store holds text. Each field is checked by the preferences' own rules when it is used.
  Defaults: z.union([
    z.record(z.string(), z.unknown()),
    z.pipe(
      z.string().check(z.maxLength(10_000)),
      z.transform((text: string, ctx) => {
        try {
          const parsed: unknown = JSON.parse(text);
          if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
            return parsed as Record<string, unknown>;
        } catch {
          // reported below
        }
        ctx.issues.push({ code: 'custom', message: 'not an object', input: text });
        return z.NEVER;
      }),
    ),
  ]),
} satisfies Record<PolicyKey, z.ZodMiniType>;

/** The policy values that were valid, by key. */
export type PolicyValues = {
  -readonly [K in PolicyKey]?: z.output<(typeof valueSchemas)[K]>;
};

/** Where a policy came from, for "Set by Acme" and the log. */
export type PolicySource = 'machine' | 'user';

/** The parsed policy and what was left out, in plain words. */
export interface ParsedPolicy {
  values: PolicyValues;
  problems: string[];
}

/** Reads the raw values of one store (keys in any letter case, as the registry returns them). */
export function parsePolicyValues(raw: Record<string, unknown>): ParsedPolicy {
  const values: PolicyValues = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const key = POLICY_KEYS.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!key) {
      problems.push(`The policy “${name.slice(0, 60)}” is not one Token Tray knows; it was ignored.`);
      continue;
    }
    const parsed = valueSchemas[key].safeParse(value);
    if (parsed.success) (values as Record<string, unknown>)[key] = parsed.data;
    else problems.push(`The policy “${key}” has a value Token Tray cannot use; it was ignored.`);
  }
  return { values, problems };
}

/** Machine policy first, then the user's: a key set by the machine is not overridden by the user's store. */
export function mergePolicies(
  machine: ParsedPolicy,
  user: ParsedPolicy,
): ParsedPolicy & {
  sources: Partial<Record<PolicyKey, PolicySource>>;
} {
  const values: PolicyValues = { ...user.values, ...machine.values };
  const sources: Partial<Record<PolicyKey, PolicySource>> = {};
  for (const key of POLICY_KEYS) {
    if (machine.values[key] !== undefined) sources[key] = 'machine';
    else if (user.values[key] !== undefined) sources[key] = 'user';
  }
  return { values, problems: [...machine.problems, ...user.problems], sources };
}

/**
 * The setups the `Profiles` policy lists: a list as it is, or a text holding a JSON list (the
 * registry holds text), or one setup on its own. Each entry is read by the setup parser later.
 */
export function managedProfileEntries(values: PolicyValues): unknown[] {
  const value = values.Profiles;
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // told by the setup parser, as one entry that cannot be used
    }
  }
  return text === '' ? [] : [text];
}

/** Whether `AllowedSignInKinds` allows `grant`; no list allows every kind. */
export function isSignInKindAllowed(values: PolicyValues, grant: (typeof SIGN_IN_KINDS)[number]): boolean {
  const allowed = values.AllowedSignInKinds;
  return !allowed || allowed.length === 0 || allowed.includes(grant);
}

/**
 * The clipboard delay in force: the person's choice, but never longer than `ClipboardClearMaxSeconds`
 * (and never "do not clear" when the policy sets a maximum).
 */
export function clipboardClearSeconds(values: PolicyValues, chosen: number): number {
  const max = values.ClipboardClearMaxSeconds;
  if (max === undefined) return chosen;
  return chosen === 0 ? max : Math.min(chosen, max);
}

/**
 * An `AllowedServers` entry as the network writes it: a host or wildcard written in Unicode
 * (`münchen.de`, `*.bücher.example`) becomes its punycode, as the stored profiles' addresses are.
 */
function entryHost(entry: string): string {
  const e = entry.trim().toLowerCase().replace(/\.$/, '');
  const wildcard = e.startsWith('*.');
  const host = wildcard ? e.slice(2) : e;
  try {
    const ascii = new URL(`https://${host}`).hostname;
    return wildcard ? `*.${ascii}` : ascii;
  } catch {
    return e;
  }
}

/** Whether one `AllowedServers` entry names `url`'s server. */
function entryMatches(entry: string, url: URL): boolean {
  const trimmed = entry.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).origin === url.origin;
    } catch {
      return false;
    }
  }
  const host = url.hostname.toLowerCase();
  const e = entryHost(trimmed);
  if (e.startsWith('*.')) return host.endsWith(e.slice(1)) && host.length > e.length - 1;
  return host === e;
}

/**
 * Whether the organisation's `AllowedServers` names `instanceUrl`'s server: by host, wildcard or origin,
 * in punycode or in Unicode. No list names none.
 */
export function isServerListed(values: PolicyValues, instanceUrl: string): boolean {
  const allowed = values.AllowedServers;
  if (!allowed || allowed.length === 0) return false;
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    return false;
  }
  return allowed.some((entry) => entryMatches(entry, url));
}

/**
 * Whether `AllowedServers` lets Token Tray connect to `instanceUrl`: no list allows every server; an
 * entry is a host (`acme.processmaker.net`), a wildcard for its subdomains (`*.acme.com`) or an origin.
 */
export function isServerAllowed(values: PolicyValues, instanceUrl: string): boolean {
  const allowed = values.AllowedServers;
  if (!allowed || allowed.length === 0) return true;
  return isServerListed(values, instanceUrl);
}
