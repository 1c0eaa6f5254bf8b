/**
 * The window in Spanish, French and German: chosen by the system's language (regional variants map
 * to their language), or in Settings, at once and remembered. Screenshots of each screen in each
 * language go to test-results/screenshots/lang-*.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CHECK_ERRORS, INSTANCE_CHECK_ERRORS, setupLink } from '../../main/core';
import type { ErrorSentenceKey } from '../../main/core/errors';
import { createTranslator, messagesFor, type Locale, type MessageKey } from '../../main/i18n';
import { startPmServer, type PmSeed, type PmServer } from '../server';
import { emitToPage } from './bridge';
import { expectScreensFit, openAtWidth, screenshotBothThemes, screenshotDir, seriousA11yViolations } from './checks';
import type { UiApp } from './harness';
import { addPasswordProfile, addSignedInProfile, must } from './profiles-fixture';
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

/** Addresses that lead to each finding of the address check, made for real: no server is faked. */
interface Places {
  /** pm-server, over plain http on this computer. */
  pm: string;
  /** A port on this computer nothing listens on. */
  closed: number;
  /** pm-server over https with a certificate nobody trusts. */
  untrusted: string;
  /** A web server that is not ProcessMaker (the window's own site). */
  notProcessMaker: string;
  /** A server that takes the connection and never answers. */
  silent: string;
}

/** One error state of a screen: how to reach it, and which sentence (and next step) it must show. */
interface ErrorState {
  /** What is typed in the address field. */
  typed: (at: Places) => string;
  /** The next step this case must get (when it is not the usual one of the sentence). */
  next?: ErrorSentenceKey;
  /** Continue is pressed (the check runs as one types otherwise). */
  submit?: boolean;
  /** The window says this instead, without asking main (an empty field). */
  windowSays?: MessageKey;
}

/**
 * Every finding of the address check, keyed by its sentence: INSTANCE_CHECK_ERRORS is the list the
 * check answers from, so a finding added there without a row here fails the type check.
 */
const addressStates: Record<(typeof INSTANCE_CHECK_ERRORS)[number], ErrorState[]> = {
  'error.address.empty': [{ typed: () => '', submit: true, windowSays: 'setup.address.missing' }],
  'error.address.spaces': [{ typed: () => 'acme processmaker.net' }],
  'error.address.scheme': [{ typed: () => 'ftp://acme.processmaker.net' }],
  'error.address.not_web': [{ typed: () => 'https://' }],
  'error.address.credentials': [{ typed: () => 'https://jane:secret@acme.processmaker.net' }],
  'error.address.email': [{ typed: () => 'jane@acme.com' }],
  'error.address.not_server': [{ typed: () => 'acme_processmaker!net' }],
  'error.address.not_full': [{ typed: () => 'acme' }],
  'error.insecure_url': [{ typed: () => 'http://acme.invalid' }],
  'error.server_not_allowed': [{ typed: () => 'https://not-allowed.example.com' }],
  'error.address.not_processmaker': [{ typed: (at) => at.notProcessMaker }],
  'error.unreachable': [
    { typed: (at) => `http://127.0.0.1:${at.closed}` },
    // Typed without a scheme, a server on this computer is tried over https: the next step says http.
    { typed: (at) => `127.0.0.1:${at.closed}`, next: 'error.unreachable.plain_http.next' },
  ],
  'error.tls_untrusted': [{ typed: (at) => at.untrusted }],
  'error.timeout': [{ typed: (at) => at.silent }],
};

/** The sentences of a message area, one per paragraph. */
async function messageLines(page: Page): Promise<string[]> {
  return page.locator('main form .message p').allInnerTexts();
}

/** Waits until the screen's message area says exactly `lines`, failing with what it said instead. */
async function expectMessage(page: Page, lines: string[], label: string): Promise<void> {
  await expect
    .poll(async () => ({ label, lines: await messageLines(page) }), { timeout: 20_000 })
    .toEqual({ label, lines });
}

