/**
 * Share and embed, with real host pages: self-sizing iframes (our script and pym.js), a host that
 * drives the map, hostile messages and hashes, a link round trip, and the embed dialog.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { useBrowser, openApp, screenshot } from './harness';
import { inject } from 'vitest';

const HOST = 'publisher.test';
let browser: Browser;
const app = () => inject('baseUrl');
const hostPage = (file: string, hash = 'embed=1&lang=en&date=2019-12-21') => {
  const port = new URL(app()).port;
  return `http://${HOST}:${port}/__fixtures__/${file}?app=${encodeURIComponent(app())}&hash=${encodeURIComponent(hash)}`;
};

// A second host name for the same server, so host pages and the map are on different origins.
useBrowser((launched) => (browser = launched), [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);

async function mapFrame(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame for ${selector}`);
  return frame;
}

async function waitForMapIn(frame: Frame) {
  await frame.waitForFunction(() => (window as any).__tripoliMap?.ready === true, null, { timeout: 60_000 });
}

describe('self-sizing iframes', () => {
  it('embed.js sizes each iframe to its content, and far embeds wait until scrolled to', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).host));
    await page.goto(hostPage('host.html'));
    const sizes: Record<string, { iframe: number; content: number }> = {};
    for (const id of ['wide', 'mid', 'narrow']) {
      const frame = await mapFrame(page, `#${id}`);
      await page.evaluate((i) => document.getElementById(i)!.scrollIntoView({ block: 'center' }), id);
      await waitForMapIn(frame);
      await expect
        .poll(async () => {
          const content = await frame.evaluate(() => Math.ceil(document.querySelector('.app')!.getBoundingClientRect().height));
          const iframe = await page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().height, id);
          sizes[id] = { iframe, content };
          return Math.abs(iframe - content);
        }, { timeout: 15_000 })
        .toBeLessThanOrEqual(1);
    }
    // The heights follow the content, not the width/height attributes the host wrote.
    expect(sizes.wide.iframe).not.toBe(450);
    expect(sizes.narrow.iframe).not.toBe(250);
    expect(sizes.wide.iframe).toBeGreaterThan(sizes.narrow.iframe);

    const far = await mapFrame(page, '#far');
    await page.evaluate(() => window.scrollTo(0, 0));
    await far.waitForSelector('[data-testid="placeholder"]');
    expect(await far.evaluate(() => !!(window as any).__tripoliMap)).toBe(false);
    await page.evaluate(() => document.getElementById('far')!.scrollIntoView());
    await waitForMapIn(far);

    expect(new Set(requests)).toEqual(new Set([`${HOST}:${new URL(app()).port}`, new URL(app()).host]));
    await context.close();
  });

  it("pym.js's own Parent sizes our iframe with no script of ours", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.goto(hostPage('pym.html'));
    const frame = await mapFrame(page, '#container iframe');
    await waitForMapIn(frame);
    await expect
      .poll(async () => {
        const content = await frame.evaluate(() => Math.ceil(document.querySelector('.app')!.getBoundingClientRect().height));
        const attr = await page.evaluate(() => parseInt(document.querySelector('#container iframe')!.getAttribute('height') ?? '0', 10));
        return Math.abs(attr - content);
      }, { timeout: 15_000 })
      .toBeLessThanOrEqual(1);
    // pym appends its query after our hash; the map must still read its own state.
    expect(await frame.evaluate(() => document.documentElement.classList.contains('embedded'))).toBe(true);
    await context.close();
  });
});

describe('a host page that drives the map', () => {
  it('sets the date by message and hears the reader change it', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(hostPage('scrolly.html'));
    const frame = await mapFrame(page, '#map');
    await waitForMapIn(frame);
    await page.waitForFunction(() => (window as any).received.some((m: any) => m.type === 'tripoli-map:ready'));

    await page.evaluate(() => (window as any).setDate('2019-06-26'));
    await expect.poll(() => frame.getByRole('slider').getAttribute('aria-valuetext')).toBe('26 June 2019');
    await expect
      .poll(() => page.evaluate(() => (window as any).received.filter((m: any) => m.type === 'tripoli-map:date-change').pop()))
      .toEqual({ type: 'tripoli-map:date-change', date: '2019-06-26', cause: 'host' });

    await frame.getByRole('slider').focus();
    await frame.getByRole('slider').press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => (window as any).received.filter((m: any) => m.type === 'tripoli-map:date-change').pop()))
      .toEqual({ type: 'tripoli-map:date-change', date: '2019-06-27', cause: 'reader' });

    await page.evaluate(() => (window as any).sendRaw({ type: 'tripoli-map:set-view', center: [15.09, 32.37], zoom: 9 }));
    await expect.poll(() => frame.evaluate(() => Math.round((window as any).__tripoliMap.map.getZoom()))).toBe(9);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ignores hostile, malformed and foreign messages', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    const page = await context.newPage();
    await page.goto(hostPage('scrolly.html'));
    const frame = await mapFrame(page, '#map');
    await waitForMapIn(frame);
    const frameErrors: string[] = [];
    page.on('pageerror', (e) => frameErrors.push(e.message));
    const before = await frame.evaluate(() => location.href);
    const hostile: unknown[] = [
      { type: 'tripoli-map:set-date', date: '2019-02-30' },
      { type: 'tripoli-map:set-date', date: '<img src=x onerror="parent.__pwned=1">' },
      { type: 'tripoli-map:set-date', date: '2019-06-26', extra: 'not allowed' },
      { type: 'tripoli-map:select-event', id: 'javascript:alert(1)' },
      { type: 'tripoli-map:set-view', center: [1e9, 'x'], zoom: 3 },
      { type: 'tripoli-map:set-lang', lang: 'fr' },
      { type: 'tripoli-map:navigate', url: 'https://evil.test/' },
      { type: 'tripoli-map:set-layers', layers: ['<b>'] },
      'pymxPYMxabcxPYMxnavigateToxPYMxjavascript:alert(1)',
      { type: 'x'.repeat(20000) },
      null,
      [1, 2, 3],
      { type: '__proto__', __proto__: { polluted: true } },
    ];
    for (const message of hostile) await page.evaluate((m) => (window as any).sendRaw(m), message);
    // The frame posting to itself is not its parent: ignored too.
    await frame.evaluate(() => window.postMessage({ type: 'tripoli-map:set-date', date: '2019-06-26' }, '*'));
    await page.waitForTimeout(500);
    expect(await frame.getByRole('slider').getAttribute('aria-valuetext')).toBe('1 April 2019');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await frame.evaluate(() => document.querySelectorAll('img, script:not([src])').length)).toBe(0);
    expect(await frame.evaluate(() => location.href.split('#')[0])).toBe(before.split('#')[0]);
    expect(await page.evaluate(() => (window as any).__pwned ?? ({} as any).polluted)).toBeUndefined();
    expect(frameErrors).toEqual([]);
    await context.close();
  });

  it('obeys only allowed origins when the story lists them', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    await context.route('**/data/config.json', async (route) => {
      const response = await route.fetch();
      const config = await response.json();
      config.embed = { allowedOrigins: ['https://trusted.example'] };
      await route.fulfill({ response, json: config });
    });
    const page = await context.newPage();
    await page.goto(hostPage('scrolly.html'));
    const frame = await mapFrame(page, '#map');
    await waitForMapIn(frame);
    await page.evaluate(() => (window as any).setDate('2019-06-26'));
    await page.waitForTimeout(500);
    expect(await frame.getByRole('slider').getAttribute('aria-valuetext')).toBe('1 April 2019');
    await context.close();
  });
});

