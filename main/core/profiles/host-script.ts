/**
 * Which alphabets a server's name is written in, so that a look-alike (`аcme` with a Cyrillic "а") is
 * never taken for the trusted server. A name is judged label by label, the way browsers' IDN display
 * rules do (Chromium's IDN spoof checker, after Unicode's "Highly Restrictive" profile, UTS #39 §5.2):
 * a name with letters beyond ASCII is shown as punycode with a warning; a label that mixes Latin with Cyrillic,
 * Greek or another alphabet (beyond the Chinese, Japanese and Korean combinations) is a look-alike.
 */
import { domainToUnicode } from 'node:url';

/** `plain`: ASCII only; `non_ascii`: some label in letters beyond ASCII, each in one alphabet; `mixed`: a look-alike. */
export const HOST_SCRIPT_KINDS = ['plain', 'non_ascii', 'mixed'] as const;
export type HostScriptKind = (typeof HOST_SCRIPT_KINDS)[number];

/** How a host name is written: its ASCII (punycode) form, the letters it stands for, and the judgement. */
export interface HostScript {
  /** The name as the network uses it (punycode for other alphabets), lower case, no trailing dot. */
  ascii: string;
  /** The same name in the letters it stands for (equal to `ascii` for a plain name). */
  unicode: string;
  kind: HostScriptKind;
}

/** The alphabets a letter is told apart by; a letter of none of them counts as "another". */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Bopomofo',
  'Thai',
  'Devanagari',
  'Cherokee',
] as const;
type Script = (typeof SCRIPTS)[number] | 'other';

const SCRIPT_TESTS = SCRIPTS.map((s) => [s, new RegExp(`^\\p{Script=${s}}$`, 'u')] as const);
const LETTER = /^\p{L}$/u;

/** The combinations UTS #39's Highly Restrictive profile allows in one label (Latin with CJK). */
const ALLOWED_TOGETHER: ReadonlyArray<ReadonlySet<Script>> = [
  new Set<Script>(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set<Script>(['Latin', 'Han', 'Bopomofo']),
  new Set<Script>(['Latin', 'Han', 'Hangul']),
];

function scriptOf(char: string): Script | null {
  if (!LETTER.test(char)) return null; // digits, hyphens and marks belong to every alphabet
  for (const [name, test] of SCRIPT_TESTS) if (test.test(char)) return name;
  return 'other';
}

/** The alphabets of one label's letters. */
function labelScripts(label: string): Set<Script> {
  const scripts = new Set<Script>();
  for (const char of label) {
    const script = scriptOf(char);
    if (script) scripts.add(script);
  }
  return scripts;
}

function isMixed(scripts: Set<Script>): boolean {
  if (scripts.size <= 1) return false;
  return !ALLOWED_TOGETHER.some((allowed) => [...scripts].every((s) => allowed.has(s)));
}

/**
 * Judges a host name (as `URL.hostname` gives it: already punycode, or an IP address). Returns null for a
 * name whose punycode does not decode: no browser would show it either.
 */
export function hostScript(hostname: string): HostScript | null {
  const ascii = hostname.toLowerCase().replace(/\.$/, '');
  if (ascii.startsWith('[') || /^\d+(\.\d+){3}$/.test(ascii)) return { ascii, unicode: ascii, kind: 'plain' };
  const labels = ascii.split('.');
  if (!labels.some((l) => l.startsWith('xn--'))) return { ascii, unicode: ascii, kind: 'plain' };
  const unicode = domainToUnicode(ascii);
  if (unicode === '') return null;
  const unicodeLabels = unicode.split('.');
  if (unicodeLabels.length !== labels.length) return null;
  const kind: HostScriptKind = unicodeLabels.some((label) => isMixed(labelScripts(label))) ? 'mixed' : 'non_ascii';
  return { ascii, unicode, kind };
}