/** One refused Auth Client: the kind of sign-in, what is typed as Client ID and secret, and the next step it must get. */
interface ClientState {
  grant: 'authorization_code' | 'password';
  id: (seed: PmSeed) => string;
  secret: (seed: PmSeed) => string;
  next?: ErrorSentenceKey;
}

/**
 * Every sentence a refused Auth Client is told with, at step 3 and in Edit connection details:
 * CLIENT_CHECK_ERRORS is the list the check answers from, so one added there without a row fails the type check.
 */
const clientStates: Record<(typeof CLIENT_CHECK_ERRORS)[number], ClientState[]> = {
  'error.client.rejected_check': [
    { grant: 'authorization_code', id: (s) => String(s.codeClient.id), secret: () => 'not-the-secret' },
    { grant: 'password', id: () => '9999', secret: (s) => s.passwordClient.secret ?? '' },
  ],
  'error.client.not_a_client_id': [
    // The two pasted the wrong way round.
    { grant: 'authorization_code', id: (s) => s.codeClient.secret ?? '', secret: (s) => String(s.codeClient.id) },
  ],
  'error.client.not_for_browser': [
    {
      grant: 'authorization_code',
      id: (s) => String(s.passwordClient.id),
      secret: (s) => s.passwordClient.secret ?? '',
      next: 'error.client.not_for_browser.password.next',
    },
    { grant: 'authorization_code', id: (s) => String(s.patClient.id), secret: (s) => s.patClient.secret ?? '' },
  ],
  'error.client.not_for_password': [
    {
      grant: 'password',
      id: (s) => String(s.codeClient.id),
      secret: (s) => s.codeClient.secret ?? '',
      next: 'error.client.not_for_password.browser.next',
    },
    { grant: 'password', id: (s) => String(s.patClient.id), secret: (s) => s.patClient.secret ?? '' },
  ],
};

/** What main's check says of a client state: the sentences the window must show, in `locale`. */
async function clientFinding(
  app: UiApp,
  key: ErrorSentenceKey,
  state: ClientState,
  say: (key: MessageKey, values?: Record<string, string | number>) => string,
): Promise<string[]> {
  const input = {
    name: 'Check',
    instanceUrl: app.pm.url,
    grant: state.grant,
    clientId: state.id(app.pm.seed),
    clientSecret: state.secret(app.pm.seed),
  };
  const result = await app.handlers.addProfile(input);
  if (result.ok) throw new Error(`${key}: the client was accepted`);
  expect({ key: result.error.key }).toEqual({ key });
  if (state.next) expect(result.error.nextKey).toBe(state.next);
  const next = result.error.nextKey;
  return [say(key, result.error.params), ...(next ? [say(next, result.error.params)] : [])];
}

