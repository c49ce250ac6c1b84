/**
 * Reliability and safety in the built app (docs/reliability.md): broken, slow and hostile data;
 * geometry faults; no WebGL; a lost WebGL context; a worker that does not load; a strict
 * Content-Security-Policy; privacy; tiny and resized containers; a sandboxed, off-screen embed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page, Route } from 'playwright-core';
import { appUrl, idle, launch, pickAt, screenshot, waitForMap } from './harness';

const MISRATA = [15.0925, 32.3754] as const;
const MITIGA = [13.276, 32.8941] as const;
/** Inside the GNA-held Tripoli area (control-tripoli-gna). */
const TRIPOLI = [13.19, 32.86] as const;
const HOST = 'publisher.test';

let browser: Browser;
beforeAll(async () => {
  browser = await launch([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
});
afterAll(async () => {
  await browser?.close();
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors, except the network failures a test provokes on purpose. */
  errors: string[];
}

async function newPage(b: Browser, options: { width?: number; height?: number } = {}): Promise<Watched> {
  const context = await b.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, locale: 'en-GB', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

/** Rewrites a data file on its way to the page. */
async function rewrite(page: Page, file: string, edit: (body: any) => any) {
  await page.route(`**/data/${file}`, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: edit(body) ?? body });
  });
}

/** Whether the map's canvas fills its container exactly, its width, and any sideways overflow of the page. */
const canvasFits = (page: Page | Frame) =>
  page.evaluate(() => {
    const map = (window as any).__tripoliMap.map;
    const container = map.getContainer() as HTMLElement;
    const canvas = map.getCanvas() as HTMLCanvasElement;
    const fits =
      container.clientHeight > 0 &&
      Math.abs(canvas.clientWidth - container.clientWidth) <= 1 &&
      Math.abs(canvas.clientHeight - container.clientHeight) <= 1 &&
      Math.abs(canvas.width - container.clientWidth * devicePixelRatio) <= 2;
    return { fits, width: canvas.clientWidth, overflow: document.documentElement.scrollWidth - innerWidth };
  });

const storeState = (page: Page | Frame, expression: string) => page.evaluate(`(() => { const s = window.__tripoliStore.getState(); return ${expression}; })()`);

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

describe('without WebGL', () => {
  let noGl: Browser;
  beforeAll(async () => {
    noGl = await launch(['--disable-3d-apis']);
  });
  afterAll(async () => {
    await noGl?.close();
  });

  it('shows a static map, the event list and a working timeline', async () => {
    const { context, page, errors } = await newPage(noGl);
    await page.goto(appUrl('date=2019-12-21&lang=en'));
    const map = page.getByTestId('static-map');
    await map.waitFor({ timeout: 30_000 });
    await expect.poll(() => map.locator('path.land').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('fallback').textContent()).toMatch(/WebGL is unavailable/);
    const symbols = () => map.locator('.symbol.strike, .symbol.event').count();
    const december = await symbols();
    expect(december).toBeGreaterThan(5);
    expect(await map.locator('.symbol.air-base').count()).toBeGreaterThan(3);
    expect(await map.locator('.front-line').count()).toBeGreaterThan(0);
    const listed = () => page.getByTestId('event-list').first().locator('li').count();
    const listedDecember = await listed();
    expect(listedDecember).toBeGreaterThan(5);

    // The timeline drives both the list and the static map.
    const slider = page.getByRole('slider');
    await slider.focus();
    await slider.press('Home');
    expect(await page.getByTestId('current-date').textContent()).toMatch(/2017/);
    expect(await symbols()).toBeLessThan(december);
    expect(await listed()).toBeLessThan(listedDecember);
    await slider.press('End');
    expect(await page.getByTestId('current-date').textContent()).toMatch(/31 December 2019/);

    // The list and the map select the same thing.
    const item = page.getByTestId('event-list').first().locator('li').last();
    await item.locator('button').click();
    const id = await item.getAttribute('data-id');
    expect(await storeState(page, 's.selectedId')).toBe(id);
    await map.locator(`.selection`).waitFor();
    await screenshot(page, 'reliability-no-webgl');
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => !!(window as any).__tripoliMap)).toBe(false);
    await context.close();
  });
});

