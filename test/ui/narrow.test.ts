import { describe, expect, it } from 'vitest';
import { expectScreensFit, openAtWidth, overflowing, screenshotBothThemes } from './checks';
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
});