describe('links', () => {
  it('round trip: change state, copy the link, open it elsewhere, same state', async () => {
    const { page } = await openApp(browser, { hash: 'date=2019-12-21&lang=en' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const slider = page.getByRole('slider');
    await slider.focus();
    await slider.press('PageDown'); // 21 November
    await page.evaluate(() => (window as any).__tripoliMap.map.jumpTo({ center: [13.3, 32.8], zoom: 9 }));
    await page.getByRole('checkbox', { name: 'Place names' }).uncheck();
    await page.evaluate(() => (window as any).__tripoliStore.getState().select('base-mitiga'));
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByText('Link copied to the clipboard.').first().waitFor({ state: 'attached' });
    const link: string = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('date=2019-11-21');
    expect(link).toContain('event=base-mitiga');
    expect(link).toContain('view=13.3000,32.8000,9.00');
    expect(link).toMatch(/layers=[a-z,-]+/);
    expect(link).not.toContain('layers=places');

    const other = await openApp(browser, { hash: new URL(link).hash });
    expect(await other.page.getByRole('slider').getAttribute('aria-valuetext')).toBe('21 November 2019');
    expect(await other.page.getByTestId('details').textContent()).toMatch(/Mitiga/);
    expect(await other.page.getByRole('checkbox', { name: 'Place names' }).isChecked()).toBe(false);
    const view = await other.page.evaluate(() => {
      const m = (window as any).__tripoliMap.map;
      return [m.getCenter().lng, m.getCenter().lat, m.getZoom()];
    });
    expect(view[0]).toBeCloseTo(13.3, 3);
    expect(view[1]).toBeCloseTo(32.8, 3);
    expect(view[2]).toBeCloseTo(9, 2);
    await page.context().close();
    await other.page.context().close();
  });

  it('bad hash values fall back field by field and the hash is rewritten to what is shown', async () => {
    const { page, errors } = await openApp(browser, {
      hash: `date=2019-02-30&lang=en&lang=ar&view=NaN,1,2&event=%3Cscript%3E&layers=nothing&embed=yes&x=${'y'.repeat(10000)}`,
    });
    expect(await page.getByRole('slider').getAttribute('aria-valuetext')).toBe('21 December 2019');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#date=2019-12-21&lang=en&view=/);
    expect(await page.evaluate(() => location.hash)).not.toMatch(/embed|layers|event|script/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('embed mode and the embed dialog', () => {
  for (const lang of ['en', 'ar'] as const) {
    for (const [width, height] of [[600, 450], [300, 250]] as const) {
      it(`is usable at ${width}x${height} in ${lang}`, async () => {
        const { page, errors, foreignRequests } = await openApp(browser, { hash: `date=2019-12-21&lang=${lang}&embed=1`, width, height });
        expect(await page.getByRole('slider').isVisible()).toBe(true);
        expect(await page.getByTestId('full-map-link').isVisible()).toBe(true);
        expect(await page.locator('.maplibregl-ctrl-attrib').isVisible()).toBe(true);
        const link = await page.getByTestId('full-map-link').getAttribute('href');
        expect(link).toContain('date=2019-12-21');
        expect(link).not.toContain('embed=1');
        expect(await page.getByTestId('full-map-link').getAttribute('rel')).toContain('noopener');
        // Cooperative gestures: a plain wheel over the map scrolls the page, not the map.
        const zoom = await page.evaluate(() => (window as any).__tripoliMap.map.getZoom());
        const box = (await page.locator('.map').boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -300);
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => (window as any).__tripoliMap.map.getZoom())).toBe(zoom);
        // The hint that explains it speaks the reader's language.
        const hint = await page.locator('.maplibregl-desktop-message').textContent();
        expect(hint).toMatch(lang === 'ar' ? /[\u0600-\u06ff]/ : /Ctrl/);
        await screenshot(page, `embed-${width}x${height}-${lang}`);
        expect(errors).toEqual([]);
        expect(foreignRequests).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('the embed dialog gives a ready iframe code for the current state, with a preview', async () => {
    const { page } = await openApp(browser, { hash: 'date=2019-06-26&lang=en' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const code = await page.getByTestId('embed-code').inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#date=2019-06-26&amp;lang=en&amp;view=[^"]+&amp;embed=1" title="Map: [^"]+" width="600" height="450" loading="lazy"/);
    expect(code).toContain('<script src="http://127.0.0.1:');
    expect(code).toContain('embed.js" async></script>');
    await dialog.getByRole('button', { name: 'Copy code' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    const preview = await mapFrame(page, '.embed-preview iframe');
    await waitForMapIn(preview);
    expect(await preview.getByRole('slider').getAttribute('aria-valuetext')).toBe('26 June 2019');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Embed');
    await page.context().close();
  });
});