describe('the map itself fails', () => {
  it('a lost WebGL context is announced, the map comes back with date and selection, and a reload is offered if it never does', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(appUrl('date=2019-12-21&lang=en&event=strike-misrata-2019-12-20'));
    await waitForMap(page);
    expect(await pickAt(page, ...MISRATA, 10)).toContain('strike-misrata-2019-12-20');
    const before = await storeState(page, '[s.day, s.selectedId]');
    const lose = () =>
      page.evaluate(() => {
        const gl = (window as any).__tripoliMap.map.getCanvas().getContext('webgl2');
        (window as any).__lose = gl.getExtension('WEBGL_lose_context');
        (window as any).__lose.loseContext();
      });
    await lose();
    const notice = page.getByTestId('map-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-status')).toBe('lost');
    expect(await notice.textContent()).toMatch(/stopped drawing/);

    await page.evaluate(() => (window as any).__lose.restoreContext());
    await notice.waitFor({ state: 'detached' });
    await waitForMap(page); // a new engine, at the same view
    await expect.poll(() => pickAt(page, ...MISRATA, 10), { timeout: 15_000 }).toContain('strike-misrata-2019-12-20');
    expect(await storeState(page, '[s.day, s.selectedId]')).toEqual(before);
    // The restored map still follows the timeline.
    await page.evaluate(() => (window as any).__tripoliStore.getState().setDay((window as any).__tripoliStore.getState().day - 200));
    await idle(page);
    expect(await pickAt(page, ...MISRATA, 10)).not.toContain('strike-misrata-2019-12-20');

    // Lost for good: after 10 s, a reload is offered.
    await lose();
    await notice.waitFor();
    await expect.poll(() => notice.getAttribute('data-status'), { timeout: 15_000 }).toBe('lost-for-good');
    expect(await notice.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a worker that is missing or served with the wrong type: a notice with a reload, and a way to the simple map', async () => {
    const { context, page } = await newPage(browser);
    await page.route('**/maplibre-gl-worker*.mjs', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(appUrl('date=2019-12-21&lang=en'));
    const notice = page.getByTestId('map-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.getAttribute('data-status')).toBe('failed');
    expect(await notice.textContent()).toMatch(/could not start.*Worker failed to load/);
    expect(await notice.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    await notice.getByRole('button', { name: 'Show a simple map instead' }).click();
    await page.getByTestId('static-map').waitFor();
    await expect.poll(() => page.getByTestId('static-map').locator('.symbol').count()).toBeGreaterThan(5);

    const second = await context.newPage();
    await second.route('**/maplibre-gl-worker*.mjs', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'export {}' }));
    await second.goto(appUrl('date=2019-12-21&lang=ar'));
    const notice2 = second.getByTestId('map-notice');
    await notice2.waitFor({ timeout: 30_000 });
    expect(await notice2.getAttribute('data-status')).toBe('failed');
    expect(await notice2.getByRole('button', { name: 'إعادة التحميل' }).count()).toBe(1);
    await context.close();
  });
});

