import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectScreensFit, openAtWidth, overflowing, screenshotBothThemes, screenshotDir } from './checks';
import { addSignedInProfile } from './profiles-fixture';
import { useUiSuite } from './suite';

const ui = useUiSuite();

describe('narrow and zoomed windows', { timeout: 120_000 }, () => {
  it('nothing scrolls sideways at 360 CSS px (a small window zoomed), on any screen', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    const { page } = app;
    await openAtWidth(app, 360);
    await screenshotBothThemes(page, '20-narrow-token');
    await expectScreensFit(page, [
      ['Console', /^Request console/],
      ['Profiles', /^Profiles$/],
      ['Settings', /^Settings$/],
    ]);
    await page
      .getByRole('button', { name: 'Add profile' })
      .click()
      .catch(async () => {
        await page.getByRole('button', { name: 'Profiles', exact: true }).click();
        await page.getByRole('button', { name: 'Add profile' }).click();
      });
    await page.getByRole('heading', { name: 'Add a profile' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
  });

  it('at the 640×480 minimum, Copy is visible without scrolling', async () => {
    const app = await ui.start();
    await addSignedInProfile(app);
    const { page } = app;
    await page.setViewportSize({ width: 640, height: 480 });
    await app.open();
    const copy = page.getByRole('button', { name: 'Copy', exact: true });
    await copy.waitFor();
    const box = await copy.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(480);
    expect(await overflowing(page)).toEqual([]);
    await screenshotBothThemes(page, '21-minimum-size-token');
  });

  it.each([
    ['fr', 'Console'],
    ['de', 'Konsole'],
    ['es', 'Consola'],
    ['en', 'Console'],
  ] as const)(
    'at 360 px in %s: no text touches its card’s edge, a long profile name keeps the header on one line, the console names production once',
    async (locale, consoleNav) => {
      const app = await ui.start({ systemLanguages: [locale] });
      await addSignedInProfile(app, 'Acme Corporation production server', { production: true });
      const { page } = app;
      await openAtWidth(app, 360);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(screenshotDir, `state-narrow-token-${locale}.png`), fullPage: true });
      const found = {
        token: await touchingCardEdge(page),
        console: [] as string[],
        production: 0,
        header: { rows: 0, nameLines: 0 },
      };
      await page.getByRole('button', { name: consoleNav, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(screenshotDir, `state-narrow-console-${locale}.png`), fullPage: true });
      found.console = await touchingCardEdge(page);
      const production = { fr: 'production', de: 'Produktion', es: 'producción', en: 'production' }[locale];
      const words = (await page.locator('body').innerText()).toLowerCase();
      // The profile's own name aside (it has the English word in it).
      found.production =
        words.replaceAll('acme corporation production server', '').split(production.toLowerCase()).length - 1;
      // In a full-size window a long profile name does not push the header onto a second row.
      await page.setViewportSize({ width: 1080, height: 760 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(screenshotDir, `state-header-long-name-${locale}.png`) });
      found.header = await headerLines(page);
      expect(found).toEqual({ token: [], console: [], production: 1, header: { rows: 1, nameLines: 1 } });
    },
  );
});

/** Elements whose box reaches into a card's padding (text touching the card's edge); none may. */
async function touchingCardEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    // Cards, and the boxes inside them that have an edge of their own (the token's status).
    for (const card of Array.from(document.querySelectorAll<HTMLElement>('main .card, main .countdown-box'))) {
      const c = card.getBoundingClientRect();
      const style = getComputedStyle(card);
      const left = c.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) * 0.5;
      const right = c.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight) * 0.5;
      // A line of text is measured by its glyphs, not its block (a heading's block spans the box).
      const range = document.createRange();
      for (const el of Array.from(card.querySelectorAll<HTMLElement>('*'))) {
        range.selectNodeContents(el);
        const box =
          el.children.length === 0 && el.textContent ? range.getBoundingClientRect() : el.getBoundingClientRect();
        if (
          box.width === 0 ||
          box.height === 0 ||
          el.closest('pre, code, .response-body, .token-value, details:not([open]) > :not(summary)')
        )
          continue;
        if (box.right > right + 0.5 || box.left < left - 0.5)
          out.push(
            `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 30)}" ${Math.round(box.left)}–${Math.round(box.right)} in ${Math.round(c.left)}–${Math.round(c.right)}`,
          );
      }
    }
    return out.slice(0, 10);
  });
}

/** How many rows the window's header takes, and how many lines the profile's name in it. */
async function headerLines(page: Page): Promise<{ rows: number; nameLines: number }> {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>('header, .app-header');
    if (!header) return { rows: -1, nameLines: -1 };
    const kids = Array.from(header.children).filter((el) => (el as HTMLElement).offsetHeight > 0) as HTMLElement[];
    // A second row: some item starts below where another ends.
    const boxes = kids.map((el) => el.getBoundingClientRect());
    const firstBottom = Math.min(...boxes.map((b) => b.bottom));
    const rows = boxes.some((b) => b.top >= firstBottom) ? 2 : 1;
    // The brand keeps its one line too.
    const brand = header.querySelector<HTMLElement>('.brand-name');
    if (brand && brand.getBoundingClientRect().height > parseFloat(getComputedStyle(brand).lineHeight || '30') * 1.5)
      return { rows: rows + 1, nameLines: -1 };
    const name = header.querySelector<HTMLElement>('#profile-switch select, #profile-switch .profile-name');
    if (!name) return { rows, nameLines: -1 };
    const lh = parseFloat(getComputedStyle(name).lineHeight) || 20;
    // A select shows one line whatever its text; a name in plain text may wrap.
    const lines = name.tagName === 'SELECT' ? 1 : Math.round(name.getBoundingClientRect().height / lh);
    return { rows, nameLines: lines };
  });
}
