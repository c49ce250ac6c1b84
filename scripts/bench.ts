/**
 * `npm run bench`: builds the app (on the article's data and on synthetic data) and a bare baseline
 * page, serves them on 127.0.0.1, drives headless Chromium (software WebGL) and prints, then writes
 * to bench/results.json:
 *
 *   - first-load bytes: every file fetched until the map is first idle with all layers drawn, raw
 *     and gzip, split into the libraries (maplibre-gl with its worker and CSS, deck.gl, react) and
 *     our own (code, data, basemap, fonts; small libraries such as zod and zustand count as ours);
 *   - time to first idle: median of cold loads (a fresh browser context each) of the app and of the
 *     baseline (bench/baseline: the same basemap style, MapLibre and an empty deck.gl overlay), and
 *     of a second reference, the baseline plus the story's deck.gl layers without the app
 *     (bench/story-layers): the part of the ratio that drawing the story costs this browser;
 *   - scrub cost: time per timeline step with the article's data and with 10,000 and 100,000
 *     synthetic strikes and events (scripts/generate-events.ts);
 *   - JS heap after load and after scrubbing.
 *
 * Timings on this machine mean little on their own (two shared cores, software rendering): read the
 * ratios, which compare runs made in the same session. docs/performance.md explains the method.
 *
 * Options: --loads N (cold loads per page, default 5), --steps N (timeline steps, default 150),
 * --sizes 10000,100000 (synthetic sizes, or "none"), --skip-build (reuse bench/.out), --build-only,
 * --raster-steps N (steps that wait for the frame's pixels, default 2), --gpu (render on the
 * machine's GPU instead of SwiftShader: Chromium's flags for it come from BENCH_GPU_ARGS, or
 * GPU_ARGS below; the renderer WebGL reports is printed and recorded, so a silent fall-back to
 * software shows). CHROMIUM_PATH names another Chromium (tests/browser/chromium.ts).
 * scripts/gpu-bench/ packs all this for a GPU machine that has no Node, Chromium or network.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Plugin } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateStory } from './generate-events';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/chromium';
import { TYPES } from '../tests/browser/server';

// ---------------------------------------------------------------------------------------------
// Options

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const LOADS = Math.max(5, Number(option('loads', '5')));
const STEPS = Math.max(120, Number(option('steps', '150')));
const SIZES = option('sizes', '10000,100000').split(',').map(Number).filter((n) => n > 1);
const SKIP_BUILD = args.includes('--skip-build');
const BUILD_ONLY = args.includes('--build-only');
const GPU = args.includes('--gpu');
/** ANGLE on Vulkan, Chromium's usual GPU path on Linux; scripts/gpu-bench/run.sh searches among others. */
const GPU_ARGS = ['--use-angle=vulkan', '--enable-features=Vulkan', '--ignore-gpu-blocklist', '--disable-vulkan-surface'];
const SOFTWARE_ONLY = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
/** Timed cold loads of each synthetic story but the biggest, which is timed once (it is slow). */
const SYNTHETIC_LOADS = 2;
const VIEWPORT = { width: 1280, height: 800 };
const OUT = resolve('bench/.out');
const RESULTS = resolve('bench/results.json');
/** The scrub starts on the story's first day and moves one day per step. */
const SCRUB_FROM = '2019-04-01';
/** Untimed steps before the timed ones, so that one-off work (first index builds, JIT) is left out. */
const WARM_UP_STEPS = 5;
/** Pause between timed steps, in which the page and the browser catch up. */
const STEP_PAUSE_MS = 20;
/** Steps timed with the rasterisation of their frame included: slow in software, so few by default. */
const RASTER_STEPS = Math.max(1, Number(option('raster-steps', '2')));

// ---------------------------------------------------------------------------------------------
// Building

type Group = 'maplibre-gl' | 'deck.gl' | 'react' | 'other libraries' | 'own code';
/** Per built JS file: the share of its rendered code that each group accounts for. */
type ChunkShares = Record<string, Partial<Record<Group, number>>>;

