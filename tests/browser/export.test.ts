/**
 * Saving, printing and downloading in the built app, from a chapter of the story: the exported PNG
 * (decoded by the browser and checked pixel by pixel), the printed handout (print media and real
 * PDFs) and the data download, in English and Arabic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { idle, useBrowser, openApp, screenshot, SCREENSHOT_DIR, type AppPage } from './harness';
import { chapters, decodePng, expectChapter, expectHandoutPdf, LAYERS } from './story-helpers';

/** Zero hour: strikes on Misrata and Msallata, and rings around them. */
const ZERO_HOUR = chapters.length - 2;

let browser: Browser;
useBrowser((launched) => (browser = launched));

describe('saving and printing, in English', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(browser, { hash: `chapter=${chapters[ZERO_HOUR].id}&lang=en` });
    await expectChapter(app.page, ZERO_HOUR);
  });

  it('saves a PNG of the map at the chosen size, with the map, a ring and the strikes drawn in', async () => {
    const { page } = app;
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-dialog').waitFor();
    for (const [label, width, height] of [
      [/1280 × 720/, 1280, 720],
      [/1920 × 1080/, 1920, 1080],
    ] as const) {
      await page.getByLabel(label).check();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-image').click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`-2019-12-21-en-${width}x${height}\\.png$`));
      const png = readFileSync((await download.path())!);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      if (width === 1280) writeFileSync(`${SCREENSHOT_DIR}/export-en-1280x720.png`, png); // to look at, like the screenshots
      const image = await decodePng(page, png);
      expect(image).toMatchObject({ width, height });
      // Land, sea, an LNA strike and the chapter's ring, each over many pixels.
      expect(image.land).toBeGreaterThan(width * height * 0.05);
      expect(image.sea).toBeGreaterThan(width * height * 0.05);
      expect(image.strike).toBeGreaterThan(100);
      expect(image.ring).toBeGreaterThan(100);
      await page.getByTestId('export-status').filter({ hasText: 'Image saved.' }).waitFor();
    }
    // The map is put back as it was.
    expect(await page.evaluate(() => (window as any).__tripoliMap.map.getCanvas().clientWidth)).toBe((await page.getByTestId('map').boundingBox())!.width);
    await page.keyboard.press('Escape');
  });

  it('downloads the data: every layer in one GeoJSON file, with sources and terms inside', async () => {
    const { page } = app;
    await page.getByTestId('export-button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-data').click()]);
    expect(download.suggestedFilename()).toMatch(/data\.geojson$/);
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(bundle.type).toBe('FeatureCollection');
    const total = LAYERS.reduce((n, id) => n + JSON.parse(readFileSync(`data/${id}.geojson`, 'utf8')).features.length, 0);
    expect(bundle.features).toHaveLength(total);
    expect(new Set(bundle.features.map((f: any) => f.properties.layer))).toEqual(new Set(LAYERS));
    expect(bundle.source.publisher.en).toBe('Mada Masr');
    expect(bundle.terms.en).toMatch(/Mada Masr/);
    expect(bundle.terms.ar).toMatch(/مدى مصر/);
    expect(bundle.readme.en).toMatch(/sources\.article/);
    await page.keyboard.press('Escape');
  });

  it('prints a handout with the map image, the chapter, the legend and the sources, on A4 and Letter', async () => {
    const { page } = app;
    await page.evaluate(() => {
      (window as any).print = () => ((window as any).__printed = true);
    });
    await page.getByTestId('export-button').click();
    await page.getByTestId('print-handout-button').click();
    await page.waitForFunction(() => (window as any).__printed === true);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (selector: string) => {
        const el = document.querySelector<HTMLElement>(selector);
        if (!el) return false;
        const box = el.getBoundingClientRect();
        return getComputedStyle(el).display !== 'none' && box.width > 0 && box.height > 0;
      };
      const img = document.querySelector<HTMLImageElement>('.print-handout img.print-map');
      return {
        handout: shown('.print-handout'),
        image: shown('.print-handout img.print-map') && (img?.naturalWidth ?? 0) >= 1200,
        legend: shown('.print-handout .legend'),
        chapter: document.querySelector('.handout-chapter h2')?.textContent,
        sources: shown('.handout-sources'),
        map: shown('.stage'),
        header: shown('.app-header'),
        storyPanel: shown('.story-panel'),
      };
    });
    expect(printed).toEqual({
      handout: true,
      image: true,
      legend: true,
      chapter: chapters[chapters.length - 2].title.en,
      sources: true,
      map: false,
      header: false,
      storyPanel: false,
    });
    await screenshot(page, 'handout-en-print-media');
    for (const format of ['A4', 'Letter'] as const) {
      // page.pdf() fires afterprint, which clears the handout: prepare it again for the second size.
      // (media: null, not 'screen': page.pdf() would print the screen layout.)
      if (format === 'Letter') {
        await page.emulateMedia({ media: null });
        await page.getByTestId('export-button').click();
        await page.getByTestId('print-handout-button').click();
        await page.waitForFunction(() => document.querySelector<HTMLImageElement>('.print-map')?.complete);
      }
      const pdf = await page.pdf({ format });
      expectHandoutPdf(pdf, 1200);
      await page.waitForFunction(() => !document.querySelector('.print-handout')); // afterprint has run
    }
    await page.emulateMedia({ media: null });
  });

  it('prints from the browser menu too, with a snapshot of the map as shown', async () => {
    const { page } = app;
    await page.getByTestId('story-close').click();
    await page.getByTestId('story-panel').waitFor({ state: 'detached' });
    await idle(page);
    // No "Print a handout" first: only beforeprint prepares the page. A listener added after the
    // app's keeps the snapshot it took, to check that the map is in it (not an emptied buffer).
    await page.evaluate(() =>
      window.addEventListener('beforeprint', () => {
        (window as any).__menuSnapshot = document.querySelector<HTMLImageElement>('.print-handout img.print-map')?.src ?? null;
      }),
    );
    const pdf = await page.pdf({ format: 'A4' });
    expectHandoutPdf(pdf, 400);
    const snapshot = (await page.evaluate(() => (window as any).__menuSnapshot)) as string | null;
    expect(snapshot).toMatch(/^data:image\/png;base64,/);
    const image = await decodePng(page, Buffer.from(snapshot!.slice(snapshot!.indexOf(',') + 1), 'base64'));
    expect(image.land).toBeGreaterThan(image.width * image.height * 0.05);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('saving and printing, in Arabic', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(browser, { hash: `chapter=${chapters[ZERO_HOUR].id}&lang=ar`, locale: 'ar-EG' });
    await expectChapter(app.page, ZERO_HOUR, 'ar-u-nu-latn');
  });

  it('exports an image and a handout in Arabic', async () => {
    const { page } = app;
    await page.getByTestId('export-button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-image').click()]);
    expect(download.suggestedFilename()).toMatch(/-ar-1280x720\.png$/);
    const image = await decodePng(page, readFileSync((await download.path())!));
    expect(image).toMatchObject({ width: 1280, height: 720 });
    expect(image.land).toBeGreaterThan(1280 * 720 * 0.05);
    expect(image.ring).toBeGreaterThan(100);
    await page.evaluate(() => {
      (window as any).print = () => ((window as any).__printed = true);
    });
    await page.getByTestId('print-handout-button').click();
    await page.waitForFunction(() => (window as any).__printed === true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.handout-chapter h2').textContent()).toBe(chapters[chapters.length - 2].title.ar);
    expect(await page.locator('.print-handout .legend-title').isVisible()).toBe(true);
    await screenshot(page, 'handout-ar-print-media');
    expectHandoutPdf(await page.pdf({ format: 'A4' }), 1200);
    await page.emulateMedia({ media: null });
    expect(app.errors).toEqual([]);
  });
});
