/**
 * The classroom features in the built app: story mode (chapter links, keyboard and clicker keys in
 * both reading directions, rings around each chapter's features), presenter mode, the exported PNG
 * (decoded by the browser and checked pixel by pixel), the printed handout (print media and real
 * PDFs) and the data download.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { idle, launch, openApp, screenshot, SCREENSHOT_DIR, type AppPage } from './harness';

interface Chapter {
  id: string;
  date: string;
  view: { center: [number, number]; zoom: number };
  highlight: string[];
  layers?: string[];
  title: { ar: string; en: string };
}

const chapters: Chapter[] = JSON.parse(readFileSync('data/story.json', 'utf8')).chapters;
const coordinates = new Map<string, [number, number]>();
for (const file of ['places', 'air-bases', 'strikes', 'events'])
  for (const f of JSON.parse(readFileSync(`data/${file}.geojson`, 'utf8')).features) coordinates.set(f.properties.id, f.geometry.coordinates);

const LAYERS = ['places', 'air-bases', 'strikes', 'events', 'front-lines', 'control-areas'];
const dateText = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function waitForChapter(page: Page, n: number): Promise<void> {
  await page.getByTestId('story-progress').filter({ hasText: new RegExp(`^${n} / ${chapters.length}$`) }).waitFor({ timeout: 20_000 });
  // The camera eases to the chapter (or jumps under reduced motion): wait until it has arrived.
  await page.waitForFunction(() => {
    const map = (window as any).__tripoliMap?.map;
    return map && !map.isMoving();
  });
  await idle(page);
}

/** Pixels of the ring's yellow within 40 px of a place on the map canvas (read back thanks to preserveDrawingBuffer). */
async function ringPixels(page: Page, [lng, lat]: [number, number]): Promise<number> {
  return page.evaluate(
    ([x, y]) => {
      const map = (window as any).__tripoliMap.map;
      const source: HTMLCanvasElement = map.getCanvas();
      const ratio = source.width / source.clientWidth;
      const p = map.project([x, y]);
      const size = 80;
      const probe = document.createElement('canvas');
      probe.width = probe.height = size;
      const ctx = probe.getContext('2d')!;
      ctx.drawImage(source, (p.x - size / 2) * ratio, (p.y - size / 2) * ratio, size * ratio, size * ratio, 0, 0, size, size);
      const data = ctx.getImageData(0, 0, size, size).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] > 225 && data[i + 1] > 170 && data[i + 1] < 225 && data[i + 2] < 90) count++;
      return count;
    },
    [lng, lat] as const,
  );
}

/** Checks what a chapter shows: progress, date on the slider, layers, highlighted ids, a visible ring, the link. */
async function expectChapter(page: Page, index: number, locale = 'en-GB'): Promise<void> {
  const chapter = chapters[index];
  await waitForChapter(page, index + 1);
  expect(await page.getByRole('slider').getAttribute('aria-valuetext')).toBe(dateText(chapter.date, locale));
  const state = await page.evaluate(() => {
    const s = (window as any).__tripoliStore.getState();
    return { chapterId: s.chapterId, highlightIds: s.highlightIds, visible: s.visible, selectedId: s.selectedId };
  });
  expect(state.chapterId).toBe(chapter.id);
  expect(state.highlightIds).toEqual(chapter.highlight);
  for (const id of LAYERS) expect(state.visible[id], `${chapter.id}: ${id}`).toBe(chapter.layers ? chapter.layers.includes(id) : true);
  const rings = await Promise.all(chapter.highlight.map((id) => ringPixels(page, coordinates.get(id)!)));
  expect(Math.max(...rings), `${chapter.id}: a ring is drawn around a highlighted feature`).toBeGreaterThan(40);
  await page.waitForFunction((id) => location.hash.includes(`chapter=${id}`), chapter.id);
}

