/**
 * Plays the person's web browser during browser sign-in: a separate
 * Chromium context that opens the authorize URL, logs in to pm-server and
 * presses Authorize. The app link (`pmtokentray://…`) cannot open from a
 * test browser, so it is handed to the engine the way the shell's deep-link
 * handler does, or dropped to simulate a link that never comes back.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import type { TokenEngine } from '../../main/core/model';

/** What to do when ProcessMaker redirects to the app's own scheme. */
export type AppLinkBehaviour = 'deliver' | 'lost';

/** A signed-out browser that signs in as `credentials` whenever the engine opens a URL. */
export async function systemBrowser(
  browser: Browser,
  engine: TokenEngine,
  credentials: { username: string; password: string },
): Promise<{ context: BrowserContext; appLink: { behaviour: AppLinkBehaviour }; open(url: string): Promise<void> }> {
  const context = await browser.newContext();
  const appLink = { behaviour: 'deliver' as AppLinkBehaviour };
  await context.route(
    (url) => url.pathname === '/oauth/authorize',
    async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = response.headers()['location'] ?? '';
      if (!location.startsWith('pmtokentray:')) return route.fulfill({ response });
      if (appLink.behaviour === 'deliver') await engine.handleCallbackUrl(location);
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Done</title><p>You can go back to Token Tray.</p>',
      });
    },
  );
  async function open(url: string): Promise<void> {
    const page = await context.newPage();
    await page.goto(url);
    if (await page.locator('form[name=login]').count()) {
      await page.fill('#username', credentials.username);
      await page.fill('#password', credentials.password);
      await Promise.all([page.waitForLoadState(), page.click('button[name=login]')]);
    }
    const approve = page.locator('form[name=approve] button');
    if (await approve.count()) await Promise.all([page.waitForLoadState(), approve.click()]);
  }
  return { context, appLink, open };
}
