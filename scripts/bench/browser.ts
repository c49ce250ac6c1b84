/** Measuring the built pages in Chromium: cold loads, heap, scrubbing. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/browser/chromium';
import { canMeasureCpu, cpuBetween, snapshot, type CpuUse } from './cpu';
import { GPU, GPU_ARGS, RASTER_STEPS, SOFTWARE_ONLY, STEP_PAUSE_MS, VIEWPORT, WARM_UP_STEPS } from './options';

export async function launch(): Promise<Browser> {
  const rendering = GPU
    ? [...CHROMIUM_ARGS.filter((a) => !SOFTWARE_ONLY.includes(a)), ...(process.env.BENCH_GPU_ARGS?.split(/\s+/).filter(Boolean) ?? GPU_ARGS)]
    : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args: [...rendering, '--enable-precise-memory-info'] });
}

/** The renderer behind the page's WebGL2, as the driver names it (SwiftShader, a GPU's model…). */
export async function rendererOf(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  })()`)) as string;
}

/**
 * Installed before any page script: resolves `__benchIdle` with performance.now() at the first map
 * `idle` after the map has drawn once and (in the app) every layer of the story has loaded. Both the
 * app and the baseline wait for one more frame the same way, so the comparison stays fair.
 * (Page scripts are plain strings: tsx would otherwise wrap functions in helpers the page lacks.)
 */
const IDLE_PROBE = `
window.__benchIdle = new Promise((resolve, reject) => {
  const check = () => {
    const engine = window.__tripoliMap;
    const store = window.__tripoliStore;
    let layersReady = !location.pathname.includes('/app');
    if (store) {
      const s = store.getState();
      const loads = s.config ? s.config.layers.map((l) => s.layers[l.id]) : [undefined];
      const failed = loads.find((l) => l && l.status === 'error');
      if (failed) return reject(new Error('a layer failed to load: ' + JSON.stringify(failed.problems).slice(0, 300)));
      layersReady = loads.every((l) => l && l.status === 'ready');
      if (layersReady && window.__benchLayersReady === undefined) window.__benchLayersReady = performance.now();
    }
    const ready = !!(engine && engine.ready) && layersReady;
    if (!ready) return void setTimeout(check, 4);
    engine.map.once('idle', () => resolve(performance.now()));
    engine.map.triggerRepaint();
  };
  check();
});`;

/** Set by the app (src/features/map/MapView.tsx) when the map is first idle with every layer drawn. */
const FIRST_VIEW_MARK = 'tripoli-map:first-view';

interface Fetched {
  url: string;
  /** Milliseconds since the epoch, as performance.timeOrigin + performance.now() in the page. */
  start: number;
}

export interface LoadResult {
  idleMs: number;
  layersReadyMs: number | null;
  fetchedBeforeIdle: string[];
  fetchedAfterIdle: string[];
  heapMB: number;
  /** CPU time of the browser's processes from navigation to first idle (null without /proc). */
  cpu: CpuUse | null;
}

export async function coldLoad(
  browser: Browser,
  url: string,
  options: { locale?: string; keep?: boolean } = {},
): Promise<LoadResult & { context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: options.locale ?? 'en-GB', deviceScaleFactor: 1 });
  const page = await context.newPage();
  // Every request, from the page and its workers (MapLibre's worker fetches the basemap).
  const fetched: Fetched[] = [];
  context.on('requestfinished', (request) => fetched.push({ url: request.url(), start: request.timing().startTime }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(IDLE_PROBE);
  const measureCpu = canMeasureCpu();
  const cpuBefore = measureCpu ? snapshot() : null;
  await page.goto(url);
  let idleMs: number;
  let cpu: CpuUse | null = null;
  try {
    idleMs = await page.evaluate('window.__benchIdle');
    if (cpuBefore) cpu = cpuBetween(cpuBefore, snapshot());
  } catch (error) {
    throw new Error(`${url}: ${(error as Error).message}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
  }
  const { origin, layersReady, firstView } = (await page.evaluate(
    `({ origin: performance.timeOrigin, layersReady: window.__benchLayersReady ?? null,
        firstView: performance.getEntriesByName('${FIRST_VIEW_MARK}')[0]?.startTime ?? null })`,
  )) as { origin: number; layersReady: number | null; firstView: number | null };
  await page.waitForTimeout(300); // let late requests (those after idle) show up
  const heapMB = await heapUsed(page);
  // The bytes of the first load: what starts before the map's first idle with every layer drawn.
  // The app marks that moment itself; the probe's idle comes one forced frame later, time enough
  // for the app to start what it deliberately leaves until after the first view (the chapters file).
  const firstLoadEnd = origin + (firstView ?? idleMs);
  const network = fetched.filter((f) => !f.url.startsWith('data:') && !f.url.startsWith('blob:'));
  const before = network.filter((f) => f.start <= firstLoadEnd).map((f) => f.url);
  const after = network.filter((f) => f.start > firstLoadEnd).map((f) => f.url);
  if (!options.keep) await context.close();
  return {
    idleMs,
    layersReadyMs: layersReady,
    fetchedBeforeIdle: [...new Set(before)],
    fetchedAfterIdle: [...new Set(after)].filter((u) => !before.includes(u)),
    heapMB,
    cpu,
    context,
    page,
  };
}

export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return used / 1048576;
}

export interface ScrubTimes {
  /** Main thread: store change -> React and deck.gl updated -> frame drawn (commands issued), ms. */
  update: number[];
  /** The same, plus waiting until the GPU (SwiftShader) has rasterised the frame, ms. */
  raster: number[];
}

/**
 * Steps the timeline one day at a time through the store, at the view the page opened on.
 *
 * A step is timed from the store's day change to the end of a synchronous `map.redraw()`: the
 * store's subscribers rebuild the deck.gl layers, React re-renders the timeline (a microtask, which
 * runs before the redraw), then MapLibre draws the basemap and the interleaved deck.gl layers.
 * That is the main thread's whole share of a step. The GPU's share is not waited for: SwiftShader
 * rasterises on the CPU, 1.5 to 2 s a frame with 100,000 points, which no GPU comes near and which
 * would make the bench take hours. WebGL calls return without waiting for it; RASTER_STEPS steps
 * first are timed with `readPixels` as well, which does wait, for the record (and, on a GPU, for
 * the frames per second: one step, drawn and finished, is one frame).
 */
export async function scrub(page: Page, fromDay: number, steps: number): Promise<ScrubTimes> {
  return (await page.evaluate(`(async (from, count, rasterSteps, warmUp, pauseMs) => {
    const store = window.__tripoliStore;
    const map = window.__tripoliMap.map;
    const gl = map.painter.context.gl;
    const pixel = new Uint8Array(4);
    const drain = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const pause = () => new Promise((r) => setTimeout(r, pauseMs));
    const step = async (day) => {
      store.getState().setDay(day);
      await Promise.resolve(); // React's re-render runs in the microtask queued before this one
      map.redraw();
    };
    let day = from;
    const raster = [];
    drain();
    for (let i = 0; i < rasterSteps; i++) {
      await frame();
      const t0 = performance.now();
      await step(day++);
      drain();
      raster.push(performance.now() - t0);
    }
    const update = [];
    for (let i = 0; i < count + warmUp; i++) {
      await pause();
      const t0 = performance.now();
      await step(day++);
      if (i >= warmUp) update.push(performance.now() - t0);
    }
    return { update, raster };
  })(${fromDay}, ${steps}, ${RASTER_STEPS}, ${WARM_UP_STEPS}, ${STEP_PAUSE_MS})`)) as ScrubTimes;
}
