import { describe, expect, it } from 'vitest';
import { createTranslator, messagesFor, resolveLocale, supportedLocale } from '../../../main/i18n';

describe('createTranslator', () => {
  it('fills placeholders and real plurals per locale', () => {
    const en = createTranslator('en', messagesFor('en'));
    const de = createTranslator('de', messagesFor('de'));
    expect(en.t('tray.duration.days', { days: 1 })).toBe('1 day');
    expect(en.t('tray.duration.days', { days: 4 })).toBe('4 days');
    expect(de.t('tray.duration.days', { days: 1 })).toBe('1 Tag');
    expect(de.t('tray.duration.days', { days: 4 })).toBe('4 Tage');
    expect(en.t('error.profile.name_taken', { name: 'Acme' })).toBe(
      'A profile named “Acme” already exists. Choose another name.',
    );
  });

  it('formats dates for the system’s region when it speaks the language, else for the language', () => {
    const at = Date.UTC(2026, 11, 3, 15, 31);
    const options = { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' } as const;
    expect(createTranslator('en', messagesFor('en'), 'en-GB').dateTime(at, options)).toBe('15:31');
    expect(createTranslator('en', messagesFor('en'), 'en_US.UTF-8').dateTime(at, options)).toBe('03:31 PM');
    // A region of another language does not change the format: German words, German times.
    expect(createTranslator('de', messagesFor('de'), 'en-US').formatLocale).toBe('de');
    expect(createTranslator('es', messagesFor('es'), 'es-MX').formatLocale).toBe('es-MX');
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
