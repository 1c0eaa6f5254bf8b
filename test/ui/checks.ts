/** Shared checks for UI tests: screenshots in both themes and an axe-core scan. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where screenshots go (kept as test artifacts; test-results/ is git-ignored). */
export const screenshotDir = resolve('test-results', 'screenshots');

/** Saves `<name>-light.png` and `<name>-dark.png` of the whole page, then restores light. */
export async function screenshotBothThemes(page: Page, name: string): Promise<string[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const files: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const file = join(screenshotDir, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return files;
}

/** One line per serious or critical axe violation ("rule: target"); empty when clean. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

/** Runs axe in light and dark (contrast differs per theme). */
export async function seriousA11yViolationsBothThemes(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    out.push(...(await seriousA11yViolations(page)).map((v) => `[${colorScheme}] ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

/** Elements whose box reaches past the right edge of the viewport (none may: no sideways scrolling). */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrolls to ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Content inside a scrolling box (the token, a raw body) may be wider than the box itself.
      if (el.closest('pre, code, .response-body, .token-value, datalist')) continue;
      if (box.right > width + 0.5)
        out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(box.right)}px`);
    }
    return out.slice(0, 10);
  });
}

/** Opens the token view in a window `width` CSS px wide (a small window, or one zoomed in); nothing may scroll sideways. */
export async function openAtWidth(app: { page: Page; open(): Promise<void> }, width: number): Promise<void> {
  await app.page.setViewportSize({ width, height: 640 });
  await app.open();
  await app.page.getByTestId('token-life').waitFor();
  expect(await overflowing(app.page)).toEqual([]);
}

/** Opens each screen by its navigation button and waits for its heading; nothing may scroll sideways on any. */
export async function expectScreensFit(
  page: Page,
  screens: ReadonlyArray<readonly [button: string, heading: string | RegExp]>,
): Promise<void> {
  for (const [button, heading] of screens) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    expect({ screen: button, overflowing: await overflowing(page) }).toEqual({ screen: button, overflowing: [] });
  }
}
