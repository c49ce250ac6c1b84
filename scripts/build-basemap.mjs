/**
 * `node scripts/build-basemap.mjs` (or `npm run basemap`): builds the offline basemap in
 * public/basemap/ from Natural Earth 10m data in the world-atlas package and the hand-written
 * label list in scripts/basemap-labels.json.
 *
 *   land.geojson     all countries merged into land, clipped to BBOX
 *   borders.geojson  borders between two different countries, clipped to BBOX
 *   labels.geojson   country, sea and town label points
 *
 * Deterministic: the same inputs give byte-identical files. Exits 1 with a message on any problem.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { merge, mesh } from 'topojson-client';
import { bboxClip, simplify } from '@turf/turf';

/** [west, south, east, north] in degrees: Libya and the central Mediterranean. */
const BBOX = [6, 16, 36, 43];
/**
 * Decimal places kept in output coordinates. 3 ≈ 110 m, about the grid the 10m topology is already
 * quantized to (0.0036° × 0.0017°), so 4 decimals cost ~12% more bytes for no visible detail.
 */
const DECIMALS = 3;
/**
 * Douglas–Peucker tolerance in degrees (about 170 m): finer than a pixel up to zoom 9, and it
 * halves the Aegean's share of the bytes, which every reader pays for and few look at.
 */
const SIMPLIFY_TOLERANCE = 0.0015;
/**
 * Where the story happens ([west, south, east, north]: from southern Tunisia along Libya's coast to
 * Egypt's air bases west of the Nile): kept at the detail above. Everything else in BBOX (Italy,
 * Greece, the Aegean, Turkey, the Levant) is only ever seen zoomed out, at the edge of the story;
 * it is simplified more coarsely (FAR_TOLERANCE, about 1.1 km, two pixels at the story's opening
 * zoom) and rounded to FAR_DECIMALS. That cuts the basemap every reader downloads before the first
 * map shows from about 66 KB gzip to 23 KB.
 */
const DETAIL_BOX = [9, 28.5, 30.5, 34.5];
const FAR_TOLERANCE = 0.01;
const FAR_DECIMALS = 2;
/** What land + borders should stay under, in bytes; only a warning, the files are still written. */
const SIZE_BUDGET = 100 * 1024;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INPUT_TOPOLOGY = join(root, 'node_modules/world-atlas/countries-10m.json');
const INPUT_LABELS = join(root, 'scripts/basemap-labels.json');
const OUT_DIR = join(root, 'public/basemap');

const LABEL_KINDS = new Set(['country', 'sea', 'town']);

function fail(message) {
  console.error(`build-basemap: ${message}`);
  process.exit(1);
}

function readJson(path, hint) {
  if (!existsSync(path)) fail(`missing input ${relative(root, path)}${hint ? ` (${hint})` : ''}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot parse ${relative(root, path)}: ${error.message}`);
  }
}

const inDetail = ([x, y]) => x >= DETAIL_BOX[0] && x <= DETAIL_BOX[2] && y >= DETAIL_BOX[1] && y <= DETAIL_BOX[3];
const roundTo = (decimals) => (x) => Math.round(x * 10 ** decimals) / 10 ** decimals;
const round = roundTo(DECIMALS);
const roundFar = roundTo(FAR_DECIMALS);
const roundPoint = (p) => (inDetail(p) ? [round(p[0]), round(p[1])] : [roundFar(p[0]), roundFar(p[1])]);

/**
 * Douglas–Peucker with a tolerance that depends on where the line runs: SIMPLIFY_TOLERANCE inside
 * DETAIL_BOX, FAR_TOLERANCE outside. The line is cut into runs where it crosses the box's edge; each
 * run keeps its two ends, so the simplified runs join up again.
 */
function simplifyLine(coordinates) {
  const out = [];
  const flush = (run, inside) => {
    const simplified =
      run.length > 2
        ? simplify({ type: 'LineString', coordinates: run }, { tolerance: inside ? SIMPLIFY_TOLERANCE : FAR_TOLERANCE, highQuality: true }).coordinates
        : run;
    out.push(...(out.length ? simplified.slice(1) : simplified));
  };
  let start = 0;
  let inside = inDetail(coordinates[0]);
  for (let i = 1; i < coordinates.length; i++) {
    if (inDetail(coordinates[i]) === inside) continue;
    flush(coordinates.slice(start, i + 1), inside);
    start = i;
    inside = inDetail(coordinates[i]);
  }
  flush(coordinates.slice(start), inside);
  return out;
}

