/**
 * What the reliability browser tests share (reliability.test.ts, data-faults.test.ts): places on
 * the map, a page that records its errors, and data files rewritten on their way to the page.
 */
import type { Browser, BrowserContext, Frame, Page, Route } from 'playwright-core';

export const MISRATA = [15.0925, 32.3754] as const;
export const MITIGA = [13.276, 32.8941] as const;
/** Inside the GNA-held Tripoli area (control-tripoli-gna). */
export const TRIPOLI = [13.19, 32.86] as const;
export const HOST = 'publisher.test';

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors, except the network failures a test provokes on purpose. */
  errors: string[];
}

export async function newPage(b: Browser, options: { width?: number; height?: number } = {}): Promise<Watched> {
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
export async function rewrite(page: Page, file: string, edit: (body: any) => any) {
  await page.route(`**/data/${file}`, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: edit(body) ?? body });
  });
}

/** Whether the map's canvas fills its container exactly, its width, and any sideways overflow of the page. */
export const canvasFits = (page: Page | Frame) =>
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

export const storeState = (page: Page | Frame, expression: string) => page.evaluate(`(() => { const s = window.__tripoliStore.getState(); return ${expression}; })()`);
