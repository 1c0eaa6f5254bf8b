/**
 * The window where IT sets Token Tray up (policies): the organisation's profile appears by itself,
 * says who set it up and offers only signing in; with AllowUserProfiles off there is nothing to add.
 */
import { describe, expect, it } from 'vitest';
import { screenshotBothThemes, seriousA11yViolations } from './checks';
import { useUiSuite } from './suite';

const ui = useUiSuite();

describe('profiles set up by the organisation', { timeout: 120_000 }, () => {
  it('first run with AllowUserProfiles off: nothing to type; the organisation’s profile arrives and opens', async () => {
    const app = await ui.start({ organization: { name: 'Acme Corp', allowUserProfiles: false } });
    const { page, pm } = app;
    await app.open();
    await page.getByRole('heading', { name: 'Your organisation sets up Token Tray', level: 1 }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotBothThemes(page, '30-managed-only');

    // What the shell does once it has read the Profiles policy.
    await app.engine.applyManagedProfiles([
      {
        v: 1,
        name: 'Acme',
        url: pm.url,
        kind: 'password',
        client_id: String(pm.seed.passwordClient.id),
        client_secret: pm.seed.passwordClient.secret,
      },
    ]);
    // Straight to signing in: the person types only their own ProcessMaker sign-in.
    await page.getByLabel('Username').waitFor();
    expect(await page.getByLabel(/client/i).count()).toBe(0);

    await page.getByRole('button', { name: 'Profiles', exact: true }).click();
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
    expect(await page.getByTestId('managed-badge').textContent()).toBe('Set up by Acme Corp');
    // Only what is the person's: use it. No add, rename, copy, connection details, share or remove.
    for (const name of ['Add profile', 'Rename', 'Duplicate', 'Edit connection details', 'Share setup…', 'Delete'])
      expect({ name, count: await page.getByRole('button', { name, exact: true }).count() }).toEqual({
        name,
        count: 0,
      });
    expect(
      await page.getByText('Your organisation keeps this profile’s details up to date.', { exact: false }).count(),
    ).toBe(1);
    await screenshotBothThemes(page, '31-managed-profile');
  });

  it('Settings says when the organisation caps how long a token stays on the clipboard', async () => {
    const app = await ui.start({ organization: { clipboardClearMaxSeconds: 30 } });
    const { page } = app;
    await app.engine.addProfile({ name: 'Mine', instanceUrl: app.pm.url, grant: 'personal_access_token' });
    await app.open();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByText('Your organisation has Token Tray clear a copied token after 30 seconds at most').waitFor();
  });

  it('Settings names what the organisation’s Defaults set; a choice of the person’s own is theirs', async () => {
    const app = await ui.start({
      organization: { name: 'Acme Corp' },
      defaults: { theme: 'dark', launchAtLogin: true },
    });
    const { page } = app;
    await app.engine.addProfile({ name: 'Mine', instanceUrl: app.pm.url, grant: 'personal_access_token' });
    await app.open();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByTestId('set-by-theme').waitFor();
    expect(await page.getByTestId('set-by-theme').textContent()).toBe(
      'Set by Acme Corp. You can change it; your choice then stays.',
    );
    expect(await page.getByTestId('set-by-launchAtLogin').count()).toBe(1);
    expect(await page.getByTestId('set-by-clipboardClearSeconds').count()).toBe(0);
    expect(await page.getByLabel('Dark').isChecked()).toBe(true);
    await page.getByLabel('Light').check();
    await page.getByText('Saved', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Token', exact: true }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByTestId('set-by-launchAtLogin').waitFor();
    expect(await page.getByTestId('set-by-theme').count()).toBe(0);
    expect((await app.handlers.preferenceSources()).ok).toBe(true);
  });

  it('AllowedServers: a server the organisation does not list is refused at the address, not at Save', async () => {
    const allowed = 'https://processmaker.acme.example';
    const app = await ui.start({ isServerAllowed: (url) => url === allowed });
    const { page, pm } = app;
    await app.open();
    pm.stats.reset();
    await page.getByLabel('What is your ProcessMaker address?').fill(pm.url);
    await page.getByText('Your organisation does not allow Token Tray to connect to this server.').waitFor();
    await page.getByText('Check the address with your IT team.').waitFor();
    // Nothing was asked of that server, and nothing says it looks fine.
    expect(pm.stats.requests).toBe(0);
    expect(await page.getByText('Looks like ProcessMaker').count()).toBe(0);
    expect(await page.getByText('Reachable', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Your organisation does not allow Token Tray to connect to this server.').waitFor();
    expect(await page.getByText('Step 1 of 4').isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'How do you sign in?' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotBothThemes(page, '32-server-not-allowed');
  });
});
