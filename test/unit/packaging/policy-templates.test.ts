/**
 * The policy templates administrators deploy (docs/policies): the Windows ADMX/ADML, the sample macOS
 * configuration profile and the Linux file name every policy Token Tray reads, in the form its one
 * parser accepts, and their sample profiles are setups the setup parser takes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  managedProfileEntries,
  parsePolicyJson,
  parsePolicyValues,
  parseSetup,
  POLICY_KEYS,
  POLICY_LOCATIONS,
} from '../../../main/core';

const dir = join(__dirname, '../../../docs/policies');
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

/** The plist subset configuration profiles use (dict, array, string, integer, true, false) as JSON values. */
function plistValue(xml: string): unknown {
  const tokens = [
    ...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)(dict|array|key|string|integer|true|false)(\/?)>([^<]*)/g),
  ];
  let i = 0;
  const next = (): unknown => {
    const [, close, tag, selfClosing, text] = tokens[i++]!;
    if (close) throw new Error(`unexpected </${tag}>`);
    if (tag === 'true' || tag === 'false') {
      if (!selfClosing) i++;
      return tag === 'true';
    }
    if (tag === 'string' || tag === 'key') return (i++, text ?? '');
    if (tag === 'integer') return (i++, Number(text));
    if (tag === 'array') {
      const out: unknown[] = [];
      while (!(tokens[i]![1] && tokens[i]![2] === 'array')) out.push(next());
      i++;
      return out;
    }
    const out: Record<string, unknown> = {};
    while (!(tokens[i]![1] && tokens[i]![2] === 'dict')) {
      const key = next() as string;
      out[key] = next();
    }
    i++;
    return out;
  };
  return next();
}

describe('policy templates for administrators', () => {
  it('the ADMX defines every policy under Token Tray’s registry key, and the ADML words every string it names', () => {
    const admx = read('windows/token-tray.admx');
    const adml = read('windows/en-US/token-tray.adml');
    const names = [...admx.matchAll(/<policy name="([^"]+)"/g)].map((m) => m[1]);
    expect(names.sort()).toEqual([...POLICY_KEYS].sort());
    const key = POLICY_LOCATIONS.windowsMachine.replace(/^HKLM\\/, '');
    expect([...admx.matchAll(/ key="([^"]+)"/g)].every((m) => m[1] === key)).toBe(true);
    for (const name of POLICY_KEYS) expect(admx, name).toMatch(new RegExp(`valueName="${name}"`));
    const strings = new Set([...adml.matchAll(/<string id="([^"]+)"/g)].map((m) => m[1]));
    const presentations = new Set([...adml.matchAll(/<presentation id="([^"]+)"/g)].map((m) => m[1]));
    const missing = [
      ...[...admx.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]).filter((id) => !strings.has(id)),
      ...[...admx.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1]).filter((id) => !presentations.has(id)),
    ];
    expect(missing).toEqual([]);
  });

  it('the sample configuration profile’s payload is read without a problem, and its profile is a setup', () => {
    const profile = plistValue(read('macos/com.tokentray.app.mobileconfig')) as {
      PayloadContent: Array<Record<string, unknown>>;
    };
    const payload = profile.PayloadContent[0]!;
    expect(payload.PayloadType).toBe('com.tokentray.app');
    const settings = Object.fromEntries(Object.entries(payload).filter(([key]) => !key.startsWith('Payload')));
    const parsed = parsePolicyValues(settings);
    expect(parsed.problems).toEqual([]);
    expect(Object.keys(parsed.values).sort()).toEqual([...POLICY_KEYS].filter((k) => k !== 'Language').sort());
    for (const entry of managedProfileEntries(parsed.values))
      expect(parseSetup(JSON.stringify(entry)).name).toBe('Acme');
  });

  it('the sample Linux file is read without a problem, and its profile is a setup', () => {
    const parsed = parsePolicyValues(parsePolicyJson(read('linux/policy.json')));
    expect(parsed.problems).toEqual([]);
    expect(parsed.values.AllowUserProfiles).toBe(false);
    for (const entry of managedProfileEntries(parsed.values))
      expect(parseSetup(JSON.stringify(entry)).instanceUrl).toBe('https://acme.processmaker.net');
  });

  it('a Profiles value as the registry holds it (a text holding a JSON list, or one setup) gives its setups', () => {
    const one = JSON.stringify({
      v: 1,
      name: 'Acme',
      url: 'https://acme.processmaker.net',
      kind: 'personal_access_token',
    });
    expect(managedProfileEntries(parsePolicyValues({ Profiles: `[${one}]` }).values)).toEqual([
      { v: 1, name: 'Acme', url: 'https://acme.processmaker.net', kind: 'personal_access_token' },
    ]);
    expect(managedProfileEntries(parsePolicyValues({ Profiles: one }).values)).toEqual([one]);
    expect(managedProfileEntries(parsePolicyValues({ Profiles: [one, one] }).values)).toHaveLength(2);
    expect(managedProfileEntries({})).toEqual([]);
  });
});
