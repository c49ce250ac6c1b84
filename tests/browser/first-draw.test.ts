/**
 * The story is drawn as soon as its data and the map's style are there, not after the basemap has
 * loaded: deck.gl's overlay would otherwise wait for every basemap file and the map's first idle,
 * and only then start compiling its shaders (src/features/map/handOver.ts). The places likewise: they
 * used to wait for the map's `load` and then be tiled and labelled on their own. Holding the
 * basemap's files back makes the order certain rather than a race.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { appUrl, useBrowser, pickAt, waitForMap } from './harness';

const MITIGA = [13.276, 32.8941] as const;
const DECK_GROUP = 'deck-maplibre-layer-group-before:basemap-labels';

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe('first draw', () => {
  it('draws and picks the story and the places while the basemap is still loading, beneath the labels', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const held: Route[] = [];
    // MapLibre's worker fetches the basemap; routing the context catches the worker's requests too.
    await context.route('**/basemap/*.geojson', (route) => void held.push(route));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl('date=2019-12-21&lang=en'));

    await page.waitForFunction((group) => (window as any).__tripoliMap?.map.getLayer(group) !== undefined, DECK_GROUP, { timeout: 60_000 });
    // Picks nothing (rather than throwing) until deck.gl has its device; then the symbol is there.
    await page.waitForFunction(([lng, lat]) => (window as any).__tripoliMap.pickIdsAt(lng, lat, 6).includes('base-mitiga'), MITIGA, {
      timeout: 60_000,
    });
    // The places' names too: they are handed to MapLibre as soon as its style is parsed.
    await page.waitForFunction(() => (window as any).__tripoliMap.map.queryRenderedFeatures({ layers: ['story-places-labels'] }).length > 0, null, {
      timeout: 60_000,
    });
    const whileHeld = await page.evaluate(() => {
      const map = (window as any).__tripoliMap.map;
      return { styleLoaded: map.isStyleLoaded(), land: map.querySourceFeatures('land').length };
    });
    expect(held.length).toBeGreaterThan(0);
    expect(whileHeld).toEqual({ styleLoaded: false, land: 0 });

    for (const route of held.splice(0)) await route.continue();
    await context.unroute('**/basemap/*.geojson');
    await waitForMap(page);
    const order: string[] = await page.evaluate(() => (window as any).__tripoliMap.map.getLayersOrder());
    expect(order.indexOf(DECK_GROUP)).toBe(order.indexOf('basemap-labels') - 1);
    expect(order.filter((id) => id.startsWith('deck-'))).toEqual([DECK_GROUP]);
    expect(await pickAt(page, ...MITIGA)).toContain('base-mitiga');
    expect(await page.evaluate(() => (window as any).__tripoliMap.map.querySourceFeatures('land').length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("starts MapLibre's worker while the story's config is still on its way", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const held: Route[] = [];
    await context.route('**/data/config.json', (route) => void held.push(route));
    const page = await context.newPage();
    await page.addInitScript(() => {
      const created: string[] = ((window as any).__workersCreated = []);
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          created.push(String(url));
        }
      };
    });
    await page.goto(appUrl('date=2019-12-21&lang=en'));
    // The worker boots (fetches and compiles its code) while the page waits for its data, not after.
    await page.waitForFunction(() => (window as any).__workersCreated.some((url: string) => /maplibre-gl-worker/.test(url)), null, {
      timeout: 30_000,
    });
    expect(held.length).toBe(1);
    expect(await page.evaluate(() => (window as any).__tripoliMap === undefined)).toBe(true);

    for (const route of held.splice(0)) await route.continue();
    await context.unroute('**/data/config.json');
    await waitForMap(page);
    expect(await pickAt(page, ...MITIGA)).toContain('base-mitiga');
    await context.close();
  });
});
