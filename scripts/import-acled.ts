/**
 * `npm run import:acled <export.csv> [--out dir] [--actors map.json]`: turns an ACLED export into
 * the story's layers. Air/drone strikes and shelling/artillery/missile attacks become features of
 * strikes.geojson, every other event a feature of events.geojson, and each actor1 an actor of
 * config.json. See docs/acled-import.md for the mapping and what is left for a person to do.
 *
 * The CSV parser (acled/csv.ts) and the writing of a story folder (acled/story-folder.ts) are
 * modules of their own.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventFeature, StrikeFeature } from '../src/data/schema';
import { MAX_LAYER_BYTES } from '../src/data/validate';
import { dayOfDate, isoOfDay, parseIsoDay } from '../src/data/time';
import { csvRecords } from './acled/csv';
import { featureCollectionText, mergedConfig, mergedFeatures } from './acled/story-folder';

export { csvRecords, parseCsv, type CsvRecord } from './acled/csv';
export { featureCollectionText, mergedConfig, mergedFeatures } from './acled/story-folder';

// ---------------------------------------------------------------------------------------------
// ACLED fields

/** Month names as ACLED writes them in `event_date` ("20 December 2019"). */
export const ACLED_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_NUMBER = new Map(ACLED_MONTHS.map((name, i) => [name.toLowerCase(), i + 1]));

/** "20 December 2019" or "2019-12-20" to "2019-12-20"; anything else, or a day that does not exist, to null. */
export function parseAcledDate(value: string): string | null {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseIsoDay(text) === null ? null : text;
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  if (!m) return null;
  const month = MONTH_NUMBER.get(m[2].toLowerCase());
  if (!month) return null;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return parseIsoDay(iso) === null ? null : iso;
}

/** Columns without which a row cannot become a feature. */
export const REQUIRED_COLUMNS = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'latitude', 'longitude'] as const;

const STRIKE_SUB_EVENTS = new Set(['Air/drone strike', 'Shelling/artillery/missile attack']);
const STRIKE_EVENT_TYPE = 'Explosions/Remote violence';

type Category = EventFeature['properties']['category'];

/** ACLED's event types and sub-event types, in our categories and with an Arabic name for titles. */
const SUB_EVENTS: Record<string, { category: Category; en: string; ar: string }> = {
  'Armed clash': { category: 'ground', en: 'Armed clash', ar: 'اشتباك مسلح' },
  'Government regains territory': { category: 'capture', en: 'Government regains territory', ar: 'الحكومة تستعيد أرضًا' },
  'Non-state actor overtakes territory': { category: 'capture', en: 'Non-state actor takes territory', ar: 'جماعة غير حكومية تسيطر على أرض' },
  'Chemical weapon': { category: 'ground', en: 'Chemical weapon attack', ar: 'هجوم بسلاح كيميائي' },
  'Air/drone strike': { category: 'ground', en: 'Air or drone strike', ar: 'غارة جوية أو بطائرة مسيّرة' },
  'Suicide bomb': { category: 'ground', en: 'Suicide bombing', ar: 'تفجير انتحاري' },
  'Shelling/artillery/missile attack': { category: 'ground', en: 'Shelling, artillery or missile attack', ar: 'قصف مدفعي أو صاروخي' },
  'Remote explosive/landmine/IED': { category: 'ground', en: 'Explosive device or landmine', ar: 'عبوة ناسفة أو لغم' },
  Grenade: { category: 'ground', en: 'Grenade attack', ar: 'هجوم بقنبلة يدوية' },
  'Sexual violence': { category: 'ground', en: 'Sexual violence', ar: 'عنف جنسي' },
  Attack: { category: 'ground', en: 'Attack on civilians', ar: 'اعتداء على مدنيين' },
  'Abduction/forced disappearance': { category: 'ground', en: 'Abduction or forced disappearance', ar: 'اختطاف أو إخفاء قسري' },
  'Peaceful protest': { category: 'mobilisation', en: 'Peaceful protest', ar: 'احتجاج سلمي' },
  'Protest with intervention': { category: 'mobilisation', en: 'Protest broken up', ar: 'احتجاج تدخلت فيه قوات الأمن' },
  'Excessive force against protesters': { category: 'mobilisation', en: 'Excessive force against protesters', ar: 'قوة مفرطة ضد المحتجين' },
  'Violent demonstration': { category: 'mobilisation', en: 'Violent demonstration', ar: 'تظاهرة عنيفة' },
  'Mob violence': { category: 'mobilisation', en: 'Mob violence', ar: 'عنف جماعي' },
  Agreement: { category: 'diplomacy', en: 'Agreement', ar: 'اتفاق' },
  Arrests: { category: 'ground', en: 'Arrests', ar: 'اعتقالات' },
  'Change to group/activity': { category: 'mobilisation', en: 'Change in a group or its activity', ar: 'تغيّر في جماعة أو نشاطها' },
  'Disrupted weapons use': { category: 'ground', en: 'Weapons use foiled', ar: 'إحباط استخدام سلاح' },
  'Headquarters or base established': { category: 'mobilisation', en: 'Headquarters or base set up', ar: 'إنشاء مقر أو قاعدة' },
  'Looting/property destruction': { category: 'ground', en: 'Looting or destruction of property', ar: 'نهب أو تدمير ممتلكات' },
  'Non-violent transfer of territory': { category: 'capture', en: 'Territory handed over without fighting', ar: 'انتقال أرض دون قتال' },
  Other: { category: 'declaration', en: 'Other development', ar: 'تطور آخر' },
};

