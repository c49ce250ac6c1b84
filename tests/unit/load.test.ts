/**
 * Loading one layer with a fake fetcher: each way a file can be broken costs that layer only, with a
 * problem that names the file (and the feature and field where there is one); features that are
 * wrong on their own (outside the map, outside the story, a second use of an id) are left out and
 * reported while the rest of the layer loads.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStoryDir } from '../../scripts/check-data';
import { fetchJson, loadLayer, withoutDuplicateIds, type Fetcher, type LayerLoad } from '../../src/data/load';
import { formatProblem, parseConfig, parseLayer } from '../../src/data/validate';
import { isMiswound } from '../../src/data/geometry';
import type { StoryFeature } from '../../src/data/schema';
import { STRIKE_PROPERTIES } from './fixtures';

const config = parseConfig('config.json', JSON.parse(readFileSync('data/config.json', 'utf8'))).config!;
const BASE = 'https://maps.test/data/';

const strike = (id: string, props: Record<string, unknown> = {}, coordinates: unknown = [15.09, 32.37]) => ({
  type: 'Feature',
  geometry: coordinates === null ? null : { type: 'Point', coordinates },
  properties: {
    id,
    ...STRIKE_PROPERTIES,
    ...props,
  },
});
const area = (id: string, rings: number[][][]) => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: rings },
  properties: {
    id,
    kind: 'control-area',
    side: 'gna',
    title: { ar: 'منطقة', en: 'An area' },
    summary: { ar: 'ملخص', en: 'Summary' },
    start: '2019-04-04',
    datePrecision: 'day',
    confidence: 'estimated',
    sources: { article: [3] },
  },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** Serves one body per file name; anything else is a 404. */
function fakeFetcher(files: Record<string, string | ((init?: { signal?: AbortSignal }) => Promise<Response>)>): Fetcher & { urls: string[] } {
  const urls: string[] = [];
  const fetcher = async (url: string, init?: { signal?: AbortSignal }) => {
    urls.push(url);
    const name = url.slice(BASE.length);
    const file = files[name];
    if (file === undefined) return new Response('not found', { status: 404 });
    if (typeof file === 'function') return file(init);
    return new Response(file, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return Object.assign(fetcher, { urls });
}

const load = (files: Parameters<typeof fakeFetcher>[0], options?: Parameters<typeof loadLayer>[4]) =>
  loadLayer(fakeFetcher(files), BASE, config, 'strikes', options);
const problemsOf = (result: LayerLoad) => (result.status === 'error' ? result.problems.map(formatProblem) : []);
const noticesOf = (result: LayerLoad) => (result.status === 'ready' ? (result.notices ?? []).map(formatProblem) : []);
const idsOf = (result: LayerLoad) => (result.status === 'ready' ? result.features.map((f) => f.properties.id) : []);

describe('loading a layer: what costs the layer', () => {
  it('a missing file (404) names the file and the status', async () => {
    const result = await load({});
    expect(result.status).toBe('error');
    expect(problemsOf(result)).toEqual([
      'strikes.geojson: could not be fetched (HTTP 404) (hint: is the file missing, or misnamed in config.json layers?)',
    ]);
  });

  it('a network failure names the file', async () => {
    const result = await loadLayer(async () => Promise.reject(new TypeError('Failed to fetch')), BASE, config, 'strikes');
    expect(problemsOf(result)).toEqual(['strikes.geojson: could not be fetched (Failed to fetch)']);
  });

  it('invalid JSON names the file', async () => {
    const result = await load({ 'strikes.geojson': '{"type": "FeatureCollection", "features": [' });
    expect(problemsOf(result)[0]).toMatch(/^strikes\.geojson: is not valid JSON \(/);
  });

  it('a wrong type names file, feature and field', async () => {
    const result = await load({ 'strikes.geojson': JSON.stringify(collection(strike('strike-a', { count: 'sixteen' }))) });
    expect(problemsOf(result)[0]).toMatch(/^strikes\.geojson, feature "strike-a", field "count": .*\(hint: write the number without quotes\)$/);
  });

  it('an unknown kind names the field and the kinds the layer takes', async () => {
    const result = await load({ 'strikes.geojson': JSON.stringify(collection(strike('strike-a', { kind: 'rumour' }))) });
    expect(problemsOf(result)).toEqual([expect.stringMatching(/^strikes\.geojson, feature "strike-a", field "kind": .*strike/)]);
  });

  it('a file declared larger than the limit is refused before its body is read', async () => {
    let pulled = false;
    const body = new ReadableStream({
      pull(controller) {
        pulled = true;
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
      },
    }, { highWaterMark: 0 }); // pulled only when read
    const result = await load(
      { 'strikes.geojson': async () => new Response(body, { status: 200, headers: { 'Content-Length': '6000' } }) },
      { maxBytes: 5000 },
    );
    expect(problemsOf(result)).toEqual(['strikes.geojson: is larger than 5000 bytes (hint: split the layer, or leave out features)']);
    expect(pulled).toBe(false);
  });

  it('a file that grows past the limit while it streams in is cut off', async () => {
    const features = Array.from({ length: 40 }, (_, i) => strike(`strike-${i}`));
    const text = JSON.stringify(collection(...features));
    expect(text.length).toBeGreaterThan(5000);
    // No Content-Length: the size only shows as the body arrives.
    const chunks = text.match(/[\s\S]{1,1000}/g)!;
    const body = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(new TextEncoder().encode(next));
        else controller.close();
      },
    });
    const result = await load({ 'strikes.geojson': async () => new Response(body) }, { maxBytes: 5000 });
    expect(problemsOf(result)).toEqual(['strikes.geojson: is larger than 5000 bytes (hint: split the layer, or leave out features)']);
    expect(chunks.length).toBeGreaterThan(0); // stopped before the end
    // Under the limit, the same file loads.
    const fine = await load({ 'strikes.geojson': text }, { maxBytes: text.length * 4 });
    expect(fine.status).toBe('ready');
  });

  it('a file that never arrives times out with a retry hint, and the request is aborted', async () => {
    let aborted = false;
    const never = (init?: { signal?: AbortSignal }) =>
      new Promise<Response>(() => init?.signal?.addEventListener('abort', () => (aborted = true)));
    const result = await load({ 'strikes.geojson': never }, { timeoutMs: 50 });
    expect(problemsOf(result)).toEqual(['strikes.geojson: did not arrive within 0 s (hint: the connection may be slow: retry)']);
    expect(aborted).toBe(true);
  });

  it('a slow file inside the time limit loads', async () => {
    const text = JSON.stringify(collection(strike('strike-a')));
    const slow = () => new Promise<Response>((done) => setTimeout(() => done(new Response(text)), 80));
    const result = await load({ 'strikes.geojson': slow }, { timeoutMs: 5000 });
    expect(idsOf(result)).toEqual(['strike-a']);
  });

  it('fetchJson asks for the file under the base URL', async () => {
    const fetcher = fakeFetcher({ 'x.json': '{"a": 1}' });
    expect(await fetchJson(fetcher, `${BASE}x.json`, 'x.json')).toEqual({ a: 1 });
    expect(fetcher.urls).toEqual([`${BASE}x.json`]);
  });
});

