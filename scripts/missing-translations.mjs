#!/usr/bin/env node
// Lists, per language and area, the English keys a translation still lacks (and keys it has that English does not).
// Usage: node scripts/missing-translations.mjs [locale]   (prints JSON: { "<area>": { "<key>": "<English>" } })
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'main', 'i18n', 'catalogues');
const areas = readdirSync(join(dir, 'en')).filter((f) => f.endsWith('.json'));
const locales = process.argv[2] ? [process.argv[2]] : ['es', 'fr', 'de'];
const read = (locale, area) => JSON.parse(readFileSync(join(dir, locale, area), 'utf8'));
const report = {};
for (const locale of locales) {
  report[locale] = {};
  for (const area of areas) {
    const en = read('en', area);
    const other = read(locale, area);
    const missing = Object.fromEntries(Object.entries(en).filter(([key]) => !(key in other)));
    const extra = Object.keys(other).filter((key) => !(key in en));
    if (Object.keys(missing).length > 0 || extra.length > 0)
      report[locale][area.replace(/\.json$/, '')] = { missing, ...(extra.length ? { extra } : {}) };
  }
}
console.log(JSON.stringify(report, null, 2));