/** Rounds a line's positions and drops consecutive duplicates that rounding creates. */
function roundLine(line) {
  const out = [];
  for (const point of line) {
    const p = roundPoint(point);
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Twice the signed area of a closed ring (shoelace). */
function ringArea2(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum;
}

/** A rounded, closed ring, or null when it has collapsed (under 4 positions or no area). */
function cleanRing(ring) {
  const out = roundLine(ring);
  if (out.length === 0) return null;
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  if (out.length < 4 || ringArea2(out) === 0) return null;
  return out;
}

/** Clips one ring to BBOX; each ring is clipped on its own so holes stay with their outer ring. */
function clipRing(ring) {
  const clipped = bboxClip({ type: 'Polygon', coordinates: [ring] }, BBOX).geometry.coordinates;
  return clipped.length ? clipped[0] : null;
}

function buildLand(topology) {
  const merged = merge(topology, topology.objects.countries.geometries);
  // Simplified ring by ring, as lines: turf's polygon simplify throws on islets it shrinks away.
  const simplifyRing = (ring) => {
    const line = simplifyLine(ring);
    return line.length >= 4 ? line : null;
  };
  const land = {
    type: 'MultiPolygon',
    coordinates: merged.coordinates
      .map((polygon) => polygon.map(simplifyRing))
      .filter((polygon) => polygon[0])
      .map((polygon) => polygon.filter(Boolean)),
  };
  if (land.type !== 'MultiPolygon') fail(`expected merged land to be a MultiPolygon, got ${land.type}`);
  const polygons = [];
  for (const polygon of land.coordinates) {
    const [outer, ...holes] = polygon.map((ring) => {
      const clipped = clipRing(ring);
      return clipped && cleanRing(clipped);
    });
    if (!outer) continue;
    polygons.push([outer, ...holes.filter(Boolean)]);
  }
  if (!polygons.length) fail('no land left inside the bbox');
  return featureCollection([feature({ type: 'MultiPolygon', coordinates: polygons }, {})]);
}

function buildBorders(topology) {
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  if (borders.type !== 'MultiLineString') fail(`expected borders to be a MultiLineString, got ${borders.type}`);
  const clipped = bboxClip(borders, BBOX).geometry;
  const parts = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
  const lines = parts.map((line) => roundLine(simplifyLine(line))).filter((line) => line.length >= 2);
  if (!lines.length) fail('no borders left inside the bbox');
  return featureCollection([feature({ type: 'MultiLineString', coordinates: lines }, {})]);
}

function buildLabels(input) {
  if (!input || !Array.isArray(input.labels)) fail('scripts/basemap-labels.json needs a "labels" array');
  const problems = [];
  const features = input.labels.map((label, i) => {
    const where = `labels[${i}] (${label?.name_en ?? '?'})`;
    const { kind, name_en, name_ar, rank, coordinates } = label ?? {};
    if (!LABEL_KINDS.has(kind)) problems.push(`${where}: kind must be country, sea or town`);
    if (typeof name_en !== 'string' || !name_en) problems.push(`${where}: name_en is empty`);
    if (typeof name_ar !== 'string' || !/[\u0600-\u06ff]/.test(name_ar)) problems.push(`${where}: name_ar has no Arabic`);
    if (!Number.isInteger(rank) || rank < 0 || rank > 3) problems.push(`${where}: rank must be an integer 0-3`);
    const [lon, lat] = Array.isArray(coordinates) ? coordinates : [];
    const inside =
      Number.isFinite(lon) && Number.isFinite(lat) && lon >= BBOX[0] && lon <= BBOX[2] && lat >= BBOX[1] && lat <= BBOX[3];
    if (!inside) problems.push(`${where}: coordinates must be [lon, lat] inside the bbox ${BBOX.join(',')}`);
    return feature({ type: 'Point', coordinates: [round(lon), round(lat)] }, { kind, name_en, name_ar, rank });
  });
  if (problems.length) fail(`bad labels:\n  ${problems.join('\n  ')}`);
  if (!features.length) fail('no labels');
  return featureCollection(features);
}

function feature(geometry, properties) {
  return { type: 'Feature', properties, geometry };
}

function featureCollection(features) {
  return { type: 'FeatureCollection', features };
}

function write(name, collection, onePerLine = false) {
  const path = join(OUT_DIR, name);
  const text = onePerLine
    ? `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
    : `${JSON.stringify(collection)}\n`;
  writeFileSync(path, text);
  const bytes = statSync(path).size;
  console.log(`${relative(root, path)}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
  return bytes;
}

const topology = readJson(INPUT_TOPOLOGY, 'is the world-atlas package installed? run npm install');
if (topology?.type !== 'Topology' || !topology.objects?.countries?.geometries) {
  fail(`${relative(root, INPUT_TOPOLOGY)} is not a TopoJSON topology with a "countries" object`);
}
const labelsInput = readJson(INPUT_LABELS);

const land = buildLand(topology);
const borders = buildBorders(topology);
const labels = buildLabels(labelsInput);

mkdirSync(OUT_DIR, { recursive: true });
const landBytes = write('land.geojson', land);
const borderBytes = write('borders.geojson', borders);
write('labels.geojson', labels, true);

const total = landBytes + borderBytes;
console.log(`land + borders: ${total} bytes (${(total / 1024).toFixed(1)} KiB), bbox ${BBOX.join(',')}, ${DECIMALS} decimals`);
if (total > SIZE_BUDGET) {
  console.warn(`build-basemap: warning: land + borders exceed the ${SIZE_BUDGET / 1024} KiB budget`);
}
