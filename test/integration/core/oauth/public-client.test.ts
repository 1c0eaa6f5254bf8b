/**
 * A public Auth Client (no secret; PKCE alone, RFC 8252 §8.5): a setup that carries no secret is enough.
 * The client check at save accepts it, the browser sign-in works without a secret in real Chromium,
 * and the refresh token renews it without one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../support/chromium';
import { defaultSeed } from '../../../server/config';
import { createHarness, type Harness } from '../support/engine-harness';

describe('a public Auth Client: PKCE without a secret', { timeout: 60_000 }, () => {
  let browser: Browser;
  let h: Harness | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('is accepted at save, signs in through the browser and renews, with no secret anywhere', async () => {
    const seed = defaultSeed();
    seed.clients = seed.clients.map((c) => (c.types.includes('authorization_code_grant') ? { ...c, secret: null } : c));
    /** The person's visit to ProcessMaker in the browser, awaited before the browser closes. */
    let visit: Promise<void> = Promise.resolve();
    h = await createHarness({
      server: { config: { clients: seed.clients } },
      // Like a real browser: opening returns at once; the person signs in afterwards.
      openBrowser: async (url) => {
        visit = signIn(url);
      },
    });
    const signIn = async (url: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(url);
        await page.fill('#username', h!.server.seed.user.username);
        await page.fill('#password', h!.server.seed.user.password);
        await page.click('button[name="login"]');
        await page.getByRole('button', { name: 'Authorize' }).click();
        await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback/);
      } finally {
        await context.close();
      }
    };
    const client = h.server.seed.codeClient;
    expect(client.secret).toBeNull();
    // The setup IT hands out: no secret in it.
    const preview = await h.engine.previewSetup(
      JSON.stringify({
        v: 1,
        name: 'Acme',
        url: h.server.url,
        kind: 'authorization_code',
        client_id: String(client.id),
        redirect: 'loopback',
      }),
      { isServerAllowed: () => true },
    );
    expect(preview.hasClientSecret).toBe(false);
    const profile = await h.engine.applySetup(preview.setupId, { insecureConfirmed: true });
    expect(profile.hasClientSecret).toBe(false);
    const pending = await h.engine.startBrowserSignIn(profile.id);
    // PKCE carries the sign-in: S256 challenge, and no secret on the way.
    const authorize = new URL(pending.authorizeUrl);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect((await h.engine.waitForSignIn(pending.flowId)).status.state).toBe('signed_in');
    // The browser's last page has loaded before the test goes on (and before the browser closes).
    await visit;
    const before = await h.engine.freshToken(profile.id);
    const renewed = await h.engine.refreshNow(profile.id);
    expect(renewed.status.state).toBe('signed_in');
    expect(await h.engine.freshToken(profile.id)).not.toBe(before);
  });
});
