import { describe, expect, it } from 'vitest';
import { screenshotBothThemes, seriousA11yViolationsBothThemes } from './checks';
import { adminHelpUrl } from './harness';
import { useUiSuite } from './suite';

const ui = useUiSuite();

describe('first run', { timeout: 90_000 }, () => {
  it('guides from the address to a signed-in token view', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    const { page, pm } = app;
    await app.open();
    await expect(page.getByRole('heading', { name: 'Welcome to Token Tray' }).isVisible()).resolves.toBe(true);
    const address = page.getByLabel('What is your ProcessMaker address?');
    // The first input has focus, so people can type straight away.
    await expect(address.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshotBothThemes(page, '01-setup-address');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);

    await address.fill(pm.url);
    await page.getByText('Looks like ProcessMaker').waitFor();
    await screenshotBothThemes(page, '02-setup-address-checked');
    await page.getByRole('button', { name: 'Continue' }).click();

    const group = page.getByRole('group', { name: 'How do you sign in?' });
    await group.waitFor();
    const radios = group.getByRole('radio');
    await expect(radios.count()).resolves.toBe(3);
    // Browser sign-in comes first, is marked Recommended and is preselected.
    await expect(radios.nth(0).isChecked()).resolves.toBe(true);
    await expect(group.locator('label').nth(0).innerText()).resolves.toMatch(
      /Sign in with my browser[\s\S]*Recommended/,
    );
    await expect(group.locator('label').nth(1).innerText()).resolves.toMatch(/Username and password/);
    await expect(group.locator('label').nth(2).innerText()).resolves.toMatch(/personal access token/);
    await screenshotBothThemes(page, '03-setup-grant');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);

    await page.getByLabel(/Username and password/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const clientId = page.getByLabel('Client ID');
    await clientId.waitFor();
    // Focus is on the first field to fill: the Client ID, not the name Token Tray already suggested.
    await expect(clientId.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Each client field is explained in one sentence.
    await expect(clientId.getAttribute('aria-describedby')).resolves.toBeTruthy();
    await page.getByRole('button', { name: 'How your administrator sets this up' }).click();
    await expect.poll(() => app.externalOpened).toEqual([adminHelpUrl]);
    await screenshotBothThemes(page, '04-setup-details');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);

    await expect(page.getByText('Step 3 of 4').isVisible()).resolves.toBe(true);
    // Values only IT has: the step says IT can send a setup link instead, and opens the place to paste it.
    await page
      .getByText('No Client ID or secret? Ask your IT team for a setup link instead', { exact: false })
      .waitFor();
    // Missing fields are named before anything is saved.
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.getByText('Please fill in every field.').waitFor();
    await expect(clientId.getAttribute('aria-invalid')).resolves.toBe('true');

    // A wrong secret is caught here, when the profile is saved, not at sign-in; nothing is saved.
    await clientId.fill(String(pm.seed.passwordClient.id));
    await page.getByLabel('Client secret').fill('not-the-secret');
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.getByText('ProcessMaker did not accept this Client ID with this secret', { exact: false }).waitFor();
    await page.getByText('Most often it is the secret', { exact: false }).waitFor();
    expect(await app.engine.listProfiles()).toEqual([]);
    await expect(page.getByLabel('Client secret').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshotBothThemes(page, '04b-setup-client-rejected');

    await page.getByLabel('Client secret').fill(pm.seed.passwordClient.secret ?? '');
    await page.getByRole('button', { name: 'Continue to sign in' }).click();

    await page.getByRole('heading', { name: /^Sign in — / }).waitFor();
    // The sign-in is the fourth and last step, and the counter says so.
    await expect(page.getByText('Step 4 of 4').isVisible()).resolves.toBe(true);
    const profiles = await app.engine.listProfiles();
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      instanceUrl: pm.url,
      grant: 'password',
      clientId: String(pm.seed.passwordClient.id),
      hasClientSecret: true,
      active: true,
    });

    await page.getByLabel('Username').fill(pm.seed.user.username);
    await page.getByLabel('Password').fill(pm.seed.user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-name').waitFor();
    await expect(page.getByTestId('user-name').innerText()).resolves.toBe(
      `${pm.seed.user.firstname} ${pm.seed.user.lastname}`,
    );
  });

  it('says plainly when the address is not reachable', async () => {
    const app = await ui.start();
    const { page } = app;
    await app.open();
    // A port nothing listens on (pm-server is closed first).
    const deadUrl = app.pm.url;
    await app.pm.close();
    await page.getByLabel('What is your ProcessMaker address?').fill(deadUrl);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByText('Not reachable')
      .or(page.getByText(/could not reach/i))
      .first()
      .waitFor();
    // The next step is shown with the sentence, as on every other screen.
    await page.getByText('Check the address and your internet connection, then try again.').waitFor();
    // Still on step 1: nothing was created.
    await expect(page.getByText('Step 1 of 4').isVisible()).resolves.toBe(true);
    expect(await app.engine.listProfiles()).toEqual([]);
  });

  it('offers "I trust this network" for a plain-http address, and checks it again once ticked', async () => {
    const app = await ui.start();
    const { page } = app;
    await app.open();
    const trust = page.getByLabel('This address has no https. I trust this network anyway.');
    expect(await trust.isVisible()).toBe(false);
    await page.getByLabel('What is your ProcessMaker address?').fill('http://acme.invalid');
    await page.getByText('This address does not use a secure connection (https).').waitFor();
    await page.getByText('Use the https address, or confirm that you trust this network.').waitFor();
    await trust.waitFor();
    await trust.check();
    // Checked again with plain http allowed: this name does not exist, so it cannot be reached.
    await page.getByText('✗ Not reachable').waitFor();
    await page.getByText('Token Tray could not reach the ProcessMaker server.').waitFor();
    expect(await trust.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Step 1 of 4').isVisible()).resolves.toBe(true);
    expect(await app.engine.listProfiles()).toEqual([]);
  });

  it('runs under a CSP that refuses inline script and inline style', async () => {
    const app = await ui.start();
    const { page } = app;
    await app.open();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.inline = "ran"';
      document.head.append(script);
      document.body.setAttribute('style', 'color: red');
      await new Promise((r) => setTimeout(r, 100));
      return document.documentElement.dataset['inline'] ?? 'blocked';
    });
    expect(ran).toBe('blocked');
    await expect.poll(() => app.cspViolations.length).toBeGreaterThanOrEqual(2);
    app.cspViolations.length = 0; // expected here; the afterEach check is for the app's own code
  });
  it('can be completed with the keyboard alone', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    await app.open();
    // Focus starts in the address field.
    await page.keyboard.type(pm.url);
    await page.getByText('Looks like ProcessMaker').waitFor();
    await page.keyboard.press('Enter');
    const group = page.getByRole('group', { name: 'How do you sign in?' });
    await group.waitFor();
    // Focus is on the preselected first choice; arrows move between choices.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(group.getByRole('radio').nth(2).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.getByLabel('Profile name').waitFor();
    await expect(page.getByLabel('Client ID').count()).resolves.toBe(0);
    // Focus is on the first field to fill, the token: the name is already suggested.
    await expect(
      page.getByLabel('Personal access token').evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    // A personal access token has three steps: the token is pasted with the name, no screen only asks for a name.
    await expect(page.getByText('Step 3 of 3').isVisible()).resolves.toBe(true);
    await page.keyboard.type(await pm.issuePersonalAccessToken(pm.seed.user.id, 'Token Tray'));
    // Tab past "Open this page in ProcessMaker", the production box and Back, to "Save and finish".
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Save and finish');
    await page.keyboard.press('Enter');
    await page.getByTestId('user-name').waitFor();
    expect((await app.engine.listProfiles())[0]).toMatchObject({
      grant: 'personal_access_token',
      status: { state: 'signed_in' },
    });
  });

  it('a refused personal access token leaves no half-made profile, and the page to make one opens in ProcessMaker', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    await app.open();
    await page.getByLabel('What is your ProcessMaker address?').fill(pm.url);
    await page.getByText('Looks like ProcessMaker').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel(/Paste a personal access token/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // One path to follow, and a button that opens it.
    await page.getByText('click your picture at the top right and choose Edit Profile', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Open this page in ProcessMaker' }).click();
    await expect.poll(() => app.externalOpened).toEqual([`${pm.url}/profile/edit`]);
    await page.getByLabel('Personal access token').fill('eyJ0eXAiOiJKV1QifQ.not-a-real-token.signature');
    await page.getByRole('button', { name: 'Save and finish' }).click();
    await page.locator('.message.error').waitFor();
    expect(await app.engine.listProfiles()).toEqual([]);
    // What was typed stays, so the person can correct it.
    await expect(page.getByLabel('Profile name').inputValue()).resolves.not.toBe('');
  });

  it('shows no administrator help link while no help address is set', async () => {
    const app = await ui.start({ adminHelpUrl: null });
    const { page, pm } = app;
    await app.open();
    await page.getByLabel('What is your ProcessMaker address?').fill(pm.url);
    await page.getByText('Looks like ProcessMaker').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel(/Username and password/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Client ID').waitFor();
    await expect(page.getByRole('button', { name: 'How your administrator sets this up' }).count()).resolves.toBe(0);
    expect(app.externalOpened).toEqual([]);
  });

  it('step 3 suggests asking IT for a setup link, and the button opens the place to paste it', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    await app.open();
    await page.getByLabel('What is your ProcessMaker address?').fill(pm.url);
    await page.getByText('Looks like ProcessMaker').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Client ID').waitFor();
    const ask = page.getByTestId('ask-for-setup');
    await expect(ask.innerText()).resolves.toContain(
      'No Client ID or secret? Ask your IT team for a setup link instead: it fills all of this in.',
    );
    await ask.getByRole('button', { name: 'I have a setup file or link' }).click();
    await page.getByLabel('Paste the setup link').waitFor();
    expect(await page.getByLabel('Client ID').count()).toBe(0);
  });
});