describe('loading a layer: what costs one feature', () => {
  it('swapped longitude and latitude: that feature is left out and reported, the rest loads', async () => {
    const result = await load({
      'strikes.geojson': JSON.stringify(collection(strike('strike-a'), strike('strike-swapped', {}, [32.37, 15.09]), strike('strike-b'))),
    });
    expect(result.status).toBe('ready');
    expect(idsOf(result)).toEqual(['strike-a', 'strike-b']);
    expect(noticesOf(result)).toEqual([
      expect.stringMatching(/^strikes\.geojson, feature "strike-swapped", field "geometry": point 32\.37,15\.09 is outside .*lon\/lat swapped\?/),
    ]);
  });

  it('a date outside the story: that feature is left out and reported', async () => {
    const result = await load({ 'strikes.geojson': JSON.stringify(collection(strike('strike-a'), strike('strike-old', { start: '2012-01-01' }))) });
    expect(idsOf(result)).toEqual(['strike-a']);
    expect(noticesOf(result)).toEqual([expect.stringMatching(/feature "strike-old", field "start": 2012-01-01 is outside the story/)]);
  });

  it('a second feature with the same id in one file is left out, naming the file', async () => {
    const result = await load({ 'strikes.geojson': JSON.stringify(collection(strike('strike-a'), strike('strike-a', { count: 2 }))) });
    expect(result.status === 'ready' && result.features.map((f) => (f.properties as { count?: number }).count)).toEqual([undefined]);
    expect(noticesOf(result)).toEqual([
      'strikes.geojson, feature "strike-a", field "id": duplicate id: also used in strikes.geojson (hint: give every feature its own id)',
    ]);
  });

  it('an id already used by another layer is left out of the later layer, naming both files', async () => {
    const result = await load({ 'strikes.geojson': JSON.stringify(collection(strike('strike-a'), strike('shared-id'))) });
    const events = parseLayer('events.geojson', 'strikes', collection(strike('shared-id'))).features as StoryFeature[];
    const checked = withoutDuplicateIds(result, 'strikes.geojson', [{ file: 'events.geojson', features: events }]);
    expect(idsOf(checked)).toEqual(['strike-a']);
    expect(noticesOf(checked)).toEqual([
      'strikes.geojson, feature "shared-id", field "id": duplicate id: also used in events.geojson (hint: give every feature its own id)',
    ]);
    // Nothing shared: the load is handed back as it was.
    expect(withoutDuplicateIds(result, 'strikes.geojson', [])).toBe(result);
  });

  it('features without geometry are skipped and counted', async () => {
    const result = await load({ 'strikes.geojson': JSON.stringify(collection(strike('strike-a'), strike('strike-nowhere', {}, null))) });
    expect(result.status === 'ready' && result.skippedNullGeometry).toBe(1);
    expect(idsOf(result)).toEqual(['strike-a']);
  });

  it('a problem that is about the feature as a whole still costs the layer', async () => {
    const result = await load({ 'strikes.geojson': JSON.stringify(collection(strike('strike-a', { attacker: 'martians' }))) });
    expect(problemsOf(result)).toEqual([expect.stringMatching(/field "attacker": unknown actor "martians"/)]);
  });
});

