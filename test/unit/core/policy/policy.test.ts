import { describe, expect, it } from 'vitest';
import {
  clipboardClearSeconds,
  isServerAllowed,
  isServerListed,
  isSignInKindAllowed,
  isTrustedPolicyFile,
  mergePolicies,
  parsePolicyJson,
  parsePolicyValues,
  parseRegQuery,
  POLICY_KEYS,
} from '../../../../main/core/policy';

/** `reg query` output as Windows prints it (generated here, as the real command would). */
function regQuery(key: string, rows: Array<[string, string, string]>): string {
  return `\r\n${key}\r\n${rows.map(([n, t, v]) => `    ${n}    ${t}    ${v}`).join('\r\n')}\r\n\r\n`;
}

describe('organisation policies', () => {
  it('one parser for every store: registry strings and DWORDs, plist JSON and the Linux file agree', () => {
    const reg = parseRegQuery(
      regQuery('HKEY_LOCAL_MACHINE\\Software\\Policies\\Token Tray', [
        ['OrganizationName', 'REG_SZ', 'Acme Ltd'],
        ['AllowUserProfiles', 'REG_DWORD', '0x0'],
        ['AllowedServers', 'REG_MULTI_SZ', 'acme.processmaker.net\\0*.acme.com'],
        ['ClipboardClearMaxSeconds', 'REG_DWORD', '0x1e'],
        ['HelpUrl', 'REG_SZ', 'https://it.acme.com/token-tray'],
      ]),
    );
    const json = parsePolicyJson(
      JSON.stringify({
        OrganizationName: 'Acme Ltd',
        AllowUserProfiles: false,
        AllowedServers: ['acme.processmaker.net', '*.acme.com'],
        ClipboardClearMaxSeconds: 30,
        HelpUrl: 'https://it.acme.com/token-tray',
      }),
    );
    const expected = {
      OrganizationName: 'Acme Ltd',
      AllowUserProfiles: false,
      AllowedServers: ['acme.processmaker.net', '*.acme.com'],
      ClipboardClearMaxSeconds: 30,
      HelpUrl: 'https://it.acme.com/token-tray',
    };
    expect(parsePolicyValues(reg)).toEqual({ values: expected, problems: [] });
    expect(parsePolicyValues(json)).toEqual({ values: expected, problems: [] });
  });

  it('a value that does not fit is left out with a sentence; the rest still applies', () => {
    const parsed = parsePolicyValues({
      OrganizationName: 'Acme',
      ClipboardClearMaxSeconds: 'soon',
      HelpUrl: 'http://not-https.example',
      AllowedSignInKinds: '["password","magic"]',
      Colour: 'red',
    });
    expect(parsed.values).toEqual({ OrganizationName: 'Acme' });
    expect(parsed.problems).toEqual([
      'The policy “ClipboardClearMaxSeconds” has a value Token Tray cannot use; it was ignored.',
      'The policy “HelpUrl” has a value Token Tray cannot use; it was ignored.',
      'The policy “AllowedSignInKinds” has a value Token Tray cannot use; it was ignored.',
      'The policy “Colour” is not one Token Tray knows; it was ignored.',
    ]);
    expect(() => parsePolicyJson('[1,2]')).toThrow();
    expect(() => parsePolicyJson('{"broken"')).toThrow();
  });

  it('the machine’s policy wins over the user’s, key by key, and says where each came from', () => {
    const merged = mergePolicies(
      parsePolicyValues({ OrganizationName: 'Acme (machine)' }),
      parsePolicyValues({ OrganizationName: 'Acme (user)', AutoUpdate: 'false' }),
    );
    expect(merged.values).toEqual({ OrganizationName: 'Acme (machine)', AutoUpdate: false });
    expect(merged.sources).toEqual({ OrganizationName: 'machine', AutoUpdate: 'user' });
  });

  it('allowed servers: hosts, subdomain wildcards and origins; no list allows all', () => {
    const values = parsePolicyValues({
      AllowedServers: 'acme.processmaker.net\n*.acme.com\nhttp://10.0.0.5:8080',
    }).values;
    expect(isServerAllowed(values, 'https://acme.processmaker.net')).toBe(true);
    expect(isServerAllowed(values, 'https://pm.acme.com')).toBe(true);
    expect(isServerAllowed(values, 'https://acme.com.evil.example')).toBe(false);
    expect(isServerAllowed(values, 'https://notacme.com')).toBe(false);
    expect(isServerAllowed(values, 'http://10.0.0.5:8080')).toBe(true);
    expect(isServerAllowed(values, 'http://10.0.0.5:9090')).toBe(false);
    expect(isServerAllowed({}, 'https://anything.example')).toBe(true);
  });

  it('AllowedServers written in Unicode names the same servers as in punycode, and only a list names any', () => {
    const unicode = { AllowedServers: ['münchen.processmaker.net', '*.bücher.example', 'https://straße.example'] };
    // Stored addresses are punycode, as URL writes them.
    expect(isServerAllowed(unicode, 'https://xn--mnchen-3ya.processmaker.net')).toBe(true);
    expect(isServerAllowed(unicode, 'https://pm.xn--bcher-kva.example')).toBe(true);
    expect(isServerAllowed(unicode, new URL('https://straße.example').origin)).toBe(true);
    expect(isServerAllowed(unicode, 'https://munchen.processmaker.net')).toBe(false);
    const puny = { AllowedServers: ['XN--CME-5CD.processmaker.net.'] };
    expect(isServerListed(puny, 'https://xn--cme-5cd.processmaker.net')).toBe(true);
    expect(isServerListed(puny, 'https://acme.processmaker.net')).toBe(false);
    expect(isServerListed({}, 'https://xn--cme-5cd.processmaker.net')).toBe(false);
  });

  it('a Linux policy file counts only when root owns it and nobody else can write it', () => {
    expect(isTrustedPolicyFile({ uid: 0, mode: 0o100644 })).toBe(true);
    expect(isTrustedPolicyFile({ uid: 1000, mode: 0o100644 })).toBe(false);
    expect(isTrustedPolicyFile({ uid: 0, mode: 0o100666 })).toBe(false);
    expect(isTrustedPolicyFile({ uid: 0, mode: 0o100664 })).toBe(false);
  });

  it('allowed sign-in kinds, and a clipboard delay the person may shorten but not lengthen', () => {
    const values = parsePolicyValues({ AllowedSignInKinds: 'authorization_code', ClipboardClearMaxSeconds: 30 }).values;
    expect(isSignInKindAllowed(values, 'authorization_code')).toBe(true);
    expect(isSignInKindAllowed(values, 'password')).toBe(false);
    expect(isSignInKindAllowed({}, 'password')).toBe(true);
    expect(clipboardClearSeconds(values, 10)).toBe(10);
    expect(clipboardClearSeconds(values, 120)).toBe(30);
    // "Never clear" is not allowed under a maximum.
    expect(clipboardClearSeconds(values, 0)).toBe(30);
    expect(clipboardClearSeconds({}, 0)).toBe(0);
  });

  it('a clipboard maximum of 0 clears as soon as it can, and never turns clearing off', () => {
    for (const raw of [0, '0']) {
      const values = parsePolicyValues({ ClipboardClearMaxSeconds: raw }).values;
      expect(values.ClipboardClearMaxSeconds).toBe(1);
      for (const chosen of [0, 1, 30, 3600]) expect(clipboardClearSeconds(values, chosen)).toBe(1);
    }
  });

  it('lists every key once', () => {
    expect(new Set(POLICY_KEYS).size).toBe(POLICY_KEYS.length);
  });
});
