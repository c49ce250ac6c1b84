/**
 * Reliability and safety in the built app (docs/reliability.md): no WebGL; a lost WebGL context; a
 * worker that does not load; a strict Content-Security-Policy; privacy; tiny and resized
 * containers; a sandboxed, off-screen embed. Broken, slow and hostile data: data-faults.test.ts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appUrl, idle, launch, useBrowser, pickAt, screenshot, waitForMap } from './harness';
import { canvasFits, HOST, MISRATA, newPage, storeState } from './reliability-helpers';

let browser: Browser;
useBrowser((launched) => (browser = launched), [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);

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
