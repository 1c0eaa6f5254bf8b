import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../../main/core/errors';
import { LOCALES, messagesFor, type MessageKey } from '../../../main/i18n';

const root = join(__dirname, '../../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every placeholder name in an ICU message, nested plural/select branches included. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) placeholders(option.value, into);
    }
    if (el.type === TYPE.tag) placeholders(el.children, into);
  }
  return into;
}

const english = messagesFor('en');
const keys = Object.keys(english).sort() as MessageKey[];

describe('catalogues', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    expect(Object.keys(messagesFor(locale)).sort()).toEqual(keys);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders as English in every message', (locale) => {
    const messages = messagesFor(locale);
    const wrong = keys.filter((key) => {
      const want = [...placeholders(parse(english[key]))].sort();
      const got = [...placeholders(parse(messages[key]))].sort();
      return JSON.stringify(want) !== JSON.stringify(got);
    });
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty message, and every message parses', (locale) => {
    const messages = messagesFor(locale);
    const empty = keys.filter((key) => messages[key].trim() === '');
    expect(empty).toEqual([]);
    for (const key of keys) expect(() => parse(messages[key]), `${locale} ${key}`).not.toThrow();
  });

  it.each(LOCALES)('%s has a sentence for every error code', (locale) => {
    const messages = messagesFor(locale) as Record<string, string>;
    expect(ERROR_CODES.filter((code) => !messages[`error.${code}`])).toEqual([]);
  });

  it('every key is used: written in the code, or derived by the one rule that derives keys', () => {
    const code = [...sourcesUnder(join(root, 'main')), ...sourcesUnder(join(root, 'renderer/src'))]
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const written = new Set([...code.matchAll(/['"`]([a-z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_]+)+)['"`]/g)].map((m) => m[1]));
    // An error's sentence is `error.<code>` with its `.next`; a sentence's next step is `<key>.next`;
    // the names of details in a refused call are `error.field.<label>` (main/ipc/invalid-input).
    const derived = (key: string): boolean =>
      (ERROR_CODES as readonly string[]).includes(key.replace(/^error\./, '').replace(/\.next$/, '')) ||
      (key.endsWith('.next') && written.has(key.slice(0, -'.next'.length))) ||
      key.startsWith('error.field.');
    expect(keys.filter((key) => !written.has(key) && !derived(key))).toEqual([]);
  });
});
