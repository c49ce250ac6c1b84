/**
 * `tsx scripts/generate-events.ts <count> [outDir] [sourceDir]`: copies a story's data folder and
 * replaces its events.geojson and strikes.geojson with `count` synthetic features in all (half
 * events, half strikes), spread over 2019, for the benchmark (`npm run bench`). Build the app on it
 * with `STORY_DATA_DIR=<outDir> vite build`.
 *
 * The features are valid story data (they pass `npm run check:data`): every actor, category and air
 * base they name exists in the source folder, every date falls inside the story and every point
 * inside its bounds. Deterministic: the same count gives byte-identical files.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './random';
import { EVENT_CATEGORIES } from '../src/data/ids';

const YEAR_START = Date.UTC(2019, 0, 1);
const MS_PER_DAY = 86_400_000;

const iso = (day: number) => new Date(YEAR_START + day * MS_PER_DAY).toISOString().slice(0, 10);
const round = (x: number) => Math.round(x * 1e4) / 1e4;

export interface Generated {
  events: number;
  strikes: number;
  bytes: number;
}

export function generateStory(count: number, outDir: string, sourceDir = 'data'): Generated {
  const src = resolve(sourceDir);
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(src)) if (/\.(geo)?json$/.test(name)) copyFileSync(join(src, name), join(out, name));

  const config = JSON.parse(readFileSync(join(src, 'config.json'), 'utf8'));
  const actors: string[] = config.actors.map((a: { id: string }) => a.id);
  const bases: { id: string; at: [number, number] }[] = JSON.parse(readFileSync(join(src, 'air-bases.geojson'), 'utf8')).features.map((f: any) => ({
    id: f.properties.id as string,
    at: f.geometry.coordinates as [number, number],
  }));
  const [west, south, east, north] = config.bounds as number[];
  const rand = seededRandom(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  // Most of the story happens in north-west Libya; keep the points there, inside the bounds.
  const point = (): [number, number] => [
    round(Math.min(east, Math.max(west, 10 + rand() * 10))),
    round(Math.min(north, Math.max(south, 29 + rand() * 4.5))),
  ];
  const dates = () => {
    const start = Math.floor(rand() * 365);
    const long = rand() < 0.2;
    const end = long ? Math.min(364, start + 1 + Math.floor(rand() * 20)) : null;
    return { start: iso(start), ...(end !== null ? { end: iso(end) } : {}) };
  };
  const text = (kind: string, i: number) => ({
    title: { ar: `${kind === 'event' ? 'حدث' : 'ضربة'} تجريبي رقم ${i}`, en: `Synthetic ${kind} ${i}` },
    summary: { ar: 'بيانات مولدة لقياس الأداء فقط.', en: 'Generated data, for the benchmark only.' },
  });
  const sources = () => ({ article: [1 + Math.floor(rand() * 53)], generalKnowledge: false });

  const eventCount = Math.ceil(count / 2);
  const strikeCount = count - eventCount;
  const events = Array.from({ length: eventCount }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: point() },
    properties: {
      id: `synthetic-event-${i}`,
      kind: 'event',
      category: pick(EVENT_CATEGORIES),
      actor: pick(actors),
      ...text('event', i),
      ...dates(),
      datePrecision: 'day',
      confidence: 'reported',
      sources: sources(),
    },
  }));
  const strikes = Array.from({ length: strikeCount }, (_, i) => {
    // One strike in ten hits an air base, so "under attack" has work to do.
    const base = rand() < 0.1 ? pick(bases) : null;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: base ? base.at : point() },
      properties: {
        id: `synthetic-strike-${i}`,
        kind: 'strike',
        attacker: pick(actors),
        count: 1 + Math.floor(rand() * 8),
        ...(base ? { target: base.id } : {}),
        ...text('strike', i),
        ...dates(),
        datePrecision: 'day',
        confidence: 'reported',
        sources: sources(),
      },
    };
  });
  const write = (name: string, features: unknown[]) => {
    const body = JSON.stringify({ type: 'FeatureCollection', features });
    writeFileSync(join(out, name), body);
    return Buffer.byteLength(body);
  };
  const bytes = write('events.geojson', events) + write('strikes.geojson', strikes);
  return { events: eventCount, strikes: strikeCount, bytes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 2) {
    console.error('usage: tsx scripts/generate-events.ts <count >= 2> [outDir] [sourceDir]');
    process.exit(1);
  }
  const outDir = process.argv[3] ?? `bench/.out/data-${count}`;
  const result = generateStory(count, outDir, process.argv[4] ?? 'data');
  console.log(`generate-events: ${result.events} events + ${result.strikes} strikes (${(result.bytes / 1e6).toFixed(1)} MB) in ${outDir}`);
}
