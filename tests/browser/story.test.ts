/**
 * Story mode in the built app: chapter links, keyboard and clicker keys in both reading directions,
 * rings around each chapter's features, presenter mode. Saving, printing and downloading are in
 * export.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { idle, useBrowser, openApp, screenshot, type AppPage } from './harness';
import { chapters, expectChapter, waitForChapter } from './story-helpers';

let browser: Browser;
useBrowser((launched) => (browser = launched));

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

  it('opens the first chapter for an unknown chapter id', async () => {
    const { page } = app;
    await page.evaluate(() => (location.hash = 'chapter=no-such-chapter&lang=ar'));
    await expectChapter(page, 0, 'ar-u-nu-latn');
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

