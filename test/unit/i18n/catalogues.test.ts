import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES, messagesFor, type MessageKey } from '../../../main/i18n';

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
});
