import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotBothThemes, seriousA11yViolationsBothThemes } from './checks';
import type { UiApp } from './harness';
import { addSignedInProfile } from './profiles-fixture';
import { useUiSuite } from './suite';

const ui = useUiSuite();

async function openConsole(ui: UiApp): Promise<Page> {
  await ui.open();
  await ui.page.getByRole('button', { name: 'Console' }).click();
  await ui.page.getByRole('heading', { name: /^Request console/ }).waitFor();
  return ui.page;
}

describe('request console', { timeout: 90_000 }, () => {
  it('sends a GET with query parameters and shows status, size and the JSON body', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    const page = await openConsole(app);
    await page.getByLabel('Path').fill('users');
    await page.getByRole('button', { name: 'Add parameter' }).click();
    await page.getByLabel('parameter 1 name').fill('per_page');
    await page.getByLabel('parameter 1 value').fill('1');
    await page.getByRole('button', { name: 'Send' }).click();
    const status = page.getByTestId('response-status');
    await status.waitFor();
    await expect(status.innerText()).resolves.toMatch(/^200/);
    const response = page.getByTestId('response');
    await expect(response.innerText()).resolves.toMatch(/Size: \d+/);
    await expect(response.innerText()).resolves.toContain('"per_page": 1');
    // Path suggestions come from the instance's API document.
    await expect.poll(() => page.locator('datalist option').count()).toBeGreaterThan(10);
    // Raw view shows the body exactly as sent.
    await page.getByLabel('Raw view').check();
    await expect(page.locator('.raw-body').innerText()).resolves.toContain('"per_page":1');
    await page.getByRole('button', { name: 'Copy body' }).click();
    await expect.poll(() => app.clipboard.text).toContain('"per_page"');
    await page.getByLabel('Raw view').uncheck();
    await screenshotBothThemes(page, '10-console-get');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);
  });

  it('an HTTP error gets one plain sentence on what to check, and history entries are spoken as words', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    const page = await openConsole(app);
    await page.getByLabel('Path').fill('users/999999');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('response-status').innerText()).resolves.toMatch(/^404/);
    await expect(page.getByTestId('status-advice').innerText()).resolves.toBe(
      'ProcessMaker has nothing at this address. Check the path and any number in it (for example the id of a request or user).',
    );
    // A screen reader hears "Load GET users/999999, status 404, …", not "GETusers/999999404".
    const entry = page.getByTestId('history').locator('.history-item').first();
    await expect.poll(() => entry.getAttribute('aria-label')).toMatch(/^Load GET users\/999999, status 404, /);
    await screenshotBothThemes(page, '10b-console-404');
    // A success has no advice.
    await page.getByLabel('Path').fill('users');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^200/);
    await expect(page.getByTestId('status-advice').count()).resolves.toBe(0);
  });

  it('at the default size the answer sits beside the form, in view without scrolling', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    await app.page.setViewportSize({ width: 1080, height: 760 });
    const page = await openConsole(app);
    await page.getByLabel('Path').fill('users');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('response-status').waitFor();
    const form = await page.locator('.request-form').boundingBox();
    const answer = await page.getByTestId('response').boundingBox();
    expect(answer && form && answer.x >= form.x + form.width - 1).toBe(true);
    expect((answer?.y ?? 9999) + 40).toBeLessThan(760);
    await screenshotBothThemes(page, '10c-console-wide');
  });

  it('at the minimum window size the answer is scrolled into view when it arrives', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    await app.page.setViewportSize({ width: 640, height: 480 });
    const page = await openConsole(app);
    await page.getByLabel('Path').fill('users');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('response-status').waitFor();
    const top = await page.getByTestId('response').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(480 - 120);
  });

  it('shows a large JSON answer as a collapsible tree, with a raw view', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    const page = await openConsole(app);
    // A full address on the profile's own server is allowed; the API document is large.
    await page.getByLabel('Path').fill(`${app.pm.url}/docs/api-docs.json`);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('response-status').waitFor();
    const tree = page.locator('.json-tree');
    await tree.waitFor();
    const paths = tree.locator('summary', { has: page.locator('.json-key', { hasText: /^paths: $/ }) }).locator('..');
    await expect(paths.getAttribute('open')).resolves.not.toBeNull();
    // Deeper levels start closed and open from the keyboard.
    const deeper = paths.locator(':scope > ul > li > details').first();
    await expect(deeper.getAttribute('open')).resolves.toBeNull();
    await deeper.locator('summary').first().focus();
    await page.keyboard.press('Enter');
    await expect(deeper.getAttribute('open')).resolves.not.toBeNull();
    await screenshotBothThemes(page, '17-console-json-tree');
    await page.getByLabel('Raw view').check();
    await expect(page.locator('.raw-body').innerText()).resolves.toContain('"openapi"');
  });

  it('Cancel stops a slow request and says so plainly', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    const page = await openConsole(app);
    app.pm.faults.latencyMs = 20_000;
    await page.getByLabel('Path').fill('users');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Sending…').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('response').getByText('The request was cancelled.').waitFor();
    await expect(page.getByRole('button', { name: 'Send' }).isEnabled()).resolves.toBe(true);
    app.pm.faults.latencyMs = 0;
  });

  it('flags invalid JSON with its position before sending, then sends the corrected POST', async () => {
    const app = await ui.start();
    const profile = await addSignedInProfile(app);
    const page = await openConsole(app);
    const userId = app.pm.seed.user.id;
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Path').fill(`users/${userId}/tokens`);
    const body = page.getByLabel('Body (JSON)');
    await body.fill('{\n  "name": "from the console",\n  "scopes": [],\n}');
    app.pm.stats.reset();
    await page.getByRole('button', { name: 'Send' }).click();
    await page
      .getByText(/The body is not valid JSON: there is a mistake at line 4, column 1\./)
      .first()
      .waitFor();
    await expect(body.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(body.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Nothing reached the server.
    expect(app.pm.stats.requests).toBe(0);
    await screenshotBothThemes(page, '11-console-json-error');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);

    await body.fill('{ "name": "from the console", "scopes": [] }');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() =>
        page
          .getByTestId('response-status')
          .innerText()
          .catch(() => ''),
      )
      .toMatch(/^200/);
    await expect(body.getAttribute('aria-invalid')).resolves.toBeNull();
    const history = await app.handlers.listHistory(profile.id, '');
    expect(history.ok && history.value[0]?.request).toMatchObject({ method: 'POST', path: `users/${userId}/tokens` });
  });

  it('keeps a searchable history that loads past requests, and can clear it', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    const page = await openConsole(app);
    for (const path of ['users', 'groups']) {
      await page.getByLabel('Path').fill(path);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByTestId('history').getByText(path, { exact: true }).waitFor();
    }
    const items = page.getByTestId('history').locator('.history-item');
    await expect(items.count()).resolves.toBe(2);
    await expect(items.nth(0).innerText()).resolves.toContain('groups');
    await page.getByLabel('Search history').fill('user');
    await expect.poll(() => items.count()).toBe(1);
    await screenshotBothThemes(page, '12-console-history');
    await page.getByLabel('Path').fill('something-else');
    await items.nth(0).click();
    await expect(page.getByLabel('Path').inputValue()).resolves.toBe('users');
    await page.getByLabel('Search history').fill('');
    await expect.poll(() => items.count()).toBe(2);
    // Run sends a past request again straight away.
    await page.getByRole('button', { name: 'Run GET groups again' }).click();
    await expect.poll(() => items.count()).toBe(3);
    await expect(page.getByLabel('Path').inputValue()).resolves.toBe('groups');
    await page.getByRole('button', { name: 'Clear history' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clear history' }).click();
    await page.getByText('Requests you send appear here.').waitFor();
  });

  it('copies curl with $PM_TOKEN, and with the token only when asked', async () => {
    const app = await ui.start();
    const profile = await addSignedInProfile(app);
    const page = await openConsole(app);
    const token = await app.engine.freshToken(profile.id);
    await page.getByLabel('Path').fill('users');
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    await page.getByText(/It reads the token from \$PM_TOKEN/).waitFor();
    expect(app.clipboard.text).toContain('$PM_TOKEN');
    expect(app.clipboard.text).toContain(`${app.pm.url}/api/1.0/users`);
    expect(app.clipboard.text).not.toContain(token);
    await page.getByLabel('Include my token').check();
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    await expect.poll(() => app.clipboard.text).toContain(token);
  });

  it('asks before a changing request on a production profile', async () => {
    const app = await ui.start();
    await addSignedInProfile(app, 'Live', { production: true, color: '#c2410c' });
    const page = await openConsole(app);
    await page.getByLabel('Method').selectOption('DELETE');
    await page.getByLabel('Path').fill('users/999999/tokens/1');
    app.pm.stats.reset();
    await page.getByRole('button', { name: 'Send' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send DELETE to production?' });
    await dialog.waitFor();
    await screenshotBothThemes(page, '13-console-production-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(app.pm.stats.requests).toBe(0);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send DELETE' }).click();
    await page.getByTestId('response-status').waitFor();
    expect(app.pm.stats.requests).toBeGreaterThan(0);
  });
});