/** For a sub-event type ACLED adds later: the category of its event type. */
const EVENT_TYPES: Record<string, { category: Category; en: string; ar: string }> = {
  Battles: { category: 'ground', en: 'Battle', ar: 'معركة' },
  'Explosions/Remote violence': { category: 'ground', en: 'Explosion or remote violence', ar: 'تفجير أو عنف عن بعد' },
  'Violence against civilians': { category: 'ground', en: 'Violence against civilians', ar: 'عنف ضد المدنيين' },
  Protests: { category: 'mobilisation', en: 'Protest', ar: 'احتجاج' },
  Riots: { category: 'mobilisation', en: 'Riot', ar: 'أعمال شغب' },
  'Strategic developments': { category: 'declaration', en: 'Strategic development', ar: 'تطور استراتيجي' },
};

const DATE_PRECISION: Record<string, 'day' | 'approximate' | 'month'> = { '1': 'day', '2': 'approximate', '3': 'month' };
const LOCATION_PRECISION: Record<string, 'exact' | 'area' | 'region'> = { '1': 'exact', '2': 'area', '3': 'region' };

/** Marks Arabic text that repeats the English original until someone translates it. */
export const UNTRANSLATED_AR = '[لم يُترجم بعد] ';
export const IMPORTED_ACTOR_COLOR = '#8c8c8c';
const UNIDENTIFIED = { id: 'unidentified-actor', en: 'Unidentified actor', ar: 'جهة غير معروفة' };

/** "Military Forces of Libya (2014-)" -> "military-forces-of-libya-2014"; long names are cut at a word. */
export function slugify(text: string, max = 64): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : slug.slice(0, max);
}

// ---------------------------------------------------------------------------------------------
// The import

export interface ActorEntry {
  id: string;
  name: { ar: string; en: string };
  side: string;
  color: string;
}

export interface ImportOptions {
  /** An existing config.json (raw JSON): its actors are kept, its bounds and range limit the rows. */
  config?: Record<string, any>;
  /** ACLED actor name -> actor id already in the config ("Military Forces of Libya (2014-) Libyan National Army" -> "lna"). */
  actorMap?: Record<string, string>;
}

export interface ImportSummary {
  rowsRead: number;
  imported: number;
  strikes: number;
  events: number;
  /** Reason -> how many rows, and the first few row numbers (the header is row 1). */
  skipped: Record<string, { count: number; rows: number[] }>;
  skippedTotal: number;
  missingColumns: string[];
  actorsAdded: string[];
}

export interface ImportResult {
  strikes: StrikeFeature[];
  events: EventFeature[];
  /** Every actor the features name, including ones the config already had. */
  actors: ActorEntry[];
  summary: ImportSummary;
  /** First and last event date, and the extent of the points, for a new config. */
  extent?: { first: string; last: string; west: number; south: number; east: number; north: number; updated?: string };
}

const ROWS_LISTED = 5;