function groupOf(moduleId: string): Group {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(moduleId.replace(/\\/g, '/'));
  if (!match) return 'own code';
  const pkg = match[1];
  if (pkg === 'maplibre-gl' || pkg.startsWith('@maplibre/')) return 'maplibre-gl';
  // deck.gl is built on luma.gl, math.gl, loaders.gl, probe.gl and mjolnir: all of it ships with deck.
  if (/^@(deck\.gl|luma\.gl|math\.gl|loaders\.gl|probe\.gl)\//.test(pkg) || pkg === 'mjolnir.js' || pkg === 'gl-matrix') return 'deck.gl';
  if (pkg === 'react' || pkg === 'react-dom' || pkg === 'scheduler') return 'react';
  return 'other libraries';
}

/** Records, for every chunk, how much of its rendered code comes from each group (rollup module info). */
function moduleInfo(into: ChunkShares): Plugin {
  return {
    name: 'bench-module-info',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        const lengths: Partial<Record<Group, number>> = {};
        let total = 0;
        for (const [id, info] of Object.entries(item.modules)) {
          const group = groupOf(id);
          lengths[group] = (lengths[group] ?? 0) + info.renderedLength;
          total += info.renderedLength;
        }
        for (const group of Object.keys(lengths) as Group[]) lengths[group] = total ? lengths[group]! / total : 0;
        into[item.fileName] = total ? lengths : { 'own code': 1 };
      }
    },
  };
}

async function buildApp(outDir: string, dataDir: string, shares?: ChunkShares): Promise<void> {
  // Imported here so that a run on built pages (--skip-build) needs no vite, e.g. on a GPU machine.
  const { build } = await import('vite');
  process.env.STORY_DATA_DIR = dataDir;
  try {
    await build({
      configFile: resolve('vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
      plugins: shares ? [moduleInfo(shares)] : [],
    });
  } finally {
    delete process.env.STORY_DATA_DIR;
  }
}

/** A reference page of the bench's own (bench/baseline, bench/story-layers), built without the app's config. */
async function buildReference(page: string, outDir: string, shares: ChunkShares): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: resolve('bench', page),
    base: './',
    publicDir: resolve('public'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
    plugins: [moduleInfo(shares)],
  });
}

// ---------------------------------------------------------------------------------------------
// Serving: a plain static server; hashed assets may be cached, as on any static host.


async function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      const cache = file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}

// ---------------------------------------------------------------------------------------------
// The browser

async function launch(): Promise<Browser> {
  const rendering = GPU
    ? [...CHROMIUM_ARGS.filter((a) => !SOFTWARE_ONLY.includes(a)), ...(process.env.BENCH_GPU_ARGS?.split(/\s+/).filter(Boolean) ?? GPU_ARGS)]
    : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args: [...rendering, '--enable-precise-memory-info'] });
}

