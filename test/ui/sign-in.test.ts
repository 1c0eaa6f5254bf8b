import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotBothThemes, screenshotDir, seriousA11yViolationsBothThemes } from './checks';
import type { UiApp } from './harness';
import { addPasswordProfile, must } from './profiles-fixture';
import { useUiSuite } from './suite';
import { systemBrowser } from './system-browser';

const suite = useUiSuite();

async function addBrowserProfile(ui: UiApp): Promise<string> {
  const client = ui.pm.seed.codeClient;
  const profile = await must(
    ui.handlers.addProfile({
      name: 'Acme',
      instanceUrl: ui.pm.url,
      grant: 'authorization_code',
      clientId: String(client.id),
      clientSecret: client.secret ?? '',
    }),
  );
  await must(ui.handlers.setActiveProfile(profile.id));
  return profile.id;
}

describe('sign-in', { timeout: 90_000 }, () => {
  it('browser sign-in waits for the browser, then shows the token when the app link comes back', async () => {
    const ui = await suite.start();
    const profileId = await addBrowserProfile(ui);
    const web = await systemBrowser(suite.browser, ui.engine, ui.pm.seed.user);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The person takes a moment before signing in, so the waiting screen can be seen.
    ui.onOpenBrowser(async (url) => {
      await gate;
      await web.open(url);
    });
    await ui.open();
    await screenshotBothThemes(ui.page, '06-sign-in-browser');
    await ui.page.getByRole('button', { name: 'Sign in with my browser' }).click();
    await ui.page.getByText('Waiting for your browser…').waitFor();
    expect(ui.browserOpened[0]).toContain(`${ui.pm.url}/oauth/authorize?`);
    await screenshotBothThemes(ui.page, '07-sign-in-waiting');
    expect(await seriousA11yViolationsBothThemes(ui.page)).toEqual([]);
    release();
    await ui.page.getByTestId('user-name').waitFor();
    expect((await ui.engine.getProfile(profileId)).status.state).toBe('signed_in');
    await web.context.close();
  });

  it('browser sign-in chosen on step 2 starts with the one click of step 3’s Continue to sign in', async () => {
    const ui = await suite.start();
    const { page, pm } = ui;
    const web = await systemBrowser(suite.browser, ui.engine, pm.seed.user);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    ui.onOpenBrowser(async (url) => {
      await gate;
      await web.open(url);
    });
    await ui.open();
    await page.getByLabel('What is your ProcessMaker address?').fill(pm.url);
    await page.getByText('Looks like ProcessMaker').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    // Browser sign-in is the preselected choice.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Client ID').fill(String(pm.seed.codeClient.id));
    await page.getByLabel('Client secret').fill(pm.seed.codeClient.secret ?? '');
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    // Step 4 is already waiting for the browser: no second "Sign in with my browser".
    await page.getByText('Waiting for your browser…').waitFor();
    await expect(page.getByText('Step 4 of 4').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: 'Sign in with my browser' }).count()).toBe(0);
    expect(ui.browserOpened).toHaveLength(1);
    await page.screenshot({ path: join(screenshotDir, 'state-step4-waiting-en.png') });
    release();
    await page.getByTestId('user-name').waitFor();
    await web.context.close();
  });

  it('offers another way back (the local redirect) when the app link does not come back, and signs in with it', async () => {
    const ui = await suite.start();
    const profileId = await addBrowserProfile(ui);
    const web = await systemBrowser(suite.browser, ui.engine, ui.pm.seed.user);
    web.appLink.behaviour = 'lost';
    ui.onOpenBrowser((url) => web.open(url));
    await ui.open();
    await ui.page.getByRole('button', { name: 'Sign in with my browser' }).click();
    const fallback = ui.page.getByRole('button', { name: 'Try another way back to Token Tray' });
    await fallback.waitFor({ timeout: 20_000 });
    await fallback.click();
    await ui.page.getByTestId('user-name').waitFor();
    expect(ui.browserOpened).toHaveLength(2);
    expect(new URL(ui.browserOpened[1] ?? '').searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1(:\d+)?\/oauth\/callback$/,
    );
    expect((await ui.engine.getProfile(profileId)).status.state).toBe('signed_in');
    await web.context.close();
  });

  it('shows the sign-in link with a Copy button when the browser cannot be opened, and the sign-in still finishes', async () => {
    const ui = await suite.start({ browserOpens: false });
    const profileId = await addBrowserProfile(ui);
    const web = await systemBrowser(suite.browser, ui.engine, ui.pm.seed.user);
    await ui.open();
    await ui.page.getByRole('button', { name: 'Sign in with my browser' }).click();
    await ui.page.getByText(/Token Tray could not open your web browser\. Copy the sign-in link below/).waitFor();
    const link = await ui.page.getByLabel('Sign-in link').inputValue();
    expect(link).toContain(`${ui.pm.url}/oauth/authorize?`);
    await ui.page.getByRole('button', { name: 'Copy link' }).click();
    await ui.page.getByRole('button', { name: 'Link copied' }).waitFor();
    expect(ui.clipboard.text).toBe(link);
    await screenshotBothThemes(ui.page, '07b-sign-in-no-browser');
    expect(await seriousA11yViolationsBothThemes(ui.page)).toEqual([]);
    // The person pastes the link into their browser themselves.
    await web.open(link);
    await ui.page.getByTestId('user-name').waitFor();
    expect((await ui.engine.getProfile(profileId)).status.state).toBe('signed_in');
    // Once the sign-in has ended there is no link to copy.
    const ended = await ui.handlers.copySignInLink('no-such-sign-in');
    expect(ended).toMatchObject({ ok: false, error: { code: 'sign_in_failed' } });
    await web.context.close();
  });

  it('Cancel stops a browser sign-in and says so', async () => {
    const app = await suite.start();
    await addBrowserProfile(app);
    await app.open();
    await app.page.getByRole('button', { name: 'Sign in with my browser' }).click();
    await app.page.getByText('Waiting for your browser…').waitFor();
    await app.page.getByRole('button', { name: 'Cancel' }).click();
    await app.page.getByText('Sign-in was cancelled.').waitFor();
    await app.page.getByRole('button', { name: 'Try again' }).waitFor();
  });

  it('a wrong password shows the plain sentence, the right one signs in', async () => {
    const app = await suite.start();
    await addPasswordProfile(app);
    const { page, pm } = app;
    await app.open();
    await page.getByLabel('Username').fill(pm.seed.user.username);
    await page.getByLabel('Password').fill(`${pm.seed.user.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('.message.error');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('The username or password is not correct.');
    await expect(alert.getAttribute('aria-live')).resolves.toBe('assertive');
    await screenshotBothThemes(page, '08-sign-in-password-error');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);
    await page.getByLabel('Password').fill(pm.seed.user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-name').waitFor();
  });

  it('a bad personal access token is refused plainly, a good one is saved', async () => {
    const app = await suite.start();
    const { page, pm } = app;
    const profile = await must(
      app.handlers.addProfile({ name: 'Tokens', instanceUrl: pm.url, grant: 'personal_access_token' }),
    );
    await must(app.handlers.setActiveProfile(profile.id));
    await app.open();
    const field = page.getByLabel('Personal access token');
    await field.fill('this-is-not-a-token');
    await page.getByRole('button', { name: 'Save token' }).click();
    await page.locator('.message.error').waitFor();
    await expect(page.locator('.message.error').innerText()).resolves.toContain(
      'ProcessMaker did not accept this token.',
    );
    await screenshotBothThemes(page, '09-sign-in-token-error');
    const token = await pm.issuePersonalAccessToken(pm.seed.user.id, 'Token Tray UI test');
    await field.fill(token);
    await page.getByRole('button', { name: 'Save token' }).click();
    await page.getByTestId('user-name').waitFor();
    // The token view names the kind of token once its details have loaded.
    await page.locator('.token-box').getByText('Personal access token', { exact: true }).waitFor();
  });
});
