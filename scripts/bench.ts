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
 *     of one more reference: the baseline plus the story's layers without the app
 *     (bench/story-layers), the part of the ratio that drawing the story costs this browser;
 *     beside it, where Linux's /proc allows, the CPU time every process of the browser spent on
 *     each of those loads (scripts/bench/cpu.ts), by process: the work behind the wall-clock time;
 *   - scrub cost: time per timeline step with the article's data and with 10,000 and 100,000
 *     synthetic strikes and events (scripts/generate-events.ts);
 *   - JS heap after load and after scrubbing.
 *
 * Timings on this machine mean little on their own (two shared cores, software rendering): read the
 * ratios, which compare runs made in the same session. docs/performance.md explains the method.
 *
 * Options: --loads N (cold loads per page, at least 5, default 9), --steps N (timeline steps, default 150),
 * --sizes 10000,100000 (synthetic sizes, or "none"), --skip-build (reuse bench/.out), --build-only,
 * --raster-steps N (steps that wait for the frame's pixels, default 2), --gpu (render on the
 * machine's GPU instead of SwiftShader: Chromium's flags for it come from BENCH_GPU_ARGS, or
 * GPU_ARGS in scripts/bench/options.ts; the renderer WebGL reports is printed and recorded, so
 * a silent fall-back to software shows). CHROMIUM_PATH names another Chromium
 * (tests/browser/chromium.ts). scripts/gpu-bench/ packs all this for a GPU machine that has no
 * Node, Chromium or network. The parts live in scripts/bench/: options, building, the browser
 * (serving, cold loads, scrubbing), CPU time, byte accounting and the report's helpers.
 */
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateStory } from './generate-events';
import { CHROMIUM } from '../tests/browser/chromium';
import { startServer } from '../tests/browser/server';
import { buildApp, buildReference, type ChunkShares } from './bench/build';
import { coldLoad, heapUsed, launch, rendererOf, scrub, type LoadResult, type ScrubTimes } from './bench/browser';
import { accountBytes, LIBRARY, totals, type Bytes, type Category } from './bench/bytes';
import { cpuSummary, logCpu } from './bench/cpuSummary';
import { roundOrder } from './bench/order';
import { kb, log, median, ms, quantile, ratio, round, table } from './bench/report';
import {
  BUILD_ONLY, GPU, LOADS, OUT, RASTER_STEPS, RESULTS, SCRUB_FROM, SIZES, SKIP_BUILD, STEPS, SYNTHETIC_LOADS, VIEWPORT,
} from './bench/options';

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

  // A static server; hashed assets may be cached, as on any static host.
  const server = await startServer(OUT, 0, { cacheAssets: true });
  const origin = server.url;
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
    // --- time to first idle, cold: the baseline, the app, the app with its story layers hidden, the
    // story layers without the app (which together tell the cost of drawing the story from the
    // rest), interleaved so that noise hits all alike, in an order that changes from round to round
    // (scripts/bench/order.ts) so that no page always follows the same one.
    const pages = [
      { key: 'baseline', label: 'baseline', url: urlOf(dirs.baseline) },
      { key: 'app', label: 'app (article data)', url: urlOf(dirs.app) },
      { key: 'appStoryLayersHidden', label: 'app, story layers hidden (#layers=)', url: `${urlOf(dirs.app)}#layers=` },
      { key: 'storyLayersWithoutApp', label: 'baseline + story layers, no app (bench/story-layers)', url: urlOf(dirs.storyLayers) },
    ] as const;
    log(`\ncold loads: ${LOADS} each of ${pages.map((p) => p.label).join('; ')} (plus a warm-up)…`);
    const runs = Object.fromEntries(pages.map((p) => [p.key, [] as LoadResult[]])) as Record<(typeof pages)[number]['key'], LoadResult[]>;
    for (let i = -1; i < LOADS; i++) {
      const results: LoadResult[] = [];
      for (const n of roundOrder(Math.max(i, 0), pages.length)) results[n] = await coldLoad(browser, pages[n].url);
      if (i < 0) continue;
      pages.forEach((page, n) => runs[page.key].push(results[n]));
      log(`  run ${i + 1}: ${pages.map((page, n) => `${page.key} ${ms(results[n].idleMs)} ms`).join(', ')}`);
    }
    const { baseline: baseRuns, app: appRuns } = runs;
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
    const idleOf = (key: keyof typeof runs) => median(runs[key].map((r) => r.idleMs));
    const storyLayersIdle = idleOf('storyLayersWithoutApp');
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
    // Each round loads every page once, back to back: a page's load over the baseline's of the same
    // round cancels what the machine was doing that round (the target stays the ratio of medians).
    const paired = (key: keyof typeof runs) => runs[key].map((r, i) => r.idleMs / baseRuns[i].idleMs);
    const pairedText = (xs: number[]) => `${ratio(median(xs), 1).toFixed(2)} (${ratio(Math.min(...xs), 1).toFixed(2)}–${ratio(Math.max(...xs), 1).toFixed(2)})`;
    log('\ntime to first idle (ms from navigation; cold loads)');
    table([
      ['', 'loads', 'median', 'min', 'max', 'ratio', 'paired ratios: median (range)'],
      ...pages.map((page) => [page.label, runs[page.key].length, ...spread(runs[page.key].map((r) => r.idleMs)), page.key === 'baseline' ? '' : pairedText(paired(page.key))]),
      ...Object.entries(loadsBySize).map(([n, l]) => [`app, ${n} synthetic`, l.idleMs.length, ...spread(l.idleMs), '']),
    ]);
    const cpu = cpuSummary(pages, runs);
    if (cpu) logCpu(pages, cpu);
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
        `the app's ratio cannot fall below that; the app over that page: ${ratio(appIdle, storyLayersIdle).toFixed(2)} x.`,
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
        ...Object.fromEntries(pages.map((page) => [page.key, runs[page.key].map((r) => round(r.idleMs))])),
        appLayersLoaded: appRuns.map((r) => (r.layersReadyMs === null ? null : round(r.layersReadyMs))),
        medians: Object.fromEntries(pages.map((page) => [page.key, round(idleOf(page.key))])),
        ratios: Object.fromEntries(pages.map((page) => [page.key, ratio(idleOf(page.key), baseIdle)])),
        ratio: ratio(appIdle, baseIdle),
        pairedRatios: Object.fromEntries(pages.map((page) => [page.key, paired(page.key).map((x) => ratio(x, 1))])),
        cpuMs: cpu ?? 'not measured (no /proc)',
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
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
