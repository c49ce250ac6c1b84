/**
 * `npm run bench`: builds the app (on the article's data and on synthetic data) and a bare baseline
 * page, serves them on 127.0.0.1, drives headless Chromium (software WebGL) and prints, then writes
 * to bench/results.json:
 *
 *   - first-load bytes: every file fetched until the map is first idle with all layers drawn, raw
 *     and gzip, split into the libraries (maplibre-gl with its worker and CSS, deck.gl, react) and
 *     our own (code, data, basemap, fonts; small libraries such as zod and zustand count as ours);
 *   - time to first idle: median of cold loads (a fresh browser context each) of the app and of the
 *     baseline (bench/baseline: the same basemap style, MapLibre and an empty deck.gl overlay);
 *   - scrub cost: time per timeline step with the article's data and with 10,000 and 100,000
 *     synthetic strikes and events (scripts/generate-events.ts);
 *   - JS heap after load and after scrubbing.
 *
 * Timings on this machine mean little on their own (two shared cores, software rendering): read the
 * ratios, which compare runs made in the same session. See docs/performance.md for the method.
 *
 * Options: --loads N (cold loads per page, default 7), --steps N (timeline steps, default 150),
 * --sizes 10000,100000 (synthetic sizes), --skip-build (reuse bench/.out).
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { build, type Plugin } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateStory } from './generate-events';

// ---------------------------------------------------------------------------------------------
// Options

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const LOADS = Math.max(5, Number(option('loads', '7')));
const STEPS = Math.max(120, Number(option('steps', '150')));
const SIZES = option('sizes', '10000,100000').split(',').map(Number).filter((n) => n > 1);
const SKIP_BUILD = args.includes('--skip-build');
const SYNTHETIC_LOADS = 3;
const VIEWPORT = { width: 1280, height: 800 };
const OUT = resolve('bench/.out');
const RESULTS = resolve('bench/results.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The scrub starts on the story's first day and moves one day per step. */
const SCRUB_FROM = '2019-04-01';
/**
 * Where the timed scrub looks: zoomed in on Tripoli. SwiftShader rasterises on the CPU, seconds a
 * frame with 100,000 points in view, which would make the bench take an hour; zoomed in, every point
 * still goes through the same JavaScript and the same draw calls, but few are rasterised. What is
 * timed is the main thread's work, which does not depend on the view.
 */
const SCRUB_VIEW = { center: [13.19, 32.89] as [number, number], zoom: 11 };
/** Steps timed at the opening view with rasterisation included, for the record (slow in software). */
const RASTER_STEPS = 10;

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

