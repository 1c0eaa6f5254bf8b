/**
 * Headless Chromium for every test that drives a browser: Debian's build (or
 * `CHROMIUM_PATH`), with the flags a machine without outside network needs.
 */
import { chromium, type Browser } from 'playwright-core';

/** No sandbox (CI runs as root), no GPU, and none of Chromium's own background traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}
