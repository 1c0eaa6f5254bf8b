import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  launchChromium,
  startRendererSite,
  startUiApp,
  type RendererSite,
  type UiApp,
  type UiAppOptions,
} from './harness';

/** What a UI test file gets from {@link useUiSuite}. */
export interface UiSuite {
  /** The shared Chromium (set once `beforeAll` has run). */
  readonly browser: Browser;
  /** The shared renderer site (set once `beforeAll` has run). */
  readonly site: RendererSite;
  /** Starts an app for the current test; `afterEach` closes it and checks it saw no CSP violation. */
  start(options?: UiAppOptions): Promise<UiApp>;
}

/**
 * Registers the hooks every UI test file shares: one Chromium and one renderer site for the file,
 * and after each test the app it started is closed and must have seen no CSP violation.
 */
export function useUiSuite(): UiSuite {
  let browser: Browser | undefined;
  let site: RendererSite | undefined;
  let app: UiApp | undefined;

  beforeAll(async () => {
    site = await startRendererSite();
    browser = await launchChromium();
  });
  afterEach(async () => {
    // Everything must work under the strict CSP: no violation in any test.
    const violations = app?.cspViolations ?? [];
    await app?.close();
    app = undefined;
    expect(violations).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The UI suite's ${what} is not started yet (use it inside a test).`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get site() {
      return ready(site, 'site');
    },
    async start(options) {
      app = await startUiApp(ready(browser, 'browser'), ready(site, 'site'), options);
      return app;
    },
  };
}