export function importAcled(csv: string, options: ImportOptions = {}): ImportResult {
  const summary: ImportSummary = {
    rowsRead: 0,
    imported: 0,
    strikes: 0,
    events: 0,
    skipped: {},
    skippedTotal: 0,
    missingColumns: [],
    actorsAdded: [],
  };
  const strikes: StrikeFeature[] = [];
  const events: EventFeature[] = [];
  const skip = (reason: string, row: number) => {
    const entry = (summary.skipped[reason] ??= { count: 0, rows: [] });
    entry.count++;
    if (entry.rows.length < ROWS_LISTED) entry.rows.push(row);
    summary.skippedTotal++;
  };

  const records = csvRecords(csv);
  const header = records.next();
  if (header.done) {
    summary.missingColumns = [...REQUIRED_COLUMNS];
    return { strikes, events, actors: [], summary };
  }
  const columns = header.value.map((c) => c.trim().toLowerCase());
  const col = (name: string) => columns.indexOf(name);
  summary.missingColumns = REQUIRED_COLUMNS.filter((c) => col(c) < 0);
  if (summary.missingColumns.length) return { strikes, events, actors: [], summary };

  const at = Object.fromEntries(
    [
      ...REQUIRED_COLUMNS,
      'time_precision',
      'assoc_actor_1',
      'actor2',
      'country',
      'admin1',
      'location',
      'geo_precision',
      'source',
      'notes',
      'fatalities',
      'timestamp',
    ].map((c) => [c, col(c)]),
  ) as Record<string, number>;

  const config = options.config;
  const known = new Map<string, ActorEntry>();
  for (const a of Array.isArray(config?.actors) ? config.actors : []) if (typeof a?.id === 'string') known.set(a.id, a);
  const used = new Map<string, ActorEntry>();
  const actorIds = new Map<string, string>(); // ACLED name -> id, memoised: 100,000 rows name few actors
  const actorFor = (name: string): string => {
    let id = actorIds.get(name);
    if (id === undefined) {
      id = options.actorMap?.[name] ?? (slugify(name) || UNIDENTIFIED.id);
      actorIds.set(name, id);
    }
    if (!used.has(id)) {
      let entry = known.get(id);
      if (!entry) {
        entry = name
          ? { id, name: { en: name, ar: name }, side: 'none', color: IMPORTED_ACTOR_COLOR }
          : { id, name: { en: UNIDENTIFIED.en, ar: UNIDENTIFIED.ar }, side: 'none', color: IMPORTED_ACTOR_COLOR };
        summary.actorsAdded.push(id);
      }
      used.set(id, entry);
    }
    return id;
  };

  const bounds: number[] | undefined = Array.isArray(config?.bounds) ? config.bounds : undefined;
  const range = config?.range;
  const firstDay = typeof range?.contextStart === 'string' ? dayOfDate(range.contextStart) : -Infinity;
  const lastDay = typeof range?.end === 'string' ? dayOfDate(range.end) : Infinity;

  const seen = new Set<string>();
  let first = Infinity;
  let last = -Infinity;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  let updated = -Infinity;
  let rowNumber = 1;

  for (const record of records) {
    rowNumber++;
    summary.rowsRead++;
    if (record.unterminated) {
      skip('unterminated quoted field (runs to the end of the file)', rowNumber);
      continue;
    }
    if (record.length !== columns.length) {
      skip(`wrong number of fields (the header has ${columns.length})`, rowNumber);
      continue;
    }
    const get = (name: string) => (at[name] >= 0 ? record[at[name]].trim() : '');
    const missing = REQUIRED_COLUMNS.filter((c) => c !== 'actor1' && get(c) === '');
    if (missing.length) {
      skip(`missing value in required column ${missing.join(', ')}`, rowNumber);
      continue;
    }
    const eventId = get('event_id_cnty');
    const id = `acled-${slugify(eventId, 80)}`;
    if (id === 'acled-' || seen.has(id)) {
      skip(id === 'acled-' ? 'event_id_cnty has no letters or digits' : 'duplicate event_id_cnty', rowNumber);
      continue;
    }
    const date = parseAcledDate(get('event_date'));
    if (!date) {
      skip('unparseable date (expected "20 December 2019" or "2019-12-20")', rowNumber);
      continue;
    }
    const lat = Number(get('latitude'));
    const lon = Number(get('longitude'));
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) {
      skip('bad coordinates', rowNumber);
      continue;
    }
    if (bounds && (lon < bounds[0] || lon > bounds[2] || lat < bounds[1] || lat > bounds[3])) {
      skip("outside the story's bounds (config.json bounds)", rowNumber);
      continue;
    }
    const day = dayOfDate(date);
    if (day < firstDay || day > lastDay) {
      skip("outside the story's range (config.json range)", rowNumber);
      continue;
    }
    const eventType = get('event_type');
    const subType = get('sub_event_type');
    const kind = SUB_EVENTS[subType] ?? EVENT_TYPES[eventType];
    if (!EVENT_TYPES[eventType] || !kind) {
      skip('unknown event_type', rowNumber);
      continue;
    }
    seen.add(id);

    const actor = actorFor(get('actor1'));
    const location = get('location');
    const placeName = [location, get('admin1'), get('country')].filter(Boolean).join(', ');
    const where = location || get('admin1') || get('country');
    const notes = get('notes').replace(/\s+/g, ' ');
    const summaryEn = notes || `${eventType}: ${subType || eventType}${placeName ? ` in ${placeName}` : ''}.`;
    const source = get('source');
    const fatalities = Number(get('fatalities'));
    // Built once, field by field, in the order people read them: 100,000 rows make garbage enough.
    const isStrike = eventType === STRIKE_EVENT_TYPE && STRIKE_SUB_EVENTS.has(subType);
    const properties: Record<string, unknown> = { id, kind: isStrike ? 'strike' : 'event' };
    if (!isStrike) properties.category = kind.category;
    properties[isStrike ? 'attacker' : 'actor'] = actor;
    properties.title = { en: where ? `${kind.en} in ${where}` : kind.en, ar: where ? `${kind.ar} في ${where}` : kind.ar };
    properties.summary = { en: summaryEn, ar: UNTRANSLATED_AR + summaryEn };
    properties.start = date;
    properties.datePrecision = DATE_PRECISION[get('time_precision')] ?? 'day';
    if (Number.isInteger(fatalities) && fatalities > 0) properties.killed = fatalities;
    if (placeName) properties.place = { en: placeName, ar: placeName };
    properties.locationPrecision = LOCATION_PRECISION[get('geo_precision')] ?? 'exact';
    properties.confidence = 'reported';
    properties.sources = {
      article: [],
      generalKnowledge: true,
      note: {
        en: `From ACLED (Armed Conflict Location & Event Data), event ${eventId}; ACLED's source: ${source || 'not given'}.`,
        ar: `من بيانات ACLED (مشروع بيانات مواقع النزاعات المسلحة وأحداثها)، الحدث ${eventId}؛ مصدر ACLED: ${source || 'غير مذكور'}.`,
      },
    };
    const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
    if (isStrike) strikes.push(feature as StrikeFeature);
    else events.push(feature as EventFeature);

    first = Math.min(first, day);
    last = Math.max(last, day);
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    const stamp = Number(get('timestamp'));
    if (Number.isFinite(stamp) && stamp > 0) updated = Math.max(updated, stamp);
  }

  summary.strikes = strikes.length;
  summary.events = events.length;
  summary.imported = strikes.length + events.length;
  const extent =
    summary.imported > 0
      ? {
          first: isoOfDay(first),
          last: isoOfDay(last),
          west,
          south,
          east,
          north,
          ...(updated > 0 ? { updated: new Date(updated * 1000).toISOString().slice(0, 10) } : {}),
        }
      : undefined;
  return { strikes, events, actors: [...used.values()], summary, extent };
}

