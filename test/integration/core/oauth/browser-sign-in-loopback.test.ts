import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../support/chromium';
import { addCodeProfile, createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

/** What the real browser saw at the end. */
interface Visit {
  finalUrl: string;
  text: string;
}

describe('authorization-code sign-in through the loopback listener, in real Chromium', () => {
  let browser: Browser;
  let h: Harness;
  let visits: Array<Promise<Visit>>;
  let decision: 'Authorize' | 'Cancel';

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    visits = [];
    decision = 'Authorize';
    h = await createHarness({
      // Like a real browser: opening returns at once; the person signs in afterwards.
      openBrowser: async (url) => {
        visits.push(
          (async () => {
            const context = await browser.newContext();
            const page = await context.newPage();
            try {
              await page.goto(url);
              await page.fill('#username', h.server.seed.user.username);
              await page.fill('#password', h.server.seed.user.password);
              await page.click('button[name="login"]');
              await page.getByRole('button', { name: decision }).click();
              await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback/);
              await page.waitForLoadState('load');
              return { finalUrl: page.url(), text: await page.locator('body').innerText() };
            } finally {
              await context.close();
            }
          })(),
        );
      },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('logs in, presses Authorize, lands on the friendly loopback page, and the profile is signed in', async () => {
    const profile = await addCodeProfile(h, 'loopback');
    const pending = await h.engine.startBrowserSignIn(profile.id);
    const redirect = new URL(new URL(pending.authorizeUrl).searchParams.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(redirect.pathname).toBe('/oauth/callback');
    expect(Number(redirect.port)).toBeGreaterThan(0);
    const view = await h.engine.waitForSignIn(pending.flowId);
    expect(view.status.state).toBe('signed_in');
    const visit = await visits[0]!;
    expect(visit.text).toContain('You can close this tab and return to Token Tray.');
    expect(visit.text).toContain(profile.name);
    expect((await h.engine.whoami(profile.id)).username).toBe(h.server.seed.user.username);
  });

  it('pressing Cancel shows a plain page in the browser and the flow ends as cancelled', async () => {
    decision = 'Cancel';
    const profile = await addCodeProfile(h, 'loopback');
    const pending = await h.engine.startBrowserSignIn(profile.id);
    await rejectsWithCode(h.engine.waitForSignIn(pending.flowId), 'sign_in_cancelled');
    const visit = await visits[0]!;
    expect(visit.text).toContain('Sign-in was cancelled.');
    expect(visit.text).not.toMatch(/error=|access_denied|\{/);
  });

  it('the loopback listener refuses a forged state and keeps waiting, and closes when the flow ends', async () => {
    const profile = await addCodeProfile(h, 'loopback');
    const pending = await h.engine.startBrowserSignIn(profile.id, { openBrowser: false });
    const redirectUri = new URL(pending.authorizeUrl).searchParams.get('redirect_uri')!;
    const forged = await fetch(`${redirectUri}?code=abc&state=forged`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('That sign-in link does not belong to a sign-in started here.');
    // Any other address on the listener (a favicon, a typo) gets a page in words, not a bare "Not found".
    const elsewhere = await fetch(new URL('/favicon.ico', redirectUri));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get('content-type')).toContain('text/html');
    expect(await elsewhere.text()).toContain('This address is not a Token Tray sign-in page.');
    const waiting = h.engine.waitForSignIn(pending.flowId);
    h.engine.cancelSignIn(pending.flowId);
    await rejectsWithCode(waiting, 'sign_in_cancelled');
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${redirectUri}?code=abc&state=x`)).rejects.toThrow();
  });

  it('disposing the engine cancels a waiting sign-in and closes its listener', async () => {
    const profile = await addCodeProfile(h, 'loopback');
    const engine = h.sibling();
    const pending = await engine.startBrowserSignIn(profile.id, { openBrowser: false });
    const redirectUri = new URL(pending.authorizeUrl).searchParams.get('redirect_uri')!;
    const waiting = engine.waitForSignIn(pending.flowId);
    await engine.dispose();
    await rejectsWithCode(waiting, 'sign_in_cancelled');
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${redirectUri}?code=abc&state=x`)).rejects.toThrow();
  });
});
