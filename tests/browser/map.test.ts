/**
 * The built app in real Chromium: the map draws the story, the timeline changes what is drawn,
 * clicking opens details, both languages work, nothing leaves the page's origin.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { idle, useBrowser, openApp, pickAt, screenPoint, screenshot, setDateByKeys, type AppPage } from './harness';

const PLACES = {
  tripoli: [13.1873, 32.8874],
  mitiga: [13.276, 32.8941],
  misrata: [15.0925, 32.3754],
  tarhuna: [13.6332, 32.435],
  gharyan: [13.0203, 32.1722],
} as const;

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe('the map on 21 December 2019, in English', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(browser, { hash: 'date=2019-12-21&lang=en' });
  });

  it('draws the basemap: land under Tripoli, sea north of it', async () => {
    const layersAt = (lng: number, lat: number) =>
      app.page.evaluate(([x, y]) => {
        const map = (window as any).__tripoliMap.map;
        return map.queryRenderedFeatures(map.project([x, y])).map((f: any) => f.layer.id);
      }, [lng, lat] as const);
    expect(await layersAt(...PLACES.tripoli)).toContain('land');
    expect(await layersAt(13.6, 33.3)).not.toContain('land');
  });

  it('labels the story places', async () => {
    const labels = await app.page.evaluate(() => {
      const map = (window as any).__tripoliMap.map;
      return map.queryRenderedFeatures({ layers: ['story-places-labels'] }).map((f: any) => f.properties.name_en);
    });
    expect(labels.join('|')).toMatch(/Tripoli/);
    expect(labels.join('|')).toMatch(/Misrata/);
  });

  it('deck picking finds the right features at each place', async () => {
    const misrata = await pickAt(app.page, ...PLACES.misrata, 10);
    expect(misrata.some((id) => id.includes('strike') && id.includes('misrata'))).toBe(true);
    const mitiga = await pickAt(app.page, ...PLACES.mitiga, 6);
    expect(mitiga.some((id) => id.includes('mitiga'))).toBe(true);
    const tarhuna = await pickAt(app.page, ...PLACES.tarhuna, 10);
    expect(tarhuna.some((id) => id.includes('tarhuna'))).toBe(true);
    const gharyan = await pickAt(app.page, ...PLACES.gharyan, 10);
    expect(gharyan.some((id) => id.includes('gharyan'))).toBe(true);
    const tripoli = await pickAt(app.page, ...PLACES.tripoli, 6);
    expect(tripoli.some((id) => id.includes('tripoli'))).toBe(true);
  });

  it('moving the slider changes which events are drawn', async () => {
    const misrataStrikes = async () => (await pickAt(app.page, ...PLACES.misrata, 10)).filter((id) => id.includes('strike') && id.includes('2019-12'));
    expect(await misrataStrikes()).not.toEqual([]);
    await setDateByKeys(app.page, ['PageDown', 'PageDown']); // back to October
    await expect.poll(() => app.page.getByRole('slider').getAttribute('aria-valuetext')).toBe('21 October 2019');
    expect(await misrataStrikes()).toEqual([]);
    await setDateByKeys(app.page, ['End']);
    expect(await misrataStrikes()).not.toEqual([]);
  });

  it('moves the front line smoothly between snapshots', async () => {
    const lineAt = async (date: string) => {
      await app.page.evaluate((d) => (location.hash = `date=${d}&lang=en`), date);
      await app.page.waitForFunction((d) => (window as any).__tripoliMap && document.querySelector('[role=slider]')?.getAttribute('aria-valuenow') !== null && location.hash.includes(d), date);
      await idle(app.page);
      return app.page.evaluate(() => {
        const map = (window as any).__tripoliMap;
        // Scan a column south of Tripoli for the drawn front line.
        for (let lat = 32.9; lat > 32.4; lat -= 0.004) {
          const ids: string[] = map.pickIdsAt(13.19, lat, 3);
          if (ids.some((id: string) => id.startsWith('front'))) return lat;
        }
        return null;
      });
    };
    const april = await lineAt('2019-04-25');
    const mid = await lineAt('2019-09-10');
    const december = await lineAt('2019-12-20');
    expect(april).not.toBeNull();
    expect(december).not.toBeNull();
    expect(mid).not.toBeNull();
    expect(december!).toBeGreaterThan(april!);
  });

  it('clicking a strike opens its details', async () => {
    await app.page.evaluate(() => (location.hash = 'date=2019-12-21&lang=en'));
    await app.page.waitForFunction(() => document.querySelector('[role=slider]')?.getAttribute('aria-valuetext') === '21 December 2019');
    await idle(app.page);
    const { x, y } = await screenPoint(app.page, ...PLACES.misrata);
    await app.page.mouse.click(x, y);
    const details = app.page.getByTestId('details');
    await details.waitFor();
    expect(await details.textContent()).toMatch(/Misrata/);
    expect(await details.textContent()).toMatch(/¶/);
    await screenshot(app.page, 'desktop-en-details');
  });

  it('logs no errors and requests nothing from another origin', async () => {
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('Arabic, and a phone', () => {
  it('mirrors the layout and labels the map in Arabic', async () => {
    const app = await openApp(browser, { hash: 'date=2019-12-21&lang=ar' });
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await app.page.getByRole('slider').getAttribute('aria-valuetext')).toMatch(/ديسمبر/);
    const labels = await app.page.evaluate(() => {
      const map = (window as any).__tripoliMap.map;
      return map.getLayoutProperty('story-places-labels', 'text-field');
    });
    expect(JSON.stringify(labels)).toContain('name_ar');
    // The legend sits at the inline start: on the right in Arabic.
    const legend = await app.page.locator('#legend-panel').boundingBox();
    expect(legend!.x).toBeGreaterThan(640);
    expect((await pickAt(app.page, ...PLACES.misrata, 10)).length).toBeGreaterThan(0);
    await screenshot(app.page, 'desktop-ar');
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.page.context().close();
  });

  it('switches language from the UI and follows the browser language', async () => {
    const app = await openApp(browser, { locale: 'ar-EG' });
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await app.page.getByRole('button', { name: 'Show the map in English' }).click();
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await expect.poll(() => app.page.evaluate(() => location.hash)).toContain('lang=en');
    await app.page.context().close();
  });

  for (const lang of ['en', 'ar'] as const) {
    it(`works at 375x740 in ${lang}`, async () => {
      const app = await openApp(browser, { hash: `date=2019-12-21&lang=${lang}`, width: 375, height: 740 });
      const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect((await pickAt(app.page, ...PLACES.misrata, 10)).length).toBeGreaterThan(0);
      await screenshot(app.page, `phone-${lang}`);
      expect(app.errors).toEqual([]);
      await app.page.context().close();
    });
  }

  it('takes the desktop screenshot in English at the story start', async () => {
    const app = await openApp(browser, { hash: 'date=2019-04-25&lang=en' });
    await screenshot(app.page, 'desktop-en-april');
    await app.page.context().close();
  });
});
