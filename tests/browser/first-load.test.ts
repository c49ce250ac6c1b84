/**
 * What the page fetches before its first view is drawn (the `tripoli-map:first-view` performance
 * mark): only what that view needs. Story mode, the embed and export dialogs and the chapters file
 * come later, on demand; the Arabic font only with the Arabic interface, and as the small subset;
 * the map's code not at all in a browser without WebGL2.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, useBrowser, openApp, pickAt } from './harness';
import { MITIGA } from './reliability-helpers';
import { WEBGL_ONLY_MESSAGE } from '../../vite.config';

let browser: Browser;
useBrowser((launched) => (browser = launched));

interface Fetch {
  name: string;
  start: number;
  bytes: number;
}

async function fetchesAroundFirstView(page: Page): Promise<{ before: Fetch[]; after: Fetch[] }> {
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('tripoli-map:first-view')[0];
    if (!mark) throw new Error('no first-view mark');
    const all = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      name: new URL(e.name).pathname.split('/').pop() ?? '',
      start: e.startTime,
      bytes: e.encodedBodySize,
    }));
    return { before: all.filter((f) => f.start <= mark.startTime), after: all.filter((f) => f.start > mark.startTime) };
  });
}

const ON_DEMAND = [/^story\.json$/, /^StoryMode-/, /^EmbedDialog-/, /^ExportDialog-/, /^StaticMap-/];

describe('first load', () => {
  it('in English, fetches the map, its data and one font, and leaves the rest for later', async () => {
    const app = await openApp(browser, { hash: 'lang=en' });
    const { before } = await fetchesAroundFirstView(app.page);
    const names = before.map((f) => f.name);
    expect(names).toContain('config.json');
    expect(names.some((n) => /^engine-.*\.js$/.test(n))).toBe(true);
    for (const pattern of ON_DEMAND) expect(names.filter((n) => pattern.test(n))).toEqual([]);
    expect(names.filter((n) => /arabic/.test(n))).toEqual([]);
    // deck.gl's WebGPU-only attribute packing (luma.gl GPGPU) is left out, and the story drew without it.
    const jsNames = names.filter((n) => n.endsWith('.js'));
    const scripts = await app.page.evaluate(async (files) => Promise.all(files.map(async (f) => (await fetch(`assets/${f}`)).text())), jsNames);
    expect(jsNames.filter((_, i) => scripts[i].includes('gpuDataEvaluators'))).toEqual([]);
    expect(jsNames.filter((_, i) => scripts[i].includes(WEBGL_ONLY_MESSAGE))).toHaveLength(1);
    expect(await pickAt(app.page, ...MITIGA)).toContain('base-mitiga');
    // The chapters file follows once the map is up, and with it the Story button.
    await app.page.getByTestId('story-button').waitFor();
    const { after } = await fetchesAroundFirstView(app.page);
    expect(after.map((f) => f.name)).toContain('story.json');
    await app.page.context().close();
  });

  it('in Arabic, adds only the Arabic font, cut to the Arabic block', async () => {
    const app = await openApp(browser, { hash: 'lang=ar' });
    const { before, after } = await fetchesAroundFirstView(app.page);
    const fonts = [...before, ...after].filter((f) => /\.woff2$/.test(f.name));
    const arabic = fonts.filter((f) => /^noto-sans-arabic-400-/.test(f.name));
    // One file, asked for by the page and by the map's labels alike.
    expect(new Set(arabic.map((f) => f.name)).size).toBe(1);
    expect(fonts.filter((f) => /arabic/.test(f.name) && !arabic.includes(f))).toEqual([]);
    expect(arabic[0].bytes).toBeGreaterThan(8 * 1024);
    expect(arabic[0].bytes).toBeLessThan(24 * 1024);
    for (const pattern of ON_DEMAND) expect(before.map((f) => f.name).filter((n) => pattern.test(n))).toEqual([]);
    // The page's text is set in it, not in a fallback.
    const family = await app.page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Noto Sans Arabic"', 'طرابلس');
    });
    expect(family).toBe(true);
    await app.page.context().close();
  });
});

describe('first load without WebGL2', () => {
  it('never fetches the map\'s code, and shows the simple map', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.addInitScript(() => delete (window as any).WebGL2RenderingContext);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop() ?? ''));
    await page.goto(appUrl('lang=en'));
    await page.getByTestId('static-map').waitFor({ timeout: 30_000 });
    expect(requested).toContain('config.json');
    expect(requested.filter((n) => /^engine-|maplibre-gl-worker/.test(n))).toEqual([]);
    await context.close();
  });
});