describe('policy, privacy and size', () => {
  it('runs under its Content-Security-Policy with no violation, stores and sends nothing, and follows its container', async () => {
    const { context, page, errors } = await newPage(browser);
    const violations: string[] = [];
    await context.exposeBinding('__reportViolation', ({ frame }, v: string) => void violations.push(`${frame.url()}: ${v}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as any).__reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    const origin = new URL(inject('baseUrl')).origin;
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await page.goto(appUrl('date=2019-12-21&lang=en'));
    await waitForMap(page);

    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);

    // A reader's session: play, scrub, pick, read, switch layers and language, share, embed.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Pause' }).click();
    const slider = page.getByRole('slider');
    await slider.focus();
    await slider.press('End');
    await page.getByRole('button', { name: 'Events', exact: true }).click();
    await page.getByTestId('event-list').locator('li button').last().click();
    await page.getByTestId('details').waitFor();
    await page.getByRole('button', { name: 'Legend and layers' }).click();
    await page.getByRole('checkbox', { name: 'Air strikes' }).uncheck();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('button', { name: 'Embed' }).click();
    const preview = page.getByTestId('embed-dialog').locator('iframe');
    await preview.waitFor();
    await (await preview.elementHandle())!.contentFrame().then((f) => f!.waitForLoadState('load'));
    await page.getByTestId('embed-dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'اعرض الخريطة بالعربية' }).click();
    await idle(page);
    await page.waitForTimeout(1000);

    expect(violations).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      cookie: document.cookie,
    }));
    expect(stored).toEqual({ local: 0, session: 0, databases: 0, caches: 0, cookie: '' });

    // The window shrinks, then grows: the map's canvas follows.
    for (const [width, height] of [[700, 500], [1100, 760]]) {
      await page.setViewportSize({ width, height });
      await expect.poll(() => canvasFits(page), { timeout: 10_000 }).toEqual({ fits: true, width: expect.any(Number), overflow: 0 });
      expect((await canvasFits(page)).width).toBeGreaterThan(width - 20);
    }
    await idle(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a sandboxed embed, scrolled away', () => {
  it('works without allow-same-origin, and pauses playback while out of sight', async () => {
    const { context, page, errors } = await newPage(browser, { width: 1000, height: 700 });
    const port = new URL(inject('baseUrl')).port;
    const app = inject('baseUrl');
    await page.goto(`http://${HOST}:${port}/__fixtures__/sandboxed.html?app=${encodeURIComponent(app)}&hash=${encodeURIComponent('embed=1&lang=en&date=2019-06-01')}`);
    const frame = (await (await page.waitForSelector('#map')).contentFrame())!;
    await frame.waitForFunction(() => (window as any).__tripoliMap?.ready === true, null, { timeout: 60_000 });
    // The environment really is the hostile one: an opaque origin, where storage throws.
    expect(await frame.evaluate(() => origin)).toBe('null');
    expect(
      await frame.evaluate(() => {
        try {
          void localStorage.length;
          return 'storage works';
        } catch (e) {
          return (e as Error).name;
        }
      }),
    ).toBe('SecurityError');

    // The map answers the reader: the slider moves the date and the map redraws.
    const slider = frame.getByRole('slider');
    await slider.focus();
    await slider.press('PageUp');
    expect(await frame.getByTestId('current-date').textContent()).toMatch(/1 July 2019/);
    await frame.evaluate(() => (window as any).__tripoliMap.whenIdle());

    // Playing, then scrolled out of sight: the date holds; back in sight, it moves on from there.
    const day = () => storeState(frame, 's.day') as Promise<number>;
    await frame.getByRole('button', { name: 'Play' }).click();
    await expect.poll(day, { timeout: 5_000 }).toBeGreaterThan(0);
    await page.evaluate(() => document.getElementById('end')!.scrollIntoView());
    await page.waitForTimeout(500);
    const away = await day();
    await page.waitForTimeout(1500);
    expect(await day()).toBe(away);
    expect(await storeState(frame, 's.playing')).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(day, { timeout: 5_000 }).toBeGreaterThan(away);
    const resumed = await day();
    expect(resumed - away).toBeLessThan(40); // moved on from where it was, no jump for the time away
    await frame.getByRole('button', { name: 'Pause' }).click();

    // A tiny 300 x 250 frame, then a larger one: the map follows its container, nothing spills sideways.
    for (const [width, height] of [[300, 250], [760, 520]]) {
      await page.evaluate(([w, h]) => Object.assign(document.getElementById('map')!.style, { width: `${w}px`, height: `${h}px` }), [width, height]);
      await expect.poll(() => canvasFits(frame), { timeout: 10_000 }).toEqual({ fits: true, width, overflow: 0 });
      await frame.evaluate(() => (window as any).__tripoliMap.whenIdle());
      await screenshot(page, `reliability-sandboxed-${width}x${height}`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
