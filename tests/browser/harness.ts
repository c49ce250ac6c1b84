/**
 * Drives the built app in Debian's Chromium with software WebGL (SwiftShader), and exposes what the
 * map actually drew: deck.gl picking and MapLibre's rendered features.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

export { CHROMIUM };
export const SCREENSHOT_DIR = 'screenshots';

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** One Chromium for a test file: launched before its tests (handed to `use`), closed after them. */
export function useBrowser(use: (browser: Browser) => void, extraArgs: string[] = []): void {
  let browser: Browser | undefined;
  beforeAll(async () => use((browser = await launch(extraArgs))));
  afterAll(async () => {
    await browser?.close();
  });
}

export interface AppPage {
  page: Page;
  errors: string[];
  foreignRequests: string[];
}

export function appUrl(hash = ''): string {
  return `${inject('baseUrl')}${hash ? `#${hash.replace(/^#/, '')}` : ''}`;
}

export async function openApp(
  browser: Browser,
  options: { hash?: string; width?: number; height?: number; locale?: string; waitForMap?: boolean } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? 'en-GB',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(inject('baseUrl')).origin;
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.goto(appUrl(options.hash));
  if (options.waitForMap !== false) await waitForMap(page);
  return { page, errors, foreignRequests };
}

/** Waits until the map exists, every layer has loaded, and the map has drawn them. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as any).__tripoliMap?.ready === true, null, { timeout: 60_000 });
  await idle(page);
}

export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).__tripoliMap.whenIdle());
}

export async function pickAt(page: Page, lng: number, lat: number, radius = 6): Promise<string[]> {
  return page.evaluate(([x, y, r]) => (window as any).__tripoliMap.pickIdsAt(x, y, r), [lng, lat, radius] as const);
}

export async function screenPoint(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([x, y]) => {
    const engine = (window as any).__tripoliMap;
    const p = engine.map.project([x, y]);
    const rect = engine.map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, [lng, lat] as const);
}

/** The map canvas's pixels (RGBA, row by row) within `half` pixels of a place, as the reader sees them. */
export async function mapPixelsAround(page: Page, lng: number, lat: number, half: number): Promise<number[]> {
  return page.evaluate(([x, y, h]) => {
    const engine = (window as any).__tripoliMap;
    const map = engine.map;
    const p = map.project([x, y]);
    const canvas = map.getCanvas() as HTMLCanvasElement;
    const scale = canvas.width / canvas.clientWidth;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    // The drawing buffer is not preserved: drawn and read in one task, as the app's export does.
    engine.drawNow(() => ctx.drawImage(canvas, 0, 0));
    const size = Math.max(1, Math.round(2 * h * scale));
    return Array.from(ctx.getImageData(Math.round((p.x - h) * scale), Math.round((p.y - h) * scale), size, size).data);
  }, [lng, lat, half] as const);
}

/** Moves the timeline with the keyboard, as a reader would, and waits for the map to redraw. */
export async function setDateByKeys(page: Page, keys: string[]): Promise<void> {
  const slider = page.getByRole('slider');
  await slider.focus();
  for (const key of keys) await slider.press(key);
  await idle(page);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}
