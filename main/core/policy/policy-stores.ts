/**
 * The three stores' raw forms turned into plain records for {@link parsePolicyValues}: `reg query`
 * output (Windows), `plutil -convert json` output (macOS) and the Linux policy file. Pure text in,
 * record out: the shell runs the commands and reads the files; these are tested on generated output.
 */

/** Where Token Tray's policies live in each store. */
export const POLICY_LOCATIONS = {
  windowsMachine: 'HKLM\\Software\\Policies\\Token Tray',
  windowsUser: 'HKCU\\Software\\Policies\\Token Tray',
  /** `<user>` is the account's short name. */
  macUser: '/Library/Managed Preferences/<user>/com.tokentray.app.plist',
  macMachine: '/Library/Managed Preferences/com.tokentray.app.plist',
  linux: '/etc/token-tray/policy.json',
} as const;

/**
 * Values from `reg query "<key>"` output: `    Name    REG_SZ    value` lines; DWORDs (`0x1`) become
 * numbers, REG_MULTI_SZ (`a\0b`) becomes a list. A missing key gives an empty record.
 */
export function parseRegQuery(output: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s{2,}(.+?)\s{2,}(REG_SZ|REG_EXPAND_SZ|REG_DWORD|REG_QWORD|REG_MULTI_SZ)\s{2,}(.*)$/.exec(line);
    if (!m) continue;
    const [, name = '', type, value = ''] = m;
    if (type === 'REG_DWORD' || type === 'REG_QWORD') values[name] = Number.parseInt(value, 16);
    else if (type === 'REG_MULTI_SZ') values[name] = value.split('\\0').filter(Boolean);
    else values[name] = value;
  }
  return values;
}

/** Values from a JSON document (the Linux file, or a plist converted by plutil); throws when it is not an object. */
export function parsePolicyJson(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
  return parsed as Record<string, unknown>;
}

/**
 * Whether a policy file, or a folder above it, may be trusted: owned by root and not writable by group
 * or others (anyone who could write it could otherwise point Token Tray at their own server).
 */
export function isTrustedPolicyFile(stat: { uid: number; mode: number }): boolean {
  return stat.uid === 0 && (stat.mode & 0o022) === 0;
}
