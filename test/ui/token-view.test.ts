import { describe, expect, it } from 'vitest';
import { screenshotBothThemes, seriousA11yViolationsBothThemes } from './checks';
import { addSignedInProfile } from './profiles-fixture';
import { useUiSuite } from './suite';

const ui = useUiSuite();

/** "59 min 58 s" -> 3598 (days, h, min and s parts). */
function seconds(text: string): number {
  const part = (unit: string): number => Number(new RegExp(`(\\d+) ${unit}`).exec(text)?.[1] ?? 0);
  return part('days?') * 86_400 + part('h') * 3600 + part('min') * 60 + part('s');
}

describe('token view', { timeout: 90_000 }, () => {
  it('shows who is signed in and a countdown that goes down', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    await addSignedInProfile(app);
    const { page, pm } = app;
    await app.open();
    await expect(page.getByTestId('user-name').innerText()).resolves.toBe(
      `${pm.seed.user.firstname} ${pm.seed.user.lastname}`,
    );
    const countdown = page.getByTestId('countdown');
    const first = await countdown.innerText();
    expect(first).toMatch(/^\d+ min \d+ s$/);
    expect(seconds(first)).toBeGreaterThan(3500);
    expect(seconds(first)).toBeLessThanOrEqual(3600);
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid=countdown]')?.textContent !== before,
      first,
    );
    expect(seconds(await countdown.innerText())).toBeLessThan(seconds(first));
    // Claims are shown, times as local dates.
    await page.getByText('User ID (sub)').waitFor();
    await expect(page.locator('.claims-list').innerText()).resolves.toContain(String(pm.seed.user.id));
    await page.getByText('Expires (exp)').waitFor();
  });

  it('keeps the token masked until Reveal, and Copy puts it on the clipboard in the chosen format', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    const profile = await addSignedInProfile(app);
    const { page } = app;
    await app.open();
    const value = page.getByTestId('token-value');
    await value.waitFor();
    const masked = await value.innerText();
    const token = await app.engine.freshToken(profile.id);
    expect(masked).not.toBe(token);
    expect(masked.startsWith(token.slice(0, 4))).toBe(true);
    await expect(page.content()).resolves.not.toContain(token);
    await screenshotBothThemes(page, '05-token-view');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);

    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByText(/Copied — clears in \d+ s/).waitFor();
    expect(app.clipboard.text).toBe(token);
    await page.getByRole('button', { name: 'Copy “Bearer …”' }).click();
    await expect.poll(() => app.clipboard.text).toBe(`Bearer ${token}`);
    await page.getByRole('button', { name: 'Copy Authorization header' }).click();
    await expect.poll(() => app.clipboard.text).toBe(`Authorization: Bearer ${token}`);

    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => value.innerText()).toBe(token);
    await page.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => value.innerText()).toBe(masked);
    // Nothing secret is kept in the page's storage.
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toContain(token);
  });

  it('refreshes on request and signs out back to the sign-in screen', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    const profile = await addSignedInProfile(app);
    const { page } = app;
    await app.open();
    const before = await app.engine.freshToken(profile.id);
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => page.locator('#announcer').innerText()).toBe('Token refreshed.');
    expect(await app.engine.freshToken(profile.id)).not.toBe(before);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in — Acme' }).waitFor();
    expect((await app.engine.getProfile(profile.id)).status.state).toBe('signed_out');
  });
  it('tells the person plainly to sign in again when ProcessMaker ends the session', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    const profile = await addSignedInProfile(app);
    const { page } = app;
    await app.open();
    await page.getByTestId('countdown').waitFor();
    app.pm.faults.revokeEverything();
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await page.getByText('Your sign-in has expired.', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'Sign in — Acme' }).waitFor();
    expect((await app.engine.getProfile(profile.id)).status).toMatchObject({
      state: 'signed_out',
      reason: 'session_expired',
    });
    // The username is remembered, so the password field is ready for typing.
    await expect(page.getByLabel('Username').inputValue()).resolves.toBe(app.pm.seed.user.username);
    await expect(page.getByLabel('Password').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshotBothThemes(page, '18-session-expired');
  });
});