describe('polygons are repaired, not rejected', () => {
  // A square south of Tripoli, clockwise (wrong for an outer ring) and left open.
  const clockwiseOpen = [
    [13.0, 32.6],
    [13.0, 32.7],
    [13.1, 32.7],
    [13.1, 32.6],
  ];

  it('closes an open ring', () => {
    const triangle = [
      [13.0, 32.6],
      [13.1, 32.6],
      [13.05, 32.7],
    ];
    const result = parseLayer('control-areas.geojson', 'control-areas', collection(area('control-a', [triangle])));
    expect(result.problems).toEqual([]);
    const ring = (result.features[0].geometry.coordinates as number[][][])[0];
    expect(ring).toHaveLength(4);
    expect(ring[3]).toEqual(ring[0]);
    expect(result.fixedGeometry).toBe(1);
  });

  it('winds the outer ring counter-clockwise and holes clockwise', () => {
    const hole = [
      [13.04, 32.64],
      [13.06, 32.64],
      [13.06, 32.66],
      [13.04, 32.66],
      [13.04, 32.64],
    ]; // counter-clockwise: wrong for a hole
    const raw = area('control-a', [[...clockwiseOpen, clockwiseOpen[0]], hole]);
    expect(isMiswound(raw.geometry)).toBe(true);
    const result = parseLayer('control-areas.geojson', 'control-areas', collection(raw));
    const geometry = result.features[0].geometry as { type: string; coordinates: number[][][] };
    expect(isMiswound(geometry)).toBe(false);
    expect(result.fixedGeometry).toBe(1);
    // Same shape: the outer ring holds the same corners, reversed.
    expect(new Set(geometry.coordinates[0].map((p) => p.join()))).toEqual(new Set(clockwiseOpen.map((p) => p.join())));
    // The input is left as it was.
    expect(raw.geometry.coordinates[0][1]).toEqual([13.0, 32.7]);
  });

  it('leaves well-formed polygons alone and uncounted, and still refuses a ring of two points', () => {
    const shipped = JSON.parse(readFileSync('data/control-areas.geojson', 'utf8'));
    const result = parseLayer('control-areas.geojson', 'control-areas', shipped);
    expect(result.problems).toEqual([]);
    expect(result.fixedGeometry).toBe(0);
    const two = parseLayer('c', 'control-areas', collection(area('control-a', [[[13, 32.6], [13.1, 32.6]]])));
    expect(two.problems.map((p) => p.field)).toContain('geometry.coordinates.0');
  });

  it('check:data accepts a repaired polygon, with a warning to fix the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repaired-'));
    try {
      cpSync('data', dir, { recursive: true });
      const areas = JSON.parse(readFileSync(join(dir, 'control-areas.geojson'), 'utf8'));
      areas.features[0].geometry.coordinates[0] = areas.features[0].geometry.coordinates[0].slice(0, -1).reverse();
      writeFileSync(join(dir, 'control-areas.geojson'), JSON.stringify(areas));
      const result = checkStoryDir(dir);
      expect(result.problems).toEqual([]);
      expect(result.warnings).toContainEqual('1 polygon(s) had a ring left open or wound the wrong way: fixed on load, but better fixed in the file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
