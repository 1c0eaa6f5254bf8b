import { describe, expect, it } from 'vitest';
import { statusLine } from '../../main/desktop';
import { screenshotBothThemes, seriousA11yViolationsBothThemes } from './checks';
import { addSignedInProfile } from './profiles-fixture';
import { useUiSuite } from './suite';

const ui = useUiSuite();

describe('token view', { timeout: 90_000 }, () => {
  it('shows who is signed in and that a refreshable token is simply ready, with no ticking countdown', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    await addSignedInProfile(app);
    const { page, pm } = app;
    await app.open();
    await expect(page.getByTestId('user-name').innerText()).resolves.toBe(
      `${pm.seed.user.firstname} ${pm.seed.user.lastname}`,
    );
    const life = page.getByTestId('token-life');
    await expect(life.innerText()).resolves.toBe('Ready, renews automatically');
    await page.getByText(/^The current token is valid until \d\d:\d\d/).waitFor();
    // Nothing ticks: the words are the same two seconds later.
    const before = await page.locator('.countdown-box').innerText();
    await page.waitForTimeout(2_100);
    await expect(page.locator('.countdown-box').innerText()).resolves.toBe(before);
    // Token details are closed until asked for; then plain labels, times as local dates.
    expect(await page.getByText('Valid until', { exact: true }).isVisible()).toBe(false);
    await page.getByText('Token details').click();
    await page.getByText('Signed in as (user number)').waitFor();
    await expect(page.locator('.claims-list').innerText()).resolves.toContain(String(pm.seed.user.id));
    await page.getByText('Valid until', { exact: true }).waitFor();
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

    // One primary Copy; the other forms wait under "Other formats".
    expect(await page.getByRole('button', { name: 'Copy as Authorization header' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByText(/Copied — clears in \d+ s/).waitFor();
    expect(app.clipboard.text).toBe(token);
    await page.getByText('Other formats').click();
    await page.getByRole('button', { name: 'Copy as “Bearer …”' }).click();
    await expect.poll(() => app.clipboard.text).toBe(`Bearer ${token}`);
    await page.getByRole('button', { name: 'Copy as Authorization header' }).click();
    await expect.poll(() => app.clipboard.text).toBe(`Authorization: Bearer ${token}`);
    await page.getByRole('button', { name: 'Copy as export PM_TOKEN=…' }).click();
    await expect.poll(() => app.clipboard.text).toBe(`export PM_TOKEN=${token}`);

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
  it('a renewal that fails shows one honest state: what is wrong, and until when the token works', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    const profile = await addSignedInProfile(app);
    const { page } = app;
    await app.open();
    await expect(page.getByTestId('token-badge').innerText()).resolves.toBe('Signed in');
    const { expiresAt } = await app.engine.tokenDetails(profile.id);
    // ProcessMaker goes away; the next renewal (here the background one, run by the engine) fails.
    await app.pm.close();
    await expect(app.engine.renewIfDue(profile.id)).resolves.toMatchObject({ status: { renewalError: null } });
    await app.engine.refreshNow(profile.id).catch(() => undefined);
    await expect.poll(() => page.getByTestId('token-life').innerText()).toBe('Can’t reach ProcessMaker');
    const until = new Date(expiresAt ?? 0).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    await expect(page.getByTestId('token-life-line').innerText()).resolves.toBe(
      `Your current token works until ${until}. Token Tray keeps trying by itself.`,
    );
    // No green "Signed in" above it: the badge says the same thing.
    await expect(page.getByTestId('token-badge').innerText()).resolves.toBe('Offline');
    await expect(page.getByTestId('token-badge').getAttribute('class')).resolves.toBe('badge warn');
    // Out of reach mends by itself: no list of things to do.
    expect(await page.getByTestId('renewal-help').count()).toBe(0);
    // The token still works until then, so Copy still works.
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => app.clipboard.text.length).toBeGreaterThan(20);
    // Refresh now while ProcessMaker is still away: the same one state, no second red box under it.
    await page.getByRole('button', { name: 'Refresh now' }).click();
    // The attempt is over once the button is back.
    await expect.poll(() => page.getByRole('button', { name: 'Refresh now' }).isEnabled()).toBe(true);
    expect(await page.locator('.message.error').count()).toBe(0);
    expect(await page.getByText('could not reach', { exact: false }).count()).toBe(0);
    await expect.poll(() => page.locator('#announcer').innerText()).toBe('Can’t reach ProcessMaker');
    await expect(page.getByTestId('token-life').innerText()).resolves.toBe('Can’t reach ProcessMaker');
    await screenshotBothThemes(page, '05b-token-renewal-failing');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);
  });

  it('a renewal ProcessMaker refuses says why and what to do, inside the one state', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    const profile = await addSignedInProfile(app);
    const { page } = app;
    await app.open();
    await page.getByTestId('token-life').waitFor();
    app.pm.faults.failNext(1, 500);
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => page.getByTestId('token-life').innerText()).toBe('ProcessMaker did not renew the token');
    await expect(page.getByTestId('token-badge').innerText()).resolves.toBe('Not renewing');
    await expect(page.getByTestId('renewal-help').locator('p').allInnerTexts()).resolves.toEqual([
      'The ProcessMaker server had a problem answering.',
      'Try again in a moment. If it keeps happening, tell your ProcessMaker administrator.',
    ]);
    expect(await page.locator('.message.error').count()).toBe(0);
    await screenshotBothThemes(page, '05c-token-renewal-refused');
    expect(await seriousA11yViolationsBothThemes(page)).toEqual([]);

    // An Auth Client ProcessMaker no longer accepts: fixed in its connection details, one click away.
    app.pm.seed.passwordClient.secret = 'rotated-by-the-administrator';
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect
      .poll(() => page.getByTestId('renewal-help').innerText())
      .toContain('ProcessMaker did not accept this app’s client ID or client secret.');
    await page.getByTestId('renewal-help').getByRole('button', { name: 'Edit connection details' }).click();
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
    expect((await app.engine.getProfile(profile.id)).status.state).toBe('signed_in');
  });

  it('tells the person plainly to sign in again when ProcessMaker ends the session', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    const profile = await addSignedInProfile(app);
    const { page } = app;
    await app.open();
    await page.getByTestId('token-life').waitFor();
    app.pm.faults.revokeEverything();
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await page.getByRole('heading', { name: 'Sign in — Acme' }).waitFor();
    // The state in the same words as the tray's ("Acme: Sign-in expired"), then what to do.
    await expect(page.getByTestId('sign-in-badge').innerText()).resolves.toBe('Sign-in expired');
    await expect(page.getByTestId('sign-in-badge').innerText()).resolves.toBe(
      statusLine(await app.engine.getProfile(profile.id), Date.now()),
    );
    await page.getByText('Sign in again to keep getting tokens.', { exact: true }).waitFor();
    expect((await app.engine.getProfile(profile.id)).status).toMatchObject({
      state: 'signed_out',
      reason: 'session_expired',
    });
    // The username is remembered, so the password field is ready for typing.
    await expect(page.getByLabel('Username').inputValue()).resolves.toBe(app.pm.seed.user.username);
    await expect(page.getByLabel('Password').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshotBothThemes(page, '18-session-expired');
  });

  it('opens with focus on Copy, so Enter copies the token', async () => {
    const app = await ui.start({ pm: { config: { accessTokenTtl: 3600 } } });
    const profile = await addSignedInProfile(app);
    const { page } = app;
    await app.open();
    await page.getByTestId('token-value').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Copy');
    await page.keyboard.press('Enter');
    await expect.poll(() => app.clipboard.text).toBe(await app.engine.freshToken(profile.id));
  });
});