// ---------------------------------------------------------------------------------------------
// The command

export function formatSummary(s: ImportSummary): string {
  const lines = [`rows read: ${s.rowsRead}`, `imported: ${s.imported} (${s.strikes} strikes, ${s.events} events)`, `skipped: ${s.skippedTotal}`];
  for (const [reason, { count, rows }] of Object.entries(s.skipped))
    lines.push(`  ${reason}: ${count} (row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}${count > rows.length ? ', ...' : ''})`);
  if (s.missingColumns.length) lines.push(`missing required column(s): ${s.missingColumns.join(', ')}; nothing imported`);
  if (s.actorsAdded.length) lines.push(`actors added to config.json (grey, side "none"; give them a side and colour): ${s.actorsAdded.length}`);
  return lines.join('\n');
}

function readJsonIfExists(path: string): any {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); fix or remove it first`);
  }
}

function main(argv: string[]): number {
  const args = [...argv];
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    if (!value) throw new Error(`${name} needs a value`);
    return value;
  };
  const out = resolve(option('--out') ?? 'acled-story');
  const actorMapPath = option('--actors');
  const [csvPath] = args;
  if (!csvPath || args.length > 1 || csvPath.startsWith('--')) {
    console.error('usage: npm run import:acled <export.csv> [--out dir] [--actors map.json]');
    return 2;
  }

  const started = performance.now();
  const csv = readFileSync(csvPath, 'utf8');
  const configPath = join(out, 'config.json');
  const existing = readJsonIfExists(configPath);
  const actorMap = actorMapPath ? JSON.parse(readFileSync(actorMapPath, 'utf8')) : undefined;
  const result = importAcled(csv, { config: existing, actorMap });
  console.log(formatSummary(result.summary));
  if (result.summary.missingColumns.length) return 1;
  if (!result.summary.imported) {
    console.error('nothing to write');
    return 1;
  }

  mkdirSync(out, { recursive: true });
  const config = mergedConfig(result, existing, basename(csvPath));
  const fileOf = (id: string) => config.layers.find((l: { id: string }) => l.id === id).file as string;
  for (const [id, features] of [
    ['strikes', result.strikes],
    ['events', result.events],
  ] as const) {
    const path = join(out, fileOf(id));
    writeFileSync(path, featureCollectionText(mergedFeatures(readJsonIfExists(path), features)));
    if (statSync(path).size > MAX_LAYER_BYTES)
      console.warn(`warning: ${path} is over ${MAX_LAYER_BYTES} bytes and the app will refuse it: import a narrower export (fewer dates or regions)`);
  }
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`wrote ${out} in ${Math.round(performance.now() - started)} ms; check it with: npm run check:data ${out}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`import:acled: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
