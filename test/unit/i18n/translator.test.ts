import { describe, expect, it } from 'vitest';
import { createTranslator, messagesFor, resolveLocale, supportedLocale } from '../../../main/i18n';

describe('createTranslator', () => {
  it('fills placeholders and real plurals per locale', () => {
    const en = createTranslator('en', messagesFor('en'));
    const de = createTranslator('de', messagesFor('de'));
    expect(en.t('profiles.count', { count: 1 })).toBe('1 profile');
    expect(en.t('profiles.count', { count: 4 })).toBe('4 profiles');
    expect(de.t('profiles.count', { count: 4 })).toBe('4 Profile');
  });

  it('words relative times and numbers in the locale', () => {
    const es = createTranslator('es', messagesFor('es'));
    const fr = createTranslator('fr', messagesFor('fr'));
    expect(es.relative(59 * 60_000)).toBe('dentro de 59 minutos');
    expect(fr.relative(-2 * 3_600_000)).toBe('il y a 2 heures');
    expect(createTranslator('de', messagesFor('de')).number(1234.5)).toBe('1.234,5');
  });
});

describe('resolveLocale', () => {
  it('maps regional variants and POSIX names to their language', () => {
    expect(supportedLocale('es-MX')).toBe('es');
    expect(supportedLocale('de_AT.UTF-8')).toBe('de');
    expect(supportedLocale('fr-CA')).toBe('fr');
    expect(supportedLocale('pt-BR')).toBeUndefined();
  });

  it('takes the choice, then policy, then the preferred list, then LANG, then English', () => {
    expect(resolveLocale({ choice: 'fr', policy: 'de', preferred: ['es'] })).toBe('fr');
    expect(resolveLocale({ choice: 'system', policy: 'de', preferred: ['es'] })).toBe('de');
    expect(resolveLocale({ choice: 'system', preferred: ['pt-BR', 'es-MX'] })).toBe('es');
    expect(resolveLocale({ preferred: [], env: { LANG: 'de_DE.UTF-8' } })).toBe('de');
    expect(resolveLocale({ preferred: [], env: { LC_ALL: 'C', LANG: 'de_DE.UTF-8' } })).toBe('en');
    expect(resolveLocale({})).toBe('en');
  });
});
