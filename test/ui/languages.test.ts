/**
 * The window in Spanish, French and German: chosen by the system's language (regional variants map
 * to their language), or in Settings, at once and remembered. Screenshots of each screen in each
 * language go to test-results/screenshots/lang-*.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messagesFor, type Locale, type MessageKey } from '../../main/i18n';
import { expectScreensFit, openAtWidth, screenshotBothThemes, seriousA11yViolations } from './checks';
import { addSignedInProfile, must } from './profiles-fixture';
import { useUiSuite } from './suite';

const ui = useUiSuite();
const english = messagesFor('en') as Record<string, string>;

/**
 * English sentences that must not be on a screen in `locale`: every English message without
 * placeholders, long enough to be a sentence, whose translation differs from it.
 */
function englishLeftIn(locale: Locale, text: string): string[] {
  const translated = messagesFor(locale) as Record<string, string>;
  return Object.entries(english)
    .filter(([key, en]) => !/[{}]/.test(en) && en.length >= 12 && translated[key] !== en)
    .map(([, en]) => en)
    .filter((en) => text.includes(en));
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

const cases: Array<{ locale: Exclude<Locale, 'en'>; system: string }> = [
  { locale: 'es', system: 'es-MX' },
  { locale: 'fr', system: 'fr-CA' },
  { locale: 'de', system: 'de-AT' },
];

describe('the window speaks the person’s language', { timeout: 180_000 }, () => {
  it.each(cases)(
    '$system: first run, the token view and Settings in $locale, no English left',
    async ({ locale, system }) => {
      const say = (key: MessageKey) => (messagesFor(locale) as Record<string, string>)[key] ?? key;
      const app = await ui.start({ systemLanguages: [system, 'en-US'] });
      const { page } = app;
      await app.open();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      await page.getByRole('heading', { name: say('setup.welcome.title'), level: 1 }).waitFor();
      expect(englishLeftIn(locale, await visibleText(page))).toEqual([]);
      await screenshotBothThemes(page, `lang-${locale}-first-run`);

      await addSignedInProfile(app);
      await app.open();
      await page.getByTestId('token-life').waitFor();
      expect(englishLeftIn(locale, await visibleText(page))).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshotBothThemes(page, `lang-${locale}-token`);

      for (const [nav, heading, shot] of [
        ['window.nav.settings', 'window.settings.title', 'settings'],
        ['window.nav.profiles', 'profiles.title', 'profiles'],
        ['window.nav.console', null, 'console'],
      ] as const) {
        await page.getByRole('button', { name: say(nav), exact: true }).click();
        if (heading) await page.getByRole('heading', { name: say(heading as MessageKey), level: 1 }).waitFor();
        else await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForTimeout(100);
        expect({ shot, english: englishLeftIn(locale, await visibleText(page)) }).toEqual({ shot, english: [] });
        await screenshotBothThemes(page, `lang-${locale}-${shot}`);
      }
    },
  );

  it('a language chosen in Settings applies at once, without a reload, and is remembered', async () => {
    const app = await ui.start({ systemLanguages: ['en-GB'] });
    await addSignedInProfile(app);
    const { page } = app;
    await app.open();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const language = page.getByLabel('Language');
    // Each language is named in its own language.
    expect(await language.locator('option').allTextContents()).toEqual([
      'Same as this computer',
      'English',
      'Español',
      'Français',
      'Deutsch',
    ]);
    await language.selectOption('de');
    await page.getByRole('heading', { name: 'Einstellungen', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.getByRole('button', { name: 'Einstellungen', exact: true }).count()).toBe(1);
    expect((await must(app.handlers.getPreferences())).language).toBe('de');
    // main's own words follow: an error from main arrives with its keys and is said in German.
    const refused = await app.handlers.openExternal('file:///etc/passwd');
    expect(!refused.ok && refused.error.key).toBe('error.open_link.not_web');

    await app.open();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.getByTestId('token-life').waitFor();
    expect(englishLeftIn('de', await visibleText(page))).toEqual([]);

    await page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
    await page.getByLabel('Sprache').selectOption('system');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('German’s long words fit a narrow window (360 CSS px): nothing scrolls sideways', async () => {
    const app = await ui.start({ systemLanguages: ['de-DE'] });
    await addSignedInProfile(app);
    await openAtWidth(app, 360);
    await expectScreensFit(app.page, [
      ['Konsole', /^Anfragekonsole/],
      ['Profile', /^Profile$/],
      ['Einstellungen', /^Einstellungen$/],
    ]);
    await screenshotBothThemes(app.page, 'lang-de-narrow-settings');
  });
});