describe('story mode, in English', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(browser, { hash: `chapter=${chapters[0].id}&lang=en` });
  });

  it('opens story mode at the chapter a link names, beside the map', async () => {
    await expectChapter(app.page, 0);
    const panel = app.page.getByTestId('story-panel');
    expect(await panel.locator('h2').textContent()).toBe(chapters[0].title.en);
    // Beside the map, not over it: the map ends where the panel begins.
    const [map, aside] = await Promise.all([app.page.getByTestId('map').boundingBox(), panel.boundingBox()]);
    expect(map!.x + map!.width).toBeLessThanOrEqual(aside!.x + 1);
    expect(await app.page.locator('.story-chapters a').count()).toBe(chapters.length);
    expect(await app.page.locator('.story-chapters a[aria-current="step"] [aria-hidden]').textContent()).toBe('1');
    expect(await app.page.getByTestId('story-button').getAttribute('aria-pressed')).toBe('true');
  });

  it('moves through every chapter with Right, Page Down and Space, and back with Left and Page Up; Home and End go to the ends', async () => {
    const { page } = app;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const forward = ['ArrowRight', 'PageDown', ' '];
    for (let i = 1; i < chapters.length; i++) {
      await page.keyboard.press(forward[i % forward.length]);
      await expectChapter(page, i);
    }
    await page.keyboard.press('ArrowRight'); // past the last: stays
    await waitForChapter(page, chapters.length);
    await page.keyboard.press('ArrowLeft');
    await expectChapter(page, chapters.length - 2);
    await page.keyboard.press('PageUp');
    await expectChapter(page, chapters.length - 3);
    await page.keyboard.press('Home');
    await expectChapter(page, 0);
    await page.keyboard.press('End');
    await expectChapter(page, chapters.length - 1);
    await page.keyboard.press('Home');
    await expectChapter(page, 0);
  });

  it('leaves the timeline slider its own keys while it has focus', async () => {
    const { page } = app;
    const slider = page.getByRole('slider');
    await slider.focus();
    const before = Number(await slider.getAttribute('aria-valuenow'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(Number(await slider.getAttribute('aria-valuenow'))).toBe(before + 2);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuetext')).toBe('31 December 2019');
    expect(await page.getByTestId('story-progress').textContent()).toBe(`1 / ${chapters.length}`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('PageDown');
    await expectChapter(page, 1);
  });

  it('moves with the buttons and the numbered links too', async () => {
    const { page } = app;
    await page.getByTestId('story-next').click();
    await expectChapter(page, 2);
    await page.getByTestId('story-previous').click();
    await expectChapter(page, 1);
    await page.locator('.story-chapters a', { hasText: String(chapters.length) }).click();
    await expectChapter(page, chapters.length - 1);
    expect(await page.getByTestId('story-next').isDisabled()).toBe(true);
  });

  it('eases the camera between chapters, and jumps when the reader prefers reduced motion', async () => {
    const { page } = app;
    // How long each camera move takes, from movestart to moveend: a jump is over at once.
    await page.evaluate(() => {
      const w = window as any;
      const map = w.__tripoliMap.map;
      map.on('movestart', () => (w.__moveStart = performance.now()));
      map.on('moveend', () => (w.__moveTime = performance.now() - w.__moveStart));
    });
    const moveTime = () => page.evaluate(() => (window as any).__moveTime as number);
    await page.keyboard.press('Home');
    await waitForChapter(page, 1);

    await page.keyboard.press('PageDown');
    await expectChapter(page, 1);
    expect(await moveTime(), 'the camera eases to the chapter').toBeGreaterThan(500);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.keyboard.press('PageDown');
    await expectChapter(page, 2);
    expect(await moveTime(), 'the camera jumps to the chapter').toBeLessThan(50);
    const center = await page.evaluate(() => (window as any).__tripoliMap.map.getCenter());
    expect(center.lng).toBeCloseTo(chapters[2].view.center[0], 3);
    expect(center.lat).toBeCloseTo(chapters[2].view.center[1], 3);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('presenter mode: full screen, large type, high contrast, and back', async () => {
    const { page } = app;
    await page.keyboard.press('End');
    await waitForChapter(page, chapters.length);
    await page.getByTestId('present-button').click();
    await page.waitForFunction(() => document.querySelector('.story-panel')?.classList.contains('presenting'));
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('app') ?? false);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.story-chapter p:not(.story-date)')!).fontSize));
    expect(size).toBeGreaterThanOrEqual(19);
    // The clicker still works in full screen.
    await page.keyboard.press('PageUp');
    await expectChapter(page, chapters.length - 2);
    await page.waitForTimeout(500); // the view is re-framed for the wider panel
    await waitForChapter(page, chapters.length - 1);
    await screenshot(page, 'presenter-en');
    await page.getByTestId('contrast-button').click();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.story-panel')!).backgroundColor)).toBe('rgb(0, 0, 0)');
    await idle(page);
    await screenshot(page, 'presenter-en-high-contrast');
    await page.getByTestId('contrast-button').click();
    await page.getByTestId('present-button').click();
    await page.waitForFunction(() => !document.fullscreenElement && !document.querySelector('.story-panel.presenting'));
  });

  it('saves a PNG of the map at the chosen size, with the map, a ring and the strikes drawn in', async () => {
    const { page } = app;
    await page.keyboard.press('End');
    await expectChapter(page, chapters.length - 1);
    await page.keyboard.press('ArrowLeft');
    await expectChapter(page, chapters.length - 2); // zero hour: strikes on Misrata and Msallata
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
    // No "Print a handout" first: only beforeprint prepares the page.
    const pdf = await page.pdf({ format: 'A4' });
    expectHandoutPdf(pdf, 400);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('story mode, in Arabic', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(browser, { hash: `chapter=${chapters[3].id}&lang=ar`, locale: 'ar-EG' });
  });

  it('reads right to left: Left is next, Right is previous', async () => {
    const { page } = app;
    await expectChapter(page, 3, 'ar-u-nu-latn');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The panel sits at the reading end: on the left.
    const [map, aside] = await Promise.all([page.getByTestId('map').boundingBox(), page.getByTestId('story-panel').boundingBox()]);
    expect(aside!.x + aside!.width).toBeLessThanOrEqual(map!.x + 1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowLeft');
    await expectChapter(page, 4, 'ar-u-nu-latn');
    await page.keyboard.press('ArrowRight');
    await expectChapter(page, 3, 'ar-u-nu-latn');
    await page.keyboard.press('PageDown');
    await expectChapter(page, 4, 'ar-u-nu-latn');
  });

  it('presents in Arabic', async () => {
    const { page } = app;
    await page.keyboard.press('End');
    await waitForChapter(page, chapters.length);
    await page.getByTestId('present-button').click();
    await page.waitForFunction(() => document.querySelector('.story-panel')?.classList.contains('presenting'));
    await page.waitForTimeout(500);
    await waitForChapter(page, chapters.length);
    await screenshot(page, 'presenter-ar');
    await page.keyboard.press('ArrowLeft'); // already the last chapter
    await waitForChapter(page, chapters.length);
    await page.keyboard.press('ArrowRight');
    await expectChapter(page, chapters.length - 2, 'ar-u-nu-latn');
    await screenshot(page, 'presenter-ar-zero-hour');
    await page.getByTestId('present-button').click();
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

  it('opens the first chapter for an unknown chapter id', async () => {
    const { page } = app;
    await page.evaluate(() => (location.hash = 'chapter=no-such-chapter&lang=ar'));
    await expectChapter(page, 0, 'ar-u-nu-latn');
  });
});

/** Decodes a PNG with the browser itself and counts pixels of the basemap's land and sea, of LNA strikes and of the ring. */
async function decodePng(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const near = (i: number, r: number, g: number, b: number, tolerance: number) =>
      Math.abs(data[i] - r) <= tolerance && Math.abs(data[i + 1] - g) <= tolerance && Math.abs(data[i + 2] - b) <= tolerance;
    let land = 0;
    let sea = 0;
    let strike = 0;
    let ring = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, 0xf4, 0xf1, 0xea, 3)) land++;
      else if (near(i, 0xc9, 0xdb, 0xe6, 3)) sea++;
      // #d55e00 at the strikes' opacity over land, or over a control area's tint.
      else if (data[i] > 190 && data[i + 1] > 80 && data[i + 1] < 140 && data[i + 2] < 80) strike++;
      else if (data[i] > 225 && data[i + 1] > 170 && data[i + 1] < 225 && data[i + 2] < 90) ring++;
    }
    return { width: canvas.width, height: canvas.height, land, sea, strike, ring };
  }, png.toString('base64'));
}

/** A real PDF, one or two pages, with the map as an image at least `minImageWidth` pixels wide. */
function expectHandoutPdf(pdf: Buffer, minImageWidth: number) {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const pages = text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(4);
  const widths = [...text.matchAll(/\/Subtype\s*\/Image[\s\S]{0,200}?\/Width\s+(\d+)|\/Width\s+(\d+)[\s\S]{0,200}?\/Subtype\s*\/Image/g)].map((m) => Number(m[1] ?? m[2]));
  expect(Math.max(0, ...widths)).toBeGreaterThanOrEqual(minImageWidth);
  expect(pdf.length).toBeGreaterThan(30_000);
}
