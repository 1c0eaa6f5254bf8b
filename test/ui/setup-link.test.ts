import { describe, expect, it } from 'vitest';
import { parseSetup, setupLink } from '../../main/core';
import { emitToPage } from './bridge';
import { screenshotBothThemes, seriousA11yViolationsBothThemes } from './checks';
import { startUiApp } from './harness';
import { useUiSuite } from './suite';
import { systemBrowser } from './system-browser';

const ui = useUiSuite();

describe('sign in once: a setup link or file from IT', { timeout: 90_000 }, () => {
  it('first run: paste the link, confirm the server, and only sign in', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    const link = setupLink(
      {
        name: 'Acme',
        instanceUrl: pm.url,
        grant: 'password',
        clientId: String(pm.seed.passwordClient.id),
        production: true,
      },
      pm.seed.passwordClient.secret ?? undefined,
    );
    await app.open();
    await page.getByRole('button', { name: 'I have a setup file or link' }).click();
    await page.getByLabel('Paste the setup link').fill(link);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Set up Token Tray' }).waitFor();
    await expect(page.getByTestId('setup-host').innerText()).resolves.toBe(new URL(pm.url).host);
    await page.getByText('Marked as a production server', { exact: false }).waitFor();
    await page.getByText('It includes your organisation’s Auth Client secret', { exact: false }).waitFor();
    // Nothing is saved before the one button.
    expect(await app.engine.listProfiles()).toEqual([]);
    // The secret never reached the window.
    await expect(page.content()).resolves.not.toContain(pm.seed.passwordClient.secret ?? '\u0000');
    await screenshotBothThemes(page, '06-setup-confirm');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);

    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    await page.getByLabel('Username').fill(pm.seed.user.username);
    await page.getByLabel('Password').fill(pm.seed.user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-name').waitFor();
    const [profile] = await app.engine.listProfiles();
    expect(profile).toMatchObject({ name: 'Acme', production: true, hasClientSecret: true, active: true });
  });

  it('a link clicked elsewhere (main read it) asks before changing the profile that has the same server', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    const code = pm.seed.codeClient;
    const existing = await app.engine.addProfile({
      name: 'Acme',
      instanceUrl: pm.url,
      grant: 'authorization_code',
      clientId: String(code.id),
      clientSecret: code.secret ?? undefined,
    });
    await app.open();
    const preview = await app.engine.previewSetup(
      setupLink({
        name: 'Acme (IT)',
        instanceUrl: pm.url,
        grant: 'authorization_code',
        clientId: String(code.id),
        scope: '*',
      }),
    );
    await emitToPage(page, { type: 'show', view: 'setup', setup: preview });
    await page.getByRole('heading', { name: 'Update this profile?' }).waitFor();
    await expect(page.getByTestId('setup-differences').innerText()).resolves.toContain(
      'Name: “Acme” becomes “Acme (IT)”',
    );
    await page.getByRole('button', { name: 'Update and sign in' }).click();
    // Straight on to the browser sign-in: nothing else to click.
    await expect.poll(() => app.browserOpened.length).toBe(1);
    expect(app.browserOpened[0]).toContain(`${pm.url}/oauth/authorize?`);
    const after = await app.engine.listProfiles();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: existing.id, name: 'Acme (IT)', scope: '*' });
  });

  it('Share setup… copies a link that sets the same profile up elsewhere, with the secret unless left out', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    const client = pm.seed.passwordClient;
    await app.engine.addProfile({
      name: 'Acme',
      instanceUrl: pm.url,
      grant: 'password',
      clientId: String(client.id),
      clientSecret: client.secret ?? undefined,
    });
    await app.open();
    await page.getByRole('button', { name: 'Profiles', exact: true }).click();
    await page.getByRole('button', { name: 'Share setup…' }).click();
    // ProcessMaker's Auth Clients all have a secret: it goes with the link unless the sharer leaves it out.
    await expect(page.getByLabel('Include the Auth Client secret').isChecked()).resolves.toBe(true);
    await page.getByText('anyone holding the link can use this Auth Client', { exact: false }).waitFor();
    await screenshotBothThemes(page, '14d-profiles-share');
    await page.getByRole('button', { name: 'Copy setup link' }).click();
    await page.getByText(/the clipboard clears in \d+ s/).waitFor();
    expect(parseSetup(app.clipboard.text)).toMatchObject({ clientSecret: client.secret, needsSecret: false });
    await page.getByLabel('Include the Auth Client secret').uncheck();
    await page.getByText('your colleague is asked for it when they open the link', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Copy setup link' }).click();
    await page.getByText('Setup link copied.', { exact: true }).waitFor();
    const plain = parseSetup(app.clipboard.text);
    expect(plain).toMatchObject({ name: 'Acme', instanceUrl: pm.url, grant: 'password', clientId: String(client.id) });
    expect(plain.clientSecret).toBeUndefined();
    expect(plain.needsSecret).toBe(true);
    await page.getByLabel('Include the Auth Client secret').check();
    // Nobody's sign-in in it, ever.
    expect(app.clipboard.text).not.toMatch(/access_token|refresh_token|password=|username=/i);

    // Or as a file, saved where the person chooses: the same setup, with the secret only as chosen.
    await page.getByLabel('Include the Auth Client secret').uncheck();
    await page.getByRole('button', { name: 'Save as a file…' }).click();
    await page.getByText('Setup file saved.', { exact: true }).waitFor();
    const [saved] = app.savedFiles;
    expect(saved?.name).toBe('Acme.pmtokentray');
    expect(parseSetup(saved!.content)).toMatchObject({ name: 'Acme', instanceUrl: pm.url, grant: 'password' });
    expect(parseSetup(saved!.content).clientSecret).toBeUndefined();
    expect(parseSetup(saved!.content).needsSecret).toBe(true);
  });

  it('Share setup…’s default link, opened on a colleague’s computer, ends in a copied token (a confidential client)', async () => {
    const sharer = await ui.start();
    const code = sharer.pm.seed.codeClient;
    expect(code.secret).toBeTruthy();
    await sharer.engine.addProfile({
      name: 'Acme',
      instanceUrl: sharer.pm.url,
      grant: 'authorization_code',
      clientId: String(code.id),
      clientSecret: code.secret ?? undefined,
    });
    await sharer.open();
    await sharer.page.getByRole('button', { name: 'Profiles', exact: true }).click();
    await sharer.page.getByRole('button', { name: 'Share setup…' }).click();
    await sharer.page.getByRole('button', { name: 'Copy setup link' }).click();
    await sharer.page.getByText(/Setup link copied/).waitFor();
    const link = sharer.clipboard.text;

    // The colleague: a fresh profile folder and keychain, the same ProcessMaker.
    const colleague = await startUiApp(ui.browser, ui.site, { server: sharer.pm });
    try {
      const { page } = colleague;
      const web = await systemBrowser(ui.browser, colleague.engine, sharer.pm.seed.user);
      colleague.onOpenBrowser((url) => web.open(url));
      await colleague.open();
      await page.getByRole('button', { name: 'I have a setup file or link' }).click();
      await page.getByLabel('Paste the setup link').fill(link);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Set up Token Tray' }).waitFor();
      await page.getByRole('button', { name: 'Set up and sign in' }).click();
      await page.getByTestId('token-life').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await page
        .getByText(/copied/i)
        .first()
        .waitFor();
      const [profile] = await colleague.engine.listProfiles();
      expect(profile).toMatchObject({ name: 'Acme', hasClientSecret: true });
      expect(colleague.clipboard.text).toBe(await colleague.engine.freshToken(profile!.id));
      await web.context.close();
    } finally {
      await colleague.close();
    }
  });

  it('a setup made without the secret asks for it alone, checks it with ProcessMaker, and saves nothing until it is right', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    const client = pm.seed.passwordClient;
    const link = setupLink(
      { name: 'Acme', instanceUrl: pm.url, grant: 'password', clientId: String(client.id) },
      undefined,
      { needsSecret: true },
    );
    await app.open();
    await emitToPage(page, { type: 'show', view: 'setup', setup: await app.engine.previewSetup(link) });
    const secret = page.getByLabel('Client secret (ask whoever sent you this link)');
    await secret.waitFor();
    // The one thing to type has the focus.
    await expect(secret.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    await page.getByText('Type the client secret first.').waitFor();
    await secret.fill('not-the-secret');
    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    await page.getByText('ProcessMaker did not accept the client secret you typed.').waitFor();
    await expect(page.getByText('Check both', { exact: false }).count()).resolves.toBe(0);
    expect(await app.engine.listProfiles()).toEqual([]);
    await screenshotBothThemes(page, '06b-setup-confirm-secret');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);
    await secret.fill(client.secret ?? '');
    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    await page.getByLabel('Username').fill(pm.seed.user.username);
    await page.getByLabel('Password').fill(pm.seed.user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-name').waitFor();
    expect(await app.engine.listProfiles()).toMatchObject([{ name: 'Acme', hasClientSecret: true }]);
  });

  it('an older link without the secret a client needs asks for it, instead of blaming values nobody typed', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    const client = pm.seed.passwordClient;
    const link = setupLink({ name: 'Acme', instanceUrl: pm.url, grant: 'password', clientId: String(client.id) });
    await app.open();
    await emitToPage(page, { type: 'show', view: 'setup', setup: await app.engine.previewSetup(link) });
    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    await page.getByText('ProcessMaker wants this Auth Client’s secret, and the setup does not include it.').waitFor();
    await expect(page.getByText('Check both', { exact: false }).count()).resolves.toBe(0);
    await page.getByLabel('Client secret (ask whoever sent you this link)').fill(client.secret ?? '');
    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    await page.getByLabel('Username').waitFor();
    expect(await app.engine.listProfiles()).toMatchObject([{ name: 'Acme', hasClientSecret: true }]);
  });

  it('a server written in other letters is shown as punycode with a warning, and never takes an existing profile’s name', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    await app.engine.addProfile({ name: 'Acme', instanceUrl: pm.url, grant: 'personal_access_token' });
    await app.open();
    const preview = await app.engine.previewSetup(
      setupLink({ name: 'Acme', instanceUrl: 'https://асме.processmaker.net', grant: 'personal_access_token' }),
    );
    await emitToPage(page, { type: 'show', view: 'setup', setup: preview });
    await page.getByRole('heading', { name: 'Set up Token Tray' }).waitFor();
    await expect(page.getByTestId('setup-host').innerText()).resolves.toBe('xn--80akut.processmaker.net');
    await page.getByText('This address uses letters from other alphabets; check it with your IT team.').waitFor();
    await expect(page.getByTestId('setup-renamed').innerText()).resolves.toBe(
      `You already have a profile “Acme” for ${new URL(pm.url).host}. This setup is for another server, xn--80akut.processmaker.net, so it is added as a new profile, “Acme (2)”.`,
    );
    await screenshotBothThemes(page, '06c-setup-confirm-other-letters');
    // A look-alike is refused before any confirmation.
    await expect(
      app.engine.previewSetup(
        setupLink({ name: 'Acme', instanceUrl: 'https://аcme.processmaker.net', grant: 'personal_access_token' }),
      ),
    ).rejects.toMatchObject({ code: 'setup_invalid', key: 'error.setup.lookalike_server' });
  });

  it('a link with someone’s token in it is refused in plain words, and nothing changes', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    await app.open();
    await page.getByRole('button', { name: 'I have a setup file or link' }).click();
    const link = `${setupLink({ name: 'Acme', instanceUrl: pm.url, grant: 'password', clientId: '2' })}&access_token=eyJ`;
    await page.getByLabel('Paste the setup link').fill(link);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('contains someone’s sign-in (a password or token)', { exact: false }).waitFor();
    expect(await app.engine.listProfiles()).toEqual([]);
  });

  it('a setup file dropped on the window opens its confirmation; anything else is refused in plain words', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    await app.open();
    const drop = (name: string, text: string) =>
      page.evaluate(
        ([fileName, content]) => {
          const data = new DataTransfer();
          data.items.add(new File([content], fileName, { type: 'application/json' }));
          document
            .querySelector('main')!
            .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        [name, text] as const,
      );
    await drop('holiday.jpg', 'not a setup at all');
    await page.getByRole('alertdialog').getByText('“holiday.jpg” cannot be used').waitFor();
    await page
      .getByRole('alertdialog')
      .getByText('This is neither a Token Tray setup link nor a setup file.')
      .waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await app.engine.listProfiles()).toEqual([]);

    const file = JSON.stringify({ v: 1, name: 'Acme', url: pm.url, kind: 'personal_access_token' });
    await drop('acme.pmtokentray', file);
    await page.getByRole('heading', { name: 'Set up Token Tray' }).waitFor();
    await expect(page.getByTestId('setup-host').innerText()).resolves.toBe(new URL(pm.url).host);
    expect(await app.engine.listProfiles()).toEqual([]);
  });

  it('from a setup link to a copied token, the person types nothing in Token Tray: only their sign-in, in the browser', async () => {
    const app = await ui.start();
    const { page, pm } = app;
    const web = await systemBrowser(ui.browser, app.engine, pm.seed.user);
    app.onOpenBrowser((url) => web.open(url));
    const link = setupLink(
      { name: 'Acme', instanceUrl: pm.url, grant: 'authorization_code', clientId: String(pm.seed.codeClient.id) },
      pm.seed.codeClient.secret ?? undefined,
    );
    // Every keystroke and paste into the window is counted.
    await page.addInitScript(() => {
      const w = window as unknown as { typed: number };
      w.typed = 0;
      document.addEventListener('input', () => (w.typed += 1), true);
    });
    await app.open();
    // IT's link, clicked in a mail: main reads it and shows its confirmation (as the deep-link router does).
    await emitToPage(page, { type: 'show', view: 'setup', setup: await app.engine.previewSetup(link) });
    await page.getByRole('button', { name: 'Set up and sign in' }).click();
    await page.getByTestId('token-life').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page
      .getByText(/copied/i)
      .first()
      .waitFor();
    expect(app.clipboard.text).toBe(await app.engine.freshToken((await app.engine.listProfiles())[0]!.id));
    expect(await page.evaluate(() => (window as unknown as { typed: number }).typed)).toBe(0);
    await web.context.close();
  });
});
