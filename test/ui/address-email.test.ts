import { describe, expect, it } from 'vitest';
import { screenshotBothThemes } from './checks';
import { useUiSuite } from './suite';

const ui = useUiSuite();

describe('the address step', { timeout: 60_000 }, () => {
  it('an email address typed as the server is named as such, with an example of a server address', async () => {
    const app = await ui.start();
    const { page } = app;
    await app.open();
    await page.getByLabel('What is your ProcessMaker address?').fill('jane@acme.com');
    await page.getByText('That looks like an email address, not the address of a server.').waitFor();
    await page
      .getByText('Type the address you use to open ProcessMaker in your browser, for example acme.processmaker.net.')
      .waitFor();
    expect(await page.getByText('Leave your username and password out', { exact: false }).count()).toBe(0);
    await screenshotBothThemes(page, '01b-setup-address-email');
  });
});