/** The renderer behind the page's WebGL2, as the driver names it (SwiftShader, a GPU's model…). */
async function rendererOf(page: Page): Promise<string> {
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

interface LoadResult {
  idleMs: number;
  layersReadyMs: number | null;
  fetchedBeforeIdle: string[];
  fetchedAfterIdle: string[];
  heapMB: number;
}

async function coldLoad(
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
  await page.goto(url);
  let idleMs: number;
  try {
    idleMs = await page.evaluate('window.__benchIdle');
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
    context,
    page,
  };
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return used / 1048576;
}

interface ScrubTimes {
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
 * rasterises on the CPU, about 7 s a frame with 100,000 points, which no GPU comes near and which
 * would make the bench take hours. WebGL calls return without waiting for it; RASTER_STEPS steps
 * first are timed with `readPixels` as well, which does wait, for the record (and, on a GPU, for
 * the frames per second: one step, drawn and finished, is one frame).
 */
async function scrub(page: Page, fromDay: number, steps: number): Promise<ScrubTimes> {
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

// ---------------------------------------------------------------------------------------------
// Bytes

interface Bytes {
  raw: number;
  gzip: number;
}
type Category = Group | 'css' | 'data' | 'basemap' | 'fonts' | 'html';
const LIBRARY: Record<Category, boolean> = {
  'maplibre-gl': true,
  'deck.gl': true,
  react: true,
  'other libraries': false,
  'own code': false,
  css: false,
  data: false,
  basemap: false,
  fonts: false,
  html: false,
};

const gzipCache = new Map<string, Bytes>();
function sizeOf(file: string): Bytes {
  let size = gzipCache.get(file);
  if (!size) {
    const body = readFileSync(file);
    size = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    gzipCache.set(file, size);
  }
  return size;
}

/** maplibre-gl.css is bundled into our CSS file; its own (already minified) size is its share. */
const MAPLIBRE_CSS = sizeOf(resolve('node_modules/maplibre-gl/dist/maplibre-gl.css'));

function accountBytes(urls: string[], base: string, root: string, shares: ChunkShares): Record<Category, Bytes> {
  const out = Object.fromEntries(Object.keys(LIBRARY).map((k) => [k, { raw: 0, gzip: 0 }])) as Record<Category, Bytes>;
  const add = (category: Category, bytes: Bytes, share = 1) => {
    out[category].raw += bytes.raw * share;
    out[category].gzip += bytes.gzip * share;
  };
  for (const url of urls) {
    if (!url.startsWith(base)) continue;
    let path = decodeURIComponent(new URL(url).pathname).slice(new URL(base).pathname.length);
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!existsSync(file)) continue;
    const bytes = sizeOf(file);
    if (path.startsWith('data/')) add('data', bytes);
    else if (path.startsWith('basemap/')) add('basemap', bytes);
    else if (/\.woff2?$/.test(path)) add('fonts', bytes);
    else if (/maplibre-gl-worker.*\.mjs$/.test(path)) add('maplibre-gl', bytes);
    else if (path.endsWith('.css')) {
      const hasMapLibre = readFileSync(file, 'utf8').includes('.maplibregl-map');
      const mapShare = hasMapLibre ? Math.min(1, MAPLIBRE_CSS.raw / bytes.raw) : 0;
      const mapGzip = hasMapLibre ? Math.min(bytes.gzip, MAPLIBRE_CSS.gzip) : 0;
      out['maplibre-gl'].raw += bytes.raw * mapShare;
      out['maplibre-gl'].gzip += mapGzip;
      out.css.raw += bytes.raw * (1 - mapShare);
      out.css.gzip += bytes.gzip - mapGzip;
    } else if (path.endsWith('.js') || path.endsWith('.mjs')) {
      const chunk = shares[path] ?? { 'own code': 1 };
      for (const [group, share] of Object.entries(chunk) as [Group, number][]) add(group, bytes, share);
    } else add('html', bytes);
  }
  return out;
}

function totals(bytes: Record<Category, Bytes>) {
  const sum = (pick: (c: Category) => boolean) =>
    (Object.keys(bytes) as Category[]).filter(pick).reduce((s, c) => ({ raw: s.raw + bytes[c].raw, gzip: s.gzip + bytes[c].gzip }), { raw: 0, gzip: 0 });
  return { libraries: sum((c) => LIBRARY[c]), own: sum((c) => !LIBRARY[c]), all: sum(() => true) };
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const kb = (n: number) => (n / 1024).toFixed(1);
const ms = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const log = (...parts: unknown[]) => console.log(...parts);

function table(rows: (string | number)[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const [n, row] of rows.entries()) {
    log(row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '));
    if (n === 0) log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  mkdirSync(OUT, { recursive: true });
  const appShares: ChunkShares = {};
  const baselineShares: ChunkShares = {};
  const dirs = {
    app: join(OUT, 'app'),
    baseline: join(OUT, 'baseline'),
    storyLayers: join(OUT, 'story-layers'),
    synthetic: Object.fromEntries(SIZES.map((n) => [n, join(OUT, `app-${n}`)])) as Record<number, string>,
  };
  const sharesFile = join(OUT, 'chunk-shares.json');
  if (SKIP_BUILD && existsSync(sharesFile)) {
    const saved = JSON.parse(readFileSync(sharesFile, 'utf8'));
    Object.assign(appShares, saved.app);
    Object.assign(baselineShares, saved.baseline);
  } else {
    log('building the app, the reference pages and the synthetic stories…');
    await buildApp(dirs.app, resolve('data'), appShares);
    await buildReference('baseline', dirs.baseline, baselineShares);
    await buildReference('story-layers', dirs.storyLayers, {});
    for (const n of SIZES) {
      const dataDir = join(OUT, `data-${n}`);
      const generated = generateStory(n, dataDir);
      log(`  synthetic story: ${generated.events} events + ${generated.strikes} strikes, ${(generated.bytes / 1e6).toFixed(1)} MB`);
      await buildApp(dirs.synthetic[n], dataDir);
    }
    writeFileSync(sharesFile, JSON.stringify({ app: appShares, baseline: baselineShares }));
  }
  if (BUILD_ONLY) return log(`built in ${relative(process.cwd(), OUT)}`);

  const { url: origin, server } = await serve(OUT);
  const urlOf = (dir: string) => `${origin}${relative(OUT, dir)}/`;
  const rel = (dir: string) => (url: string) => url.slice(urlOf(dir).length) || 'index.html';
  let browser = await launch();
  let renderer = '?';
  try {
    {
      const probe = await browser.newPage();
      renderer = await rendererOf(probe);
      await probe.close();
      log(`\nChromium ${browser.version()}, WebGL renderer: ${renderer}`);
      if (renderer === 'no WebGL2') throw new Error(`Chromium (${CHROMIUM}) gives no WebGL2 with these flags: nothing to measure`);
      if (GPU && /swiftshader|llvmpipe|software/i.test(renderer)) log('  --gpu was asked for but WebGL renders in software: check BENCH_GPU_ARGS');
    }
    // --- time to first idle, cold: baseline, app, the app with its story layers hidden and the
    // story layers without the app (which together tell the cost of drawing the story from the
    // rest), interleaved so that noise hits all alike.
    log(`\ncold loads: ${LOADS} each of the baseline, the app, the app with its story layers hidden and the story layers without the app (plus a warm-up)…`);
    const baseRuns: LoadResult[] = [];
    const appRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    const storyLayerRuns: LoadResult[] = [];
    for (let i = -1; i < LOADS; i++) {
      const base = await coldLoad(browser, urlOf(dirs.baseline));
      const app = await coldLoad(browser, urlOf(dirs.app));
      const bare = await coldLoad(browser, `${urlOf(dirs.app)}#layers=`);
      const storyLayers = await coldLoad(browser, urlOf(dirs.storyLayers));
      if (i < 0) continue;
      baseRuns.push(base);
      appRuns.push(app);
      bareRuns.push(bare);
      storyLayerRuns.push(storyLayers);
      log(`  run ${i + 1}: baseline ${ms(base.idleMs)} ms, app ${ms(app.idleMs)} ms, app without story layers ${ms(bare.idleMs)} ms, story layers without the app ${ms(storyLayers.idleMs)} ms`);
    }
    const arabic = await coldLoad(browser, `${urlOf(dirs.app)}#lang=ar`);

    const appBytes = accountBytes(appRuns[0].fetchedBeforeIdle, urlOf(dirs.app), dirs.app, appShares);
    const arBytes = accountBytes(arabic.fetchedBeforeIdle, urlOf(dirs.app), dirs.app, appShares);
    const baseBytes = accountBytes(baseRuns[0].fetchedBeforeIdle, urlOf(dirs.baseline), dirs.baseline, baselineShares);

    // --- synthetic stories, timed like the app
    const loadsBySize: Record<string, { idleMs: number[]; layersReadyMs: number[] }> = {};
    log('\nsynthetic stories: cold loads…');
    for (const n of SIZES) {
      const entry = (loadsBySize[String(n)] = { idleMs: [] as number[], layersReadyMs: [] as number[] });
      for (let i = 0; i < (n === Math.max(...SIZES) ? 1 : SYNTHETIC_LOADS); i++) {
        const run = await coldLoad(browser, urlOf(dirs.synthetic[n]));
        entry.idleMs.push(run.idleMs);
        if (run.layersReadyMs !== null) entry.layersReadyMs.push(run.layersReadyMs);
        log(`  ${n}: first idle ${ms(run.idleMs)} ms, every layer loaded and checked at ${run.layersReadyMs === null ? '?' : ms(run.layersReadyMs)} ms`);
      }
    }
    await browser.close();

    // --- scrubbing, each story in a browser of its own: SwiftShader keeps rasterising the frames a
    // scrub queued (hours of them with 100,000 points) after its page has closed, and only closing
    // the browser stops it, so that it cannot slow whatever is measured next.
    const fromDay = Math.floor(Date.parse(SCRUB_FROM) / 86_400_000);
    type Scrub = ScrubTimes & { features: number; heapAfterLoadMB: number; heapAfterScrubMB: number };
    const scrubs: Record<string, Scrub> = {};
    log('\nscrubbing…');
    for (const [name, dir] of [['article', dirs.app], ...SIZES.map((n) => [String(n), dirs.synthetic[n]])] as [string, string][]) {
      browser = await launch();
      const loaded = await coldLoad(browser, urlOf(dir), { keep: true });
      const features = (await loaded.page.evaluate(
        `Object.values(window.__tripoliStore.getState().layers).reduce((n, l) => n + (l.status === 'ready' ? l.features.length : 0), 0)`,
      )) as number;
      log(`  ${name}: ${features} features; ${RASTER_STEPS} steps waiting for the pixels, then ${STEPS} steps…`);
      const times = await scrub(loaded.page, fromDay, STEPS);
      const heapAfterScrubMB = await heapUsed(loaded.page);
      scrubs[name] = { ...times, features, heapAfterLoadMB: loaded.heapMB, heapAfterScrubMB };
      await browser.close();
    }

    // --- report
    const baseIdle = median(baseRuns.map((r) => r.idleMs));
    const appIdle = median(appRuns.map((r) => r.idleMs));
    const bareIdle = median(bareRuns.map((r) => r.idleMs));
    const storyLayersIdle = median(storyLayerRuns.map((r) => r.idleMs));
    const appTotals = totals(appBytes);
    const arTotals = totals(arBytes);
    const baseTotals = totals(baseBytes);
    const articleStep = median(scrubs.article.update);
    const articleRaster = median(scrubs.article.raster);
    const biggestName = SIZES.length ? String(Math.max(...SIZES)) : 'article';

    log('\nfirst-load bytes (KB; everything fetched until the map is first idle with all layers drawn)');
    const cats = Object.keys(LIBRARY) as Category[];
    table([
      ['', 'app en raw', 'app en gzip', 'app ar gzip', 'baseline gzip'],
      ...cats.map((c) => [`${LIBRARY[c] ? 'library' : 'own'}: ${c}`, kb(appBytes[c].raw), kb(appBytes[c].gzip), kb(arBytes[c].gzip), kb(baseBytes[c].gzip)]),
      ['libraries', kb(appTotals.libraries.raw), kb(appTotals.libraries.gzip), kb(arTotals.libraries.gzip), kb(baseTotals.libraries.gzip)],
      ['own (over the libraries)', kb(appTotals.own.raw), kb(appTotals.own.gzip), kb(arTotals.own.gzip), kb(baseTotals.own.gzip)],
      ['total', kb(appTotals.all.raw), kb(appTotals.all.gzip), kb(arTotals.all.gzip), kb(baseTotals.all.gzip)],
    ]);
    log('\nfiles fetched before first idle (app, English):');
    for (const u of appRuns[0].fetchedBeforeIdle) log(`  ${rel(dirs.app)(u)}`);
    log(`after first idle: ${appRuns[0].fetchedAfterIdle.map(rel(dirs.app)).join(', ') || 'nothing'}`);
    const arAdds = arabic.fetchedBeforeIdle.filter((u) => !appRuns[0].fetchedBeforeIdle.includes(u)).map(rel(dirs.app));
    const arDrops = appRuns[0].fetchedBeforeIdle.filter((u) => !arabic.fetchedBeforeIdle.includes(u)).map(rel(dirs.app));
    log(`in Arabic, also: ${arAdds.join(', ') || 'nothing'}; not: ${arDrops.join(', ') || 'nothing'}`);

    const spread = (xs: number[]) => [ms(median(xs)), ms(Math.min(...xs)), ms(Math.max(...xs)), ratio(median(xs), baseIdle).toFixed(2)];
    log('\ntime to first idle (ms from navigation; cold loads)');
    table([
      ['', 'loads', 'median', 'min', 'max', 'ratio'],
      ['baseline', baseRuns.length, ...spread(baseRuns.map((r) => r.idleMs))],
      ['app (article data)', appRuns.length, ...spread(appRuns.map((r) => r.idleMs))],
      ['app, story layers hidden (#layers=)', bareRuns.length, ...spread(bareRuns.map((r) => r.idleMs))],
      ['baseline + story layers, no app (bench/story-layers)', storyLayerRuns.length, ...spread(storyLayerRuns.map((r) => r.idleMs))],
      ...Object.entries(loadsBySize).map(([n, l]) => [`app, ${n} synthetic`, l.idleMs.length, ...spread(l.idleMs)]),
    ]);
    log('every layer loaded and checked (ms from navigation, median): ' +
      [`article ${ms(median(appRuns.map((r) => r.layersReadyMs ?? NaN)))}`, ...Object.entries(loadsBySize).map(([n, l]) => `${n} ${ms(median(l.layersReadyMs))}`)].join(', '));

    log(`\nscrub cost per timeline step (ms; ${STEPS} steps of one day from ${SCRUB_FROM}, store change -> frame drawn, main thread)`);
    log(`"+raster": ${RASTER_STEPS} steps that also wait until the renderer (${renderer}) has finished the frame; frames/s = 1000 / their median`);
    table([
      ['', 'features', 'median', 'p95', 'ratio', '+raster median', 'ratio', 'frames/s', 'heap after load MB', 'after scrub MB'],
      ...Object.entries(scrubs).map(([name, s]) => [
        name,
        s.features,
        ms(median(s.update)),
        ms(quantile(s.update, 0.95)),
        ratio(median(s.update), articleStep).toFixed(2),
        ms(median(s.raster)),
        ratio(median(s.raster), articleRaster).toFixed(2),
        (1000 / median(s.raster)).toFixed(1),
        s.heapAfterLoadMB.toFixed(1),
        s.heapAfterScrubMB.toFixed(1),
      ]),
    ]);

    const targets = {
      ownBytesGzipKB: { value: round(appTotals.own.gzip / 1024), limit: 150, pass: appTotals.own.gzip / 1024 <= 150 },
      ownBytesGzipKBArabic: { value: round(arTotals.own.gzip / 1024), limit: 150, pass: arTotals.own.gzip / 1024 <= 150 },
      firstIdleRatio: { value: ratio(appIdle, baseIdle), limit: 1.15, pass: appIdle / baseIdle <= 1.15 },
      scrubStepRatio: {
        value: ratio(median(scrubs[biggestName].update), articleStep),
        limit: 1.5,
        pass: median(scrubs[biggestName].update) / articleStep <= 1.5,
        size: biggestName,
      },
    };
    log('\ntargets');
    const verdict = (t: { pass: boolean }) => (t.pass ? 'pass' : 'FAIL');
    table([
      ['', 'value', 'limit', 'result'],
      ['own first-load bytes, gzip KB (English)', targets.ownBytesGzipKB.value, targets.ownBytesGzipKB.limit, verdict(targets.ownBytesGzipKB)],
      ['own first-load bytes, gzip KB (Arabic)', targets.ownBytesGzipKBArabic.value, targets.ownBytesGzipKBArabic.limit, verdict(targets.ownBytesGzipKBArabic)],
      ['time to first idle / baseline', targets.firstIdleRatio.value, targets.firstIdleRatio.limit, verdict(targets.firstIdleRatio)],
      [`scrub step at ${biggestName} / article`, targets.scrubStepRatio.value, targets.scrubStepRatio.limit, verdict(targets.scrubStepRatio)],
    ]);
    log(
      `the story layers alone (bench/story-layers) take ${ratio(storyLayersIdle, baseIdle).toFixed(2)} x the baseline to first idle in this browser: ` +
        `the app's ratio cannot fall below that; the app over that page: ${ratio(appIdle, storyLayersIdle).toFixed(2)} x`,
    );

    const kbOf = (b: Record<string, Bytes>) =>
      Object.fromEntries(Object.entries(b).map(([k, v]) => [k, { rawKB: round(v.raw / 1024), gzipKB: round(v.gzip / 1024) }]));
    const results = {
      date: new Date().toISOString(),
      machine: { chromium: browser.version(), renderer, gpuRequested: GPU, viewport: VIEWPORT },
      options: { loads: LOADS, steps: STEPS, sizes: SIZES, scrubFrom: SCRUB_FROM, rasterSteps: RASTER_STEPS },
      firstLoadBytes: {
        app: { byCategory: kbOf(appBytes), totals: kbOf(appTotals), files: appRuns[0].fetchedBeforeIdle.map(rel(dirs.app)) },
        appArabic: { byCategory: kbOf(arBytes), totals: kbOf(arTotals), files: arabic.fetchedBeforeIdle.map(rel(dirs.app)) },
        baseline: { byCategory: kbOf(baseBytes), totals: kbOf(baseTotals), files: baseRuns[0].fetchedBeforeIdle.map(rel(dirs.baseline)) },
        fetchedAfterIdle: appRuns[0].fetchedAfterIdle.map(rel(dirs.app)),
      },
      timeToFirstIdleMs: {
        baseline: baseRuns.map((r) => round(r.idleMs)),
        app: appRuns.map((r) => round(r.idleMs)),
        appStoryLayersHidden: bareRuns.map((r) => round(r.idleMs)),
        storyLayersWithoutApp: storyLayerRuns.map((r) => round(r.idleMs)),
        appLayersLoaded: appRuns.map((r) => (r.layersReadyMs === null ? null : round(r.layersReadyMs))),
        medianBaseline: round(baseIdle),
        medianApp: round(appIdle),
        medianAppStoryLayersHidden: round(bareIdle),
        medianStoryLayersWithoutApp: round(storyLayersIdle),
        ratio: ratio(appIdle, baseIdle),
        ratioStoryLayersHidden: ratio(bareIdle, baseIdle),
        ratioStoryLayersWithoutApp: ratio(storyLayersIdle, baseIdle),
        synthetic: Object.fromEntries(
          Object.entries(loadsBySize).map(([k, v]) => [
            k,
            { idleMs: v.idleMs.map((x) => round(x)), layersLoadedMs: v.layersReadyMs.map((x) => round(x)), ratioToBaseline: ratio(median(v.idleMs), baseIdle) },
          ]),
        ),
      },
      scrubMs: Object.fromEntries(
        Object.entries(scrubs).map(([name, s]) => [
          name,
          {
            features: s.features,
            steps: s.update.length,
            median: round(median(s.update), 2),
            p95: round(quantile(s.update, 0.95), 2),
            ratioToArticle: ratio(median(s.update), articleStep),
            withRasterSteps: s.raster.map((x) => round(x)),
            withRasterMedian: round(median(s.raster)),
            withRasterRatioToArticle: ratio(median(s.raster), articleRaster),
            framesPerSecond: round(1000 / median(s.raster)),
          },
        ]),
      ),
      heapMB: Object.fromEntries(Object.entries(scrubs).map(([name, s]) => [name, { afterLoad: round(s.heapAfterLoadMB), afterScrub: round(s.heapAfterScrubMB) }])),
      targets,
      benchSeconds: round((performance.now() - started) / 1000),
    };
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    log(`\nwrote ${relative(process.cwd(), RESULTS)} in ${results.benchSeconds} s`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