async function buildBaseline(outDir: string, shares: ChunkShares): Promise<void> {
  await build({
    configFile: false,
    root: resolve('bench/baseline'),
    base: './',
    publicDir: resolve('public'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
    plugins: [moduleInfo(shares)],
  });
}

// ---------------------------------------------------------------------------------------------
// Serving: a plain static server; hashed assets may be cached, as on any static host.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
};

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
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--enable-precise-memory-info',
    ],
  });
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
    let ready = !!(engine && engine.ready);
    if (ready && store) {
      const s = store.getState();
      const loads = s.config ? s.config.layers.map((l) => s.layers[l.id]) : [undefined];
      const failed = loads.find((l) => l && l.status === 'error');
      if (failed) return reject(new Error('a layer failed to load: ' + JSON.stringify(failed.problems).slice(0, 300)));
      ready = loads.every((l) => l && l.status === 'ready');
      if (ready && window.__benchLayersReady === undefined) window.__benchLayersReady = performance.now();
    } else if (ready && location.pathname.includes('/app')) ready = false;
    if (!ready) return void setTimeout(check, 4);
    engine.map.once('idle', () => resolve(performance.now()));
    engine.map.triggerRepaint();
  };
  check();
});`;

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
  options: { locale?: string; keep?: boolean; timeout?: number } = {},
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
  const { origin, layersReady } = (await page.evaluate('({ origin: performance.timeOrigin, layersReady: window.__benchLayersReady ?? null })')) as {
    origin: number;
    layersReady: number | null;
  };
  await page.waitForTimeout(300); // let late requests (those after idle) show up
  const heapMB = await heapUsed(page);
  const idleAt = origin + idleMs;
  const network = fetched.filter((f) => !f.url.startsWith('data:') && !f.url.startsWith('blob:'));
  const before = network.filter((f) => f.start <= idleAt).map((f) => f.url);
  const after = network.filter((f) => f.start > idleAt).map((f) => f.url);
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

/** Steps the timeline one day at a time through the store; returns per-step times in ms. */
async function scrub(page: Page, fromDay: number, steps: number): Promise<{ update: number[]; pixels: number[] }> {
  return (await page.evaluate(`(async (from, count) => {
    const store = window.__tripoliStore;
    const map = window.__tripoliMap.map;
    const gl = map.painter.context.gl;
    const pixel = new Uint8Array(4);
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const update = [];
    const pixels = [];
    const warmUp = 5;
    for (let i = 0; i < count + warmUp; i++) {
      // Two frames between steps: the browser settles, nothing of the last step is pending.
      await frame();
      await frame();
      const t0 = performance.now();
      store.getState().setDay(from + i);
      // Subscribers ran synchronously (the map's layers were rebuilt and handed to deck.gl);
      // React re-renders the timeline in a microtask, which runs before this continuation.
      await Promise.resolve();
      map.redraw(); // MapLibre and the interleaved deck.gl layers draw the new day, synchronously
      const t1 = performance.now();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel); // waits until the frame is rasterised
      const t2 = performance.now();
      if (i >= warmUp) {
        update.push(t1 - t0);
        pixels.push(t2 - t0);
      }
    }
    return { update, pixels };
  })(${fromDay}, ${steps})`)) as { update: number[]; pixels: number[] };
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
    synthetic: Object.fromEntries(SIZES.map((n) => [n, join(OUT, `app-${n}`)])) as Record<number, string>,
  };
  const sharesFile = join(OUT, 'chunk-shares.json');
  if (SKIP_BUILD && existsSync(sharesFile)) {
    const saved = JSON.parse(readFileSync(sharesFile, 'utf8'));
    Object.assign(appShares, saved.app);
    Object.assign(baselineShares, saved.baseline);
  } else {
    log('building the app, the baseline and the synthetic stories…');
    await buildApp(dirs.app, resolve('data'), appShares);
    await buildBaseline(dirs.baseline, baselineShares);
    for (const n of SIZES) {
      const dataDir = join(OUT, `data-${n}`);
      const generated = generateStory(n, dataDir);
      log(`  synthetic story: ${generated.events} events + ${generated.strikes} strikes, ${(generated.bytes / 1e6).toFixed(1)} MB`);
      await buildApp(dirs.synthetic[n], dataDir);
    }
    writeFileSync(sharesFile, JSON.stringify({ app: appShares, baseline: baselineShares }));
  }

  const { url: origin, server } = await serve(OUT);
  const urlOf = (dir: string) => `${origin}${relative(OUT, dir)}/`;
  const browser = await launch();
  try {
    // --- time to first idle, cold, app and baseline interleaved so that noise hits both alike
    log(`\ncold loads: ${LOADS} of the app and ${LOADS} of the baseline (plus one warm-up each)…`);
    const appRuns: LoadResult[] = [];
    const baseRuns: LoadResult[] = [];
    for (let i = -1; i < LOADS; i++) {
      const base = await coldLoad(browser, urlOf(dirs.baseline));
      const app = await coldLoad(browser, urlOf(dirs.app));
      if (i < 0) continue;
      baseRuns.push(base);
      appRuns.push(app);
      log(`  run ${i + 1}: app ${ms(app.idleMs)} ms, baseline ${ms(base.idleMs)} ms`);
    }
    const arabic = await coldLoad(browser, `${urlOf(dirs.app)}#lang=ar`);

    const appBytes = accountBytes(appRuns[0].fetchedBeforeIdle, urlOf(dirs.app), dirs.app, appShares);
    const arBytes = accountBytes(arabic.fetchedBeforeIdle, urlOf(dirs.app), dirs.app, appShares);
    const baseBytes = accountBytes(baseRuns[0].fetchedBeforeIdle, urlOf(dirs.baseline), dirs.baseline, baselineShares);

    // --- scrubbing and memory
    const scrubs: Record<
      string,
      { update: number[]; pixels: number[]; openingPixels: number[]; heapAfterLoadMB: number; heapAfterScrubMB: number; features: number }
    > = {};
    const loadsBySize: Record<string, { idleMs: number[]; layersReadyMs: number[] }> = {};
    const fromDay = Math.floor(Date.parse(SCRUB_FROM) / 86_400_000);
    const runScrub = async (name: string, dir: string, loads: number) => {
      const idle: number[] = [];
      const layers: number[] = [];
      let last: Awaited<ReturnType<typeof coldLoad>> | null = null;
      for (let i = 0; i < loads; i++) {
        if (last) await last.context.close();
        last = await coldLoad(browser, urlOf(dir), { keep: true });
        idle.push(last.idleMs);
        if (last.layersReadyMs !== null) layers.push(last.layersReadyMs);
      }
      loadsBySize[name] = { idleMs: idle, layersReadyMs: layers };
      const page = last!.page;
      const features = (await page.evaluate(
        `Object.values(window.__tripoliStore.getState().layers).reduce((n, l) => n + (l.status === 'ready' ? l.features.length : 0), 0)`,
      )) as number;
      log(`  ${name}: ${features} features, first idle ${ms(median(idle))} ms; ${RASTER_STEPS} steps at the opening view…`);
      const opening = await scrub(page, fromDay, RASTER_STEPS);
      await page.evaluate(`window.__tripoliMap.map.jumpTo(${JSON.stringify(SCRUB_VIEW)}); window.__tripoliMap.whenIdle()`);
      log(`  ${name}: scrubbing ${STEPS} steps…`);
      const result = await scrub(page, fromDay, STEPS);
      const heapAfterScrubMB = await heapUsed(page);
      scrubs[name] = { ...result, openingPixels: opening.pixels, heapAfterLoadMB: last!.heapMB, heapAfterScrubMB, features };
      await last!.context.close();
    };
    log('\nscrubbing…');
    await runScrub('article', dirs.app, 1);
    for (const n of SIZES) await runScrub(String(n), dirs.synthetic[n], SYNTHETIC_LOADS);

    // --- report
    const appIdle = median(appRuns.map((r) => r.idleMs));
    const baseIdle = median(baseRuns.map((r) => r.idleMs));
    const appTotals = totals(appBytes);
    const arTotals = totals(arBytes);
    const baseTotals = totals(baseBytes);
    const articleStep = median(scrubs.article.update);
    const articlePixels = median(scrubs.article.pixels);
    const biggest = SIZES.length ? String(Math.max(...SIZES)) : 'article';

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
    for (const u of appRuns[0].fetchedBeforeIdle) log(`  ${u.slice(urlOf(dirs.app).length) || 'index.html'}`);
    if (appRuns[0].fetchedAfterIdle.length) log(`after first idle: ${appRuns[0].fetchedAfterIdle.map((u) => u.slice(urlOf(dirs.app).length)).join(', ')}`);
    if (arabic.fetchedBeforeIdle.length !== appRuns[0].fetchedBeforeIdle.length)
      log(`Arabic adds: ${arabic.fetchedBeforeIdle.filter((u) => !appRuns[0].fetchedBeforeIdle.includes(u)).map((u) => u.slice(urlOf(dirs.app).length)).join(', ') || 'nothing'}; drops: ${appRuns[0].fetchedBeforeIdle.filter((u) => !arabic.fetchedBeforeIdle.includes(u)).map((u) => u.slice(urlOf(dirs.app).length)).join(', ') || 'nothing'}`);

    log('\ntime to first idle (ms, cold loads, median)');
    table([
      ['', 'median', 'min', 'max', 'ratio'],
      ['baseline', ms(baseIdle), ms(Math.min(...baseRuns.map((r) => r.idleMs))), ms(Math.max(...baseRuns.map((r) => r.idleMs))), '1.00'],
      ['app (article data)', ms(appIdle), ms(Math.min(...appRuns.map((r) => r.idleMs))), ms(Math.max(...appRuns.map((r) => r.idleMs))), ratio(appIdle, baseIdle).toFixed(2)],
      ...SIZES.map((n) => {
        const l = loadsBySize[String(n)].idleMs;
        return [`app, ${n} synthetic`, ms(median(l)), ms(Math.min(...l)), ms(Math.max(...l)), ratio(median(l), baseIdle).toFixed(2)];
      }),
    ]);

    log(`\nscrub cost per timeline step (ms, ${STEPS} steps at zoom ${SCRUB_VIEW.zoom}): store change -> frame drawn (main thread)`);
    log(`"+raster": also waiting for SwiftShader to rasterise it; "opening view": the same, ${RASTER_STEPS} steps at the opening view`);
    const articleOpening = median(scrubs.article.openingPixels);
    table([
      ['', 'features', 'median', 'p95', 'ratio', '+raster median', '+raster p95', 'ratio', 'opening view', 'ratio', 'heap after load MB', 'after scrub MB'],
      ...Object.entries(scrubs).map(([name, s]) => [
        name,
        s.features,
        ms(median(s.update)),
        ms(quantile(s.update, 0.95)),
        ratio(median(s.update), articleStep).toFixed(2),
        ms(median(s.pixels)),
        ms(quantile(s.pixels, 0.95)),
        ratio(median(s.pixels), articlePixels).toFixed(2),
        ms(median(s.openingPixels)),
        ratio(median(s.openingPixels), articleOpening).toFixed(2),
        s.heapAfterLoadMB.toFixed(1),
        s.heapAfterScrubMB.toFixed(1),
      ]),
    ]);

    const targets = {
      ownBytesGzipKB: { value: round(appTotals.own.gzip / 1024), limit: 150, pass: appTotals.own.gzip / 1024 <= 150 },
      ownBytesGzipKBArabic: { value: round(arTotals.own.gzip / 1024), limit: 150, pass: arTotals.own.gzip / 1024 <= 150 },
      firstIdleRatio: { value: ratio(appIdle, baseIdle), limit: 1.15, pass: appIdle / baseIdle <= 1.15 },
      scrubStepRatio: {
        value: ratio(median(scrubs[biggest].update), articleStep),
        limit: 1.5,
        pass: median(scrubs[biggest].update) / articleStep <= 1.5,
        size: Number(biggest),
      },
    };
    log('\ntargets');
    table([
      ['', 'value', 'limit', 'result'],
      ['own first-load bytes, gzip KB (English)', targets.ownBytesGzipKB.value, targets.ownBytesGzipKB.limit, targets.ownBytesGzipKB.pass ? 'pass' : 'FAIL'],
      ['own first-load bytes, gzip KB (Arabic)', targets.ownBytesGzipKBArabic.value, targets.ownBytesGzipKBArabic.limit, targets.ownBytesGzipKBArabic.pass ? 'pass' : 'FAIL'],
      ['time to first idle / baseline', targets.firstIdleRatio.value, targets.firstIdleRatio.limit, targets.firstIdleRatio.pass ? 'pass' : 'FAIL'],
      [`scrub step at ${biggest} / article`, targets.scrubStepRatio.value, targets.scrubStepRatio.limit, targets.scrubStepRatio.pass ? 'pass' : 'FAIL'],
    ]);

    const kbOf = (b: Record<Category, Bytes>) =>
      Object.fromEntries(Object.entries(b).map(([k, v]) => [k, { rawKB: round(v.raw / 1024), gzipKB: round(v.gzip / 1024) }]));
    const totalsKB = (t: ReturnType<typeof totals>) =>
      Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { rawKB: round(v.raw / 1024), gzipKB: round(v.gzip / 1024) }]));
    const results = {
      date: new Date().toISOString(),
      machine: { chromium: browser.version(), renderer: 'SwiftShader (software WebGL)', viewport: VIEWPORT, device: 'none (no GPU)' },
      options: { loads: LOADS, steps: STEPS, sizes: SIZES },
      firstLoadBytes: {
        app: { byCategory: kbOf(appBytes), totals: totalsKB(appTotals), files: appRuns[0].fetchedBeforeIdle.map((u) => u.slice(urlOf(dirs.app).length)) },
        appArabic: { byCategory: kbOf(arBytes), totals: totalsKB(arTotals), files: arabic.fetchedBeforeIdle.map((u) => u.slice(urlOf(dirs.app).length)) },
        baseline: { byCategory: kbOf(baseBytes), totals: totalsKB(baseTotals) },
        fetchedAfterIdle: appRuns[0].fetchedAfterIdle.map((u) => u.slice(urlOf(dirs.app).length)),
      },
      timeToFirstIdleMs: {
        baseline: baseRuns.map((r) => round(r.idleMs)),
        app: appRuns.map((r) => round(r.idleMs)),
        appLayersReady: appRuns.map((r) => (r.layersReadyMs === null ? null : round(r.layersReadyMs))),
        medianBaseline: round(baseIdle),
        medianApp: round(appIdle),
        ratio: ratio(appIdle, baseIdle),
        synthetic: Object.fromEntries(
          Object.entries(loadsBySize).map(([k, v]) => [k, { idleMs: v.idleMs.map((x) => round(x)), layersReadyMs: v.layersReadyMs.map((x) => round(x)), ratioToBaseline: ratio(median(v.idleMs), baseIdle) }]),
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
            withRasterMedian: round(median(s.pixels), 2),
            withRasterP95: round(quantile(s.pixels, 0.95), 2),
            withRasterRatioToArticle: ratio(median(s.pixels), articlePixels),
            openingViewWithRasterMedian: round(median(s.openingPixels), 2),
            openingViewWithRasterRatioToArticle: ratio(median(s.openingPixels), articleOpening),
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