describe('every error state of every screen, in every language', { timeout: 300_000 }, () => {
  let untrusted: PmServer;
  let silent: Server;
  const sockets: Socket[] = [];
  let closed = 0;
  beforeAll(async () => {
    untrusted = await startPmServer({ https: true });
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closed = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
  afterAll(async () => {
    await untrusted.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  const locales: Locale[] = ['en', 'es', 'fr', 'de'];
  const places = (app: UiApp): Places => ({
    pm: app.pm.url,
    closed,
    untrusted: untrusted.url,
    notProcessMaker: ui.site.url,
    silent: `http://127.0.0.1:${(silent.address() as { port: number }).port}`,
  });

  it.each(locales)('the first screen’s address findings, in %s', async (locale) => {
    const say = createTranslator(locale, messagesFor(locale)).t;
    const app = await ui.start({
      systemLanguages: [locale],
      isServerAllowed: (url) => !url.includes('not-allowed'),
      networkTimeoutMs: 1500,
    });
    const { page } = app;
    await app.open();
    const at = places(app);
    const address = page.getByLabel(say('setup.address.label'));
    for (const [key, states] of Object.entries(addressStates) as Array<[ErrorSentenceKey, ErrorState[]]>) {
      for (const state of states) {
        const typed = state.typed(at);
        let lines: string[];
        if (state.windowSays) lines = [say(state.windowSays)];
        else {
          // The state is what main's check answers for this address: its key and next step are the row's.
          const check = await must(app.handlers.checkInstance(typed, false));
          expect({ typed, key: check.error?.key }).toEqual({ typed, key });
          if (state.next) expect(check.error?.nextKey).toBe(state.next);
          const next = check.error?.nextKey;
          lines = [say(key, check.error?.params), ...(next ? [say(next, check.error?.params)] : [])];
        }
        await address.fill(typed);
        if (state.submit) await page.getByRole('button', { name: say('setup.continue'), exact: true }).click();
        await expectMessage(page, lines, `${key} for ${JSON.stringify(typed)}`);
        if (locale !== 'en')
          expect({ key, english: englishLeftIn(locale, await visibleText(page)) }).toEqual({ key, english: [] });
        const shot = key.replace(/^error\./, '').replace(/\./g, '-');
        if (state === states[0])
          await page.screenshot({ path: join(screenshotDir, `state-address-${shot}-${locale}.png`) });
      }
    }
  });

  it.each(locales)('step 3’s and Edit connection details’ refused Auth Clients, in %s', async (locale) => {
    const say = createTranslator(locale, messagesFor(locale)).t;
    const app = await ui.start({ systemLanguages: [locale] });
    const { page, pm } = app;
    await app.open();
    await page.getByLabel(say('setup.address.label')).fill(pm.url);
    await page.getByText(say('setup.address.looksLikeProcessMaker')).waitFor();
    await page.getByRole('button', { name: say('setup.continue'), exact: true }).click();
    const grantTitle = {
      authorization_code: 'setup.grant.browser.title',
      password: 'setup.grant.password.title',
    } as const;
    let grant: ClientState['grant'] | null = null;
    for (const [key, states] of Object.entries(clientStates) as Array<[ErrorSentenceKey, ClientState[]]>) {
      for (const state of states) {
        const lines = await clientFinding(app, key, state, say);
        if (grant !== state.grant) {
          if (grant !== null) await page.getByRole('button', { name: say('setup.back'), exact: true }).click();
          await page.getByLabel(new RegExp(`^${say(grantTitle[state.grant])}`)).check();
          await page.getByRole('button', { name: say('setup.continue'), exact: true }).click();
          grant = state.grant;
        }
        await page.getByLabel(say('setup.details.clientId.label'), { exact: true }).fill(state.id(pm.seed));
        await page.getByLabel(say('setup.details.secret.label'), { exact: true }).fill(state.secret(pm.seed));
        await page.locator('main form button[type=submit]').click();
        await expectMessage(page, lines, `step 3: ${key}`);
        if (locale !== 'en')
          expect({ key, english: englishLeftIn(locale, await visibleText(page)) }).toEqual({ key, english: [] });
        if (state === states[0]) {
          const shot = key.replace(/^error\./, '').replace(/\./g, '-');
          await page.screenshot({ path: join(screenshotDir, `state-details-${shot}-${locale}.png`) });
        }
      }
    }
    expect(await app.engine.listProfiles()).toEqual([]);

    // The same findings where a saved profile's connection is changed.
    await addPasswordProfile(app, 'Acme');
    await app.open();
    await page.getByRole('button', { name: say('window.nav.profiles'), exact: true }).click();
    await page.getByRole('button', { name: say('profiles.connection.button') }).click();
    const form = page.getByRole('form', { name: say('profiles.connection.label', { name: 'Acme' }) });
    await form.waitFor();
    for (const [key, states] of Object.entries(clientStates) as Array<[ErrorSentenceKey, ClientState[]]>) {
      for (const state of states) {
        const lines = await clientFinding(app, key, state, say);
        await form.getByLabel(say('profiles.connection.grant'), { exact: true }).selectOption(state.grant);
        await form.getByLabel(say('profiles.connection.clientId.label'), { exact: true }).fill(state.id(pm.seed));
        await form.getByLabel(say('profiles.connection.secret.label'), { exact: true }).fill(state.secret(pm.seed));
        await form.getByRole('button', { name: say('profiles.connection.save') }).click();
        await expectMessage(page, lines, `Edit connection details: ${key}`);
        if (locale !== 'en')
          expect({ key, english: englishLeftIn(locale, await visibleText(page)) }).toEqual({ key, english: [] });
      }
    }
  });

  it.each(locales)('the setup link screens’ findings, in %s', async (locale) => {
    const say = createTranslator(locale, messagesFor(locale)).t;
    const app = await ui.start({ systemLanguages: [locale] });
    const { page, pm } = app;
    const client = pm.seed.passwordClient;
    const acme = { name: 'Acme', instanceUrl: pm.url, grant: 'password' as const, clientId: String(client.id) };
    const link = setupLink(acme);
    // Each finding of the setup parser, keyed by its sentence, with a setup that has it.
    const pasted: Array<[ErrorSentenceKey, string]> = [
      ['error.setup.not_setup', 'hello'],
      ['error.setup.link_cut_short', link.split('&client_id')[0]!],
      ['error.setup.lookalike_server', setupLink({ ...acme, instanceUrl: 'https://аcme.processmaker.net' })],
      ['error.setup_has_credentials', `${link}&access_token=eyJ`],
      ['error.setup.unknown_field', `${link}&Client_Secret=x`],
      ['error.setup.newer_version', link.replace('v=1', 'v=2')],
    ];
    await app.open();
    await page.getByRole('button', { name: say('setup.haveSetupFile') }).click();
    const box = page.getByLabel(say('setup.input.linkLabel'));
    for (const [key, input] of pasted) {
      const found = await app.handlers.previewSetup(input);
      if (found.ok) throw new Error(`${key}: the setup was accepted`);
      expect({ key: found.error.key }).toEqual({ key });
      const next = found.error.nextKey;
      await box.fill(input);
      await page.getByRole('button', { name: say('setup.continue'), exact: true }).click();
      await expectMessage(page, [say(key, found.error.params), ...(next ? [say(next, found.error.params)] : [])], key);
      if (locale !== 'en')
        expect({ key, english: englishLeftIn(locale, await visibleText(page)) }).toEqual({ key, english: [] });
    }

    // The confirmation of a setup made without its secret: a wrong one, then an older link ProcessMaker refuses.
    const confirmLines = () => page.locator('main .setup-confirm div.message p').allInnerTexts();
    const expectConfirm = (lines: string[], label: string) =>
      expect.poll(async () => ({ label, lines: await confirmLines() }), { timeout: 20_000 }).toEqual({ label, lines });
    await box.fill(setupLink(acme, undefined, { needsSecret: true }));
    await page.getByRole('button', { name: say('setup.continue'), exact: true }).click();
    const secret = page.getByLabel(say('setup.confirm.secretLabel'));
    await page.getByRole('button', { name: say('setup.confirm.setUp') }).click();
    await expectConfirm([say('setup.confirm.secretMissing'), say('error.setup_needs_secret.next')], 'no secret typed');
    await secret.fill('not-the-secret');
    await page.getByRole('button', { name: say('setup.confirm.setUp') }).click();
    await expectConfirm([say('error.setup_secret_wrong'), say('error.setup_secret_wrong.next')], 'a wrong secret');
    if (locale !== 'en') expect(englishLeftIn(locale, await visibleText(page))).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, `state-setup-secret-${locale}.png`) });
    await emitToPage(page, { type: 'show', view: 'setup', setup: await app.engine.previewSetup(link) });
    await page.getByRole('button', { name: say('setup.confirm.setUp') }).click();
    await expectConfirm(
      [say('error.setup_needs_secret.rejected'), say('error.setup_needs_secret.rejected.next')],
      'an older link without the secret',
    );
    if (locale !== 'en') expect(englishLeftIn(locale, await visibleText(page))).toEqual([]);
    expect(await app.engine.listProfiles()).toEqual([]);
  });

  it.each(locales)('the sign-in screen’s findings, in %s', async (locale) => {
    const say = createTranslator(locale, messagesFor(locale)).t;
    const app = await ui.start({ systemLanguages: [locale] });
    const { page, pm } = app;
    const profile = await addPasswordProfile(app, 'Acme');
    await app.open();
    const username = page.getByLabel(say('setup.signIn.username.label'), { exact: true });
    await username.waitFor();
    // A wrong password, then ProcessMaker out of reach: each as main says it, in the window's words.
    const tries: Array<{ label: string; before?: () => Promise<void> }> = [
      { label: 'a wrong password' },
      { label: 'ProcessMaker out of reach', before: () => pm.close() },
    ];
    for (const attempt of tries) {
      await attempt.before?.();
      const found = await app.handlers.signInWithPassword(profile.id, pm.seed.user.username, 'not-the-password');
      if (found.ok) throw new Error(`${attempt.label}: signed in`);
      const next = found.error.nextKey;
      const lines = [say(found.error.key, found.error.params), ...(next ? [say(next, found.error.params)] : [])];
      await username.fill(pm.seed.user.username);
      await page.getByLabel(say('setup.signIn.password.label'), { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: say('setup.signIn.submit'), exact: true }).click();
      // The sign-in screen's message stands below its form.
      await expect
        .poll(async () => ({ label: attempt.label, lines: await page.locator('main div.message p').allInnerTexts() }), {
          timeout: 20_000,
        })
        .toEqual({ label: attempt.label, lines });
      if (locale !== 'en')
        expect({ attempt: attempt.label, english: englishLeftIn(locale, await visibleText(page)) }).toEqual({
          attempt: attempt.label,
          english: [],
        });
    }
  });

  it.each(locales)('the console’s findings, in %s', async (locale) => {
    const say = createTranslator(locale, messagesFor(locale)).t;
    const app = await ui.start({ systemLanguages: [locale] });
    const { page, pm } = app;
    await addSignedInProfile(app);
    await app.open();
    await page.getByRole('button', { name: say('window.nav.console'), exact: true }).click();
    const path = page.getByLabel(say('window.console.path'), { exact: true });
    await path.fill('users/999999');
    await page.getByRole('button', { name: say('window.console.send'), exact: true }).click();
    await expect
      .poll(() => page.getByTestId('status-advice').innerText(), { timeout: 20_000 })
      .toBe(say('window.console.advice.notFound'));
    if (locale !== 'en') expect(englishLeftIn(locale, await visibleText(page))).toEqual([]);
    // ProcessMaker out of reach: the console says so in the window's words.
    await pm.close();
    await page.getByRole('button', { name: say('window.console.send'), exact: true }).click();
    await expect
      .poll(async () => (await page.locator('main div.message.error p').allInnerTexts())[0] ?? '', { timeout: 20_000 })
      .toBe(say('error.unreachable', { host: new URL(pm.url).host }));
    if (locale !== 'en') expect(englishLeftIn(locale, await visibleText(page))).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, `state-console-unreachable-${locale}.png`) });
  });

  it.each(locales)('the token view’s renewal states, in %s', async (locale) => {
    const say = createTranslator(locale, messagesFor(locale)).t;
    const app = await ui.start({ systemLanguages: [locale], pm: { config: { accessTokenTtl: 3600 } } });
    const { page, pm } = app;
    await addSignedInProfile(app);
    await app.open();
    await page.getByTestId('token-life').waitFor();
    const refresh = page.getByRole('button', { name: say('window.token.refresh'), exact: true });
    // ProcessMaker refuses the renewal: why, and what to do, in the window's words.
    pm.faults.failNext(1, 500);
    await refresh.click();
    await expect.poll(() => page.getByTestId('token-life').innerText()).toBe(say('error.renewal.refused'));
    await expect(page.getByTestId('renewal-help').locator('p').allInnerTexts()).resolves.toEqual([
      say('error.server_error'),
      say('error.server_error.next'),
    ]);
    if (locale !== 'en') expect(englishLeftIn(locale, await visibleText(page))).toEqual([]);
    // ProcessMaker out of reach: one state, in the window's words.
    await pm.close();
    await refresh.click();
    await expect.poll(() => page.getByTestId('token-life').innerText()).toBe(say('error.renewal.unreachable'));
    if (locale !== 'en') expect(englishLeftIn(locale, await visibleText(page))).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, `state-token-unreachable-${locale}.png`) });
  });
});
