/**
 * Data faults in the built app (docs/reliability.md): a missing file, an unknown kind and a slow
 * layer each cost only their layer; geometry faults are repaired or left out and counted; hostile
 * strings stay text.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appUrl, idle, useBrowser, pickAt, screenshot, waitForMap } from './harness';
import { MITIGA, newPage, rewrite, TRIPOLI } from './reliability-helpers';

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe('data faults', () => {
  it('a missing file, an unknown kind and a slow layer each cost only their layer; the slow one shows it is loading while the rest draws', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.route('**/data/strikes.geojson', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await rewrite(page, 'events.geojson', (body) => {
      body.features[0].properties.kind = 'rumour';
    });
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/data/control-areas.geojson', async (route) => {
      await held;
      await route.continue();
    });
    // A font that does not load: labels fall back to a system font; the map does not go blank.
    await page.route('**/*.woff2', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(appUrl('date=2019-12-21&lang=en'));
    await waitForMap(page);

    // The slow layer is marked in the legend, then named in the notices; the rest has drawn.
    await page.getByTestId('loading-control-areas').waitFor();
    await expect.poll(() => page.getByTestId('layers-loading').textContent(), { timeout: 10_000 }).toMatch(/Still loading: Areas of control/);
    expect((await pickAt(page, ...MITIGA, 6)).some((id) => id.includes('mitiga'))).toBe(true);
    expect(await pickAt(page, ...TRIPOLI, 2)).not.toContain('control-tripoli-gna');

    const errorsBox = page.getByTestId('layer-errors');
    await errorsBox.waitFor();
    const text = await errorsBox.textContent();
    expect(text).toMatch(/strikes\.geojson: could not be fetched \(HTTP 404\)/);
    expect(text).toMatch(/events\.geojson, feature "[a-z0-9-]+", field "kind"/);
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(2);

    release();
    await page.getByTestId('loading-control-areas').waitFor({ state: 'detached' });
    await page.getByTestId('layers-loading').waitFor({ state: 'detached' });
    await idle(page);
    expect(await pickAt(page, ...TRIPOLI, 2)).toContain('control-tripoli-gna');

    // Labels are still drawn, with the fallback font.
    const labels = await page.evaluate(() => (window as any).__tripoliMap.map.queryRenderedFeatures({ layers: ['basemap-labels'] }).length);
    expect(labels).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('geometry faults and hostile strings: bad features are left out and counted, polygons repaired, text stays text', async () => {
    const { context, page, errors } = await newPage(browser);
    const hostileTitle = `<img src=x onerror="window.__pwned=1">\u202Eevil title ${'very long '.repeat(10_000)}`;
    await rewrite(page, 'config.json', (config) => {
      config.source.publisher.en = '<img src=x onerror="window.__pwned=2">Publisher';
    });
    await rewrite(page, 'events.geojson', (body) => {
      const base = body.features.find((f: any) => f.properties.start === '2019-12-20') ?? body.features[0];
      const copy = (id: string, edit: (f: any) => void) => {
        const f = structuredClone(base);
        f.properties.id = id;
        edit(f);
        body.features.push(f);
      };
      copy('event-swapped', (f) => (f.geometry.coordinates = [...f.geometry.coordinates].reverse()));
      copy('event-nowhere', (f) => (f.geometry = null));
      copy('event-hostile', (f) => {
        f.properties.title = { ar: hostileTitle, en: hostileTitle };
        f.properties.summary = { ar: '<script>window.__pwned=3</script>', en: '<script>window.__pwned=3</script>' };
        f.properties.sources.links = [{ url: 'https://www.madamasr.com/en/', label: '<b>Mada Masr</b>' }];
      });
      // The same id as a strike: whichever layer arrives second loses the feature.
      copy('strike-misrata-2019-12-20', () => {});
      return JSON.parse(JSON.stringify(body).replace('"sources"', '"__proto__":{"polluted":true},"sources"'));
    });
    await rewrite(page, 'places.geojson', (body) => {
      body.features[0].properties.sources.links = [{ url: 'javascript:window.__pwned=4' }];
    });
    await rewrite(page, 'control-areas.geojson', (body) => {
      const tripoli = body.features.find((f: any) => f.properties.id === 'control-tripoli-gna');
      const ring: number[][] = tripoli.geometry.coordinates[0];
      tripoli.geometry.coordinates[0] = ring.slice(0, -1).reverse(); // left open, and clockwise
    });
    await page.goto(appUrl('date=2019-12-21&lang=en'));
    await waitForMap(page);

    // Left out and counted; the rest of each layer draws.
    const notices = page.getByTestId('layer-notices');
    await notices.waitFor();
    await expect.poll(() => notices.locator('summary').textContent()).toMatch(/^3 left out of the map/);
    await notices.locator('summary').click();
    const noticeText = await notices.textContent();
    expect(noticeText).toMatch(/events\.geojson, feature "event-swapped", field "geometry": point 32\.\d+,1\d\.\d+ is outside .*lon\/lat swapped\?/);
    expect(noticeText).toMatch(/Without a location, skipped: 1/);
    expect(noticeText).toMatch(/(events|strikes)\.geojson, feature "strike-misrata-2019-12-20", field "id": duplicate id: also used in (strikes|events)\.geojson/);
    // The open, clockwise ring was repaired, not refused.
    expect(await pickAt(page, ...TRIPOLI, 2)).toContain('control-tripoli-gna');
    // A javascript: link costs its layer, with the field named.
    expect(await page.getByTestId('layer-errors').textContent()).toMatch(/places\.geojson, feature "[a-z0-9-]+", field "sources\.links\.0\.url": only http:\/\/ and https:\/\/ links/);

    // Hostile text is shown as text, isolated and clamped; links are http(s) only.
    await page.evaluate(() => (window as any).__tripoliStore.getState().select('event-hostile'));
    const details = page.getByTestId('details');
    await details.waitFor();
    const title = details.locator('h2');
    expect(await title.textContent()).toBe(hostileTitle);
    const box = (await title.boundingBox())!;
    expect(box.height).toBeLessThan(200);
    expect(await details.textContent()).toContain('<script>window.__pwned=3</script>');
    const link = details.getByTestId('source-link');
    expect(await link.getAttribute('href')).toBe('https://www.madamasr.com/en/');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.textContent()).toBe('<b>Mada Masr</b>');
    await page.getByRole('button', { name: 'Events', exact: true }).click();
    const listed = page.getByTestId('event-list').locator('li[data-id="event-hostile"] strong');
    expect(await listed.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    expect((await listed.boundingBox())!.height).toBeLessThan(100);
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('<img src=x onerror="window.__pwned=2">Publisher');

    const state = await page.evaluate(() => ({
      pwned: (window as any).__pwned,
      images: document.querySelectorAll('main img, .maplibregl-ctrl-attrib img').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      polluted: ({} as any).polluted,
      overflow: document.documentElement.scrollWidth - innerWidth,
      detailsRight: document.querySelector('.details')!.getBoundingClientRect().right - innerWidth,
    }));
    expect(state).toEqual({ pwned: undefined, images: 0, scripts: 0, polluted: undefined, overflow: 0, detailsRight: expect.any(Number) });
    expect(state.detailsRight).toBeLessThanOrEqual(0);
    await screenshot(page, 'reliability-hostile');
    expect(errors).toEqual([]);
    await context.close();
  });
});
