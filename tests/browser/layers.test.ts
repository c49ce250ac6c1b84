/** Layer switches, hover, and one broken data file that must not take the rest of the map down. */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, idle, mapPixelsAround, useBrowser, openApp, pickAt, screenPoint, waitForMap } from './harness';

const MISRATA = [15.0925, 32.3754] as const;
const MITIGA = [13.276, 32.8941] as const;
const WATIYA = [11.8978, 32.4735] as const;
const ZLITEN = [14.5687, 32.4674] as const;

/** The map canvas's colour at a place. */
const colourAt = async (page: Page, lng: number, lat: number) => (await mapPixelsAround(page, lng, lat, 0)).slice(0, 4);

/** How many pixels within `half` pixels of a place are strongly coloured (a symbol, not land, sea or halo). */
async function colouredPixelsAround(page: Page, lng: number, lat: number, half: number): Promise<number> {
  const data = await mapPixelsAround(page, lng, lat, half);
  let coloured = 0;
  for (let i = 0; i < data.length; i += 4) if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 80) coloured++;
  return coloured;
}

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe('layers', () => {
  it('switching a layer off removes it from the map, and back on restores it', async () => {
    const { page } = await openApp(browser, { hash: 'date=2019-12-21&lang=en' });
    const strikesAtMisrata = async () => (await pickAt(page, ...MISRATA, 10)).filter((id) => id.startsWith('strike-'));
    expect(await strikesAtMisrata()).not.toEqual([]);
    await page.getByRole('checkbox', { name: 'Air strikes' }).uncheck();
    await idle(page);
    expect(await strikesAtMisrata()).toEqual([]);
    await page.getByRole('checkbox', { name: 'Air strikes' }).check();
    await idle(page);
    expect(await strikesAtMisrata()).not.toEqual([]);
    await page.context().close();
  });

  it("draws a town's dot in dark grey, and none once places are switched off", async () => {
    const { page } = await openApp(browser, { hash: `date=2019-12-21&lang=en&layers=places&view=${ZLITEN.join(',')},8` });
    const dark = (rgba: number[]) => rgba[0] < 90 && rgba[1] < 90 && rgba[2] < 90;
    expect(dark(await colourAt(page, ...ZLITEN))).toBe(true);
    await page.getByRole('checkbox', { name: 'Place names' }).uncheck();
    await expect.poll(async () => dark(await colourAt(page, ...ZLITEN)), { timeout: 10_000 }).toBe(false);
    await page.context().close();
  });

  it('hovering a feature shows a tooltip with its title', async () => {
    const { page } = await openApp(browser, { hash: 'date=2019-12-21&lang=en' });
    const { x, y } = await screenPoint(page, ...WATIYA);
    await page.mouse.move(x, y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toMatch(/Watiya/);
    await page.mouse.move(x, y - 150);
    await tooltip.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('draws the hovered symbol larger, and back to its size when the pointer leaves', async () => {
    const { page } = await openApp(browser, { hash: `date=2019-12-21&lang=en&layers=air-bases&view=${WATIYA.join(',')},9` });
    const before = await colouredPixelsAround(page, ...WATIYA, 20);
    const { x, y } = await screenPoint(page, ...WATIYA);
    await page.mouse.move(x, y);
    await page.getByRole('tooltip').waitFor();
    // 1.3 times the size: about 1.7 times the area. Polled: the frame that draws it may follow the tooltip.
    expect(before).toBeGreaterThan(50);
    await expect.poll(async () => (await colouredPixelsAround(page, ...WATIYA, 20)) / before, { timeout: 10_000 }).toBeGreaterThan(1.4);
    await page.mouse.move(x, y - 150);
    await page.getByRole('tooltip').waitFor({ state: 'detached' });
    await expect.poll(() => colouredPixelsAround(page, ...WATIYA, 20), { timeout: 10_000 }).toBe(before);
    await page.context().close();
  });

  it('a malformed layer shows an error naming file, feature and field; the rest still draws', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/data/strikes.geojson', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.features[0].properties.count = 'sixteen';
      await route.fulfill({ response, json: body });
    });
    await page.route('**/data/events.geojson', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"type": "FeatureCollection", "features": [' }));
    await page.goto(appUrl('date=2019-12-21&lang=en'));
    await waitForMap(page);
    const errors = page.getByTestId('layer-errors');
    await errors.waitFor();
    const text = await errors.textContent();
    expect(text).toMatch(/strikes\.geojson, feature "strike-[a-z0-9-]+", field "count"/);
    expect(text).toMatch(/events\.geojson: is not valid JSON/);
    // Bases still draw, strikes and events do not.
    expect((await pickAt(page, ...MITIGA, 6)).some((id) => id.includes('mitiga'))).toBe(true);
    expect((await pickAt(page, ...MISRATA, 10)).filter((id) => id.startsWith('strike-') || id.startsWith('event-'))).toEqual([]);

    // Retry after the file is fixed brings the layer back.
    await page.unroute('**/data/events.geojson');
    await page.getByRole('button', { name: 'Retry' }).last().click();
    await expect.poll(async () => (await pickAt(page, ...MISRATA, 10)).filter((id) => id.startsWith('event-')).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
