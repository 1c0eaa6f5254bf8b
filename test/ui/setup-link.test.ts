import { describe, expect, it } from 'vitest';
import { parseSetup, setupLink } from '../../main/core';
import { emitToPage } from './bridge';
import { screenshotBothThemes, seriousA11yViolationsBothThemes } from './checks';
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

  it('Share setup… copies a link that sets the same profile up elsewhere, with the secret only when asked', async () => {
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
    await page.getByRole('button', { name: 'Copy setup link' }).click();
    await page.getByText('Setup link copied.', { exact: true }).waitFor();
    const plain = parseSetup(app.clipboard.text);
    expect(plain).toMatchObject({ name: 'Acme', instanceUrl: pm.url, grant: 'password', clientId: String(client.id) });
    expect(plain.clientSecret).toBeUndefined();
    await page.getByLabel('Include the Auth Client secret').check();
    await page.getByText('anyone holding the link can use this Auth Client', { exact: false }).waitFor();
    await screenshotBothThemes(page, '14d-profiles-share');
    await page.getByRole('button', { name: 'Copy setup link' }).click();
    await page.getByText(/the clipboard clears in \d+ s/).waitFor();
    expect(parseSetup(app.clipboard.text).clientSecret).toBe(client.secret);
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
