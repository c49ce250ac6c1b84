/** `npm run import:acled`: the CSV parser, ACLED's dates, the mapping to our layers and the summary. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  IMPORTED_ACTOR_COLOR,
  importAcled,
  mergedConfig,
  mergedFeatures,
  parseAcledDate,
  parseCsv,
  slugify,
  UNTRANSLATED_AR,
} from '../../scripts/import-acled';
import { ACLED_COLUMNS, csvField, generateAcledCsv } from '../../scripts/generate-acled';
import { crossCheck, parseConfig, parseLayer } from '../../src/data/validate';
import { checkStoryDir } from '../../scripts/check-data';

const root = mkdtempSync(join(tmpdir(), 'acled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('CSV parser (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes, line breaks inside quotes and empty fields', () => {
    const text = 'a,b,c,d\r\n"x, y","say ""hi""","line 1\r\nline 2",\r\n,,,\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['x, y', 'say "hi"', 'line 1\r\nline 2', ''],
      ['', '', '', ''],
    ]);
  });

  it('takes LF or CRLF, a byte-order mark, a missing last line end, and skips blank lines', () => {
    expect(parseCsv('\ufeffid,n\n1,one\n\n2,two')).toEqual([
      ['id', 'n'],
      ['1', 'one'],
      ['2', 'two'],
    ]);
    expect(parseCsv('id,n\r\n1,"one"\r\n\r\n')).toEqual([
      ['id', 'n'],
      ['1', 'one'],
    ]);
  });

  it('keeps an empty quoted field, a quote inside an unquoted field, and flags an unterminated quote', () => {
    expect(parseCsv('"",x\n')).toEqual([['', 'x']]);
    expect(parseCsv('5" gun,x\n')).toEqual([['5" gun', 'x']]);
    const records = parseCsv('a,b\n1,"never closed\n2,3\n') as (string[] & { unterminated?: boolean })[];
    expect([...records[1]]).toEqual(['1', 'never closed\n2,3\n']);
    expect(records[1].unterminated).toBe(true);
  });

  it('reads back what the generator writes', () => {
    const values = ['plain', 'a, b', 'quote "q"', 'two\nlines', '', 'CR\r\nLF'];
    expect(parseCsv(`${values.map(csvField).join(',')}\r\n`)).toEqual([values]);
  });
});

describe('ACLED dates', () => {
  it('accepts "20 December 2019" and "2019-12-20"', () => {
    expect(parseAcledDate('20 December 2019')).toBe('2019-12-20');
    expect(parseAcledDate('1 january 2020')).toBe('2020-01-01');
    expect(parseAcledDate(' 05 June 2020 ')).toBe('2020-06-05');
    expect(parseAcledDate('2019-12-20')).toBe('2019-12-20');
    expect(parseAcledDate('29 February 2020')).toBe('2020-02-29');
  });

  it('rejects other styles and days that do not exist', () => {
    for (const odd of ['12/20/2019', '20/12/2019', 'December 20, 2019', '20 Dec 2019', '20-December-2019', '2019-12', '2019', '', '30 February 2019', '2019-02-30', '2019-13-01', '20 Decembre 2019'])
      expect(parseAcledDate(odd), odd).toBeNull();
  });
});

const HEADER = 'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp';
const row = (fields: Partial<Record<string, string>>) => {
  const defaults: Record<string, string> = {
    event_id_cnty: 'LBY1',
    event_date: '20 December 2019',
    year: '2019',
    time_precision: '1',
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Libya (2014-) Libyan National Army',
    assoc_actor_1: '',
    actor2: '',
    country: 'Libya',
    admin1: 'Misrata',
    location: 'Misrata',
    latitude: '32.3754',
    longitude: '15.0925',
    geo_precision: '1',
    source: 'Libya Observer',
    notes: 'Air strikes hit the city, killing 6.',
    fatalities: '6',
    timestamp: '1577000000',
  };
  return HEADER.split(',')
    .map((c) => csvField(fields[c] ?? defaults[c]))
    .join(',');
};

describe('importAcled', () => {
  const csv = [
    HEADER,
    row({ event_id_cnty: 'LBY1', notes: 'Warplanes struck, "twice", near the port.' }),
    row({ event_id_cnty: 'LBY2', sub_event_type: 'Shelling/artillery/missile attack', event_date: '2019-12-21', time_precision: '2', fatalities: '0' }),
    row({ event_id_cnty: 'LBY3', event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Libya (2016-2021) Government of National Accord', geo_precision: '2', notes: '' }),
    row({ event_id_cnty: 'LBY4', event_type: 'Battles', sub_event_type: 'Government regains territory', time_precision: '3', geo_precision: '3' }),
    row({ event_id_cnty: 'LBY5', event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Libya)', location: '', admin1: '' }),
    row({ event_id_cnty: 'LBY6', event_type: 'Strategic developments', sub_event_type: 'Agreement', actor1: '' }),
    row({ event_id_cnty: 'LBY7', latitude: 'n/a' }), // bad coordinates
    row({ event_id_cnty: 'LBY8', latitude: '132.5' }), // bad coordinates
    row({ event_id_cnty: 'LBY9', latitude: '0', longitude: '0' }), // bad coordinates
    row({ event_id_cnty: 'LBY10', event_date: '12/20/2019' }), // unparseable date
    row({ event_id_cnty: 'LBY11', event_date: '31 November 2019' }), // unparseable date
    row({ event_id_cnty: 'LBY1' }), // duplicate
    row({ event_id_cnty: 'LBY12', event_type: 'Parades', sub_event_type: 'Parade' }), // unknown type
    row({ event_id_cnty: '', notes: 'no id' }), // missing value
    'LBY13,20 December 2019,2019', // wrong number of fields
  ].join('\r\n');
  const result = importAcled(csv);

  it('counts rows read, imported and skipped, with the reason and the rows for each skip', () => {
    const { summary } = result;
    expect(summary.rowsRead).toBe(15);
    expect(summary.imported).toBe(6);
    expect(summary.strikes).toBe(2);
    expect(summary.events).toBe(4);
    expect(summary.skippedTotal).toBe(9);
    expect(summary.skipped).toEqual({
      'bad coordinates': { count: 3, rows: [8, 9, 10] },
      'unparseable date (expected "20 December 2019" or "2019-12-20")': { count: 2, rows: [11, 12] },
      'duplicate event_id_cnty': { count: 1, rows: [13] },
      'unknown event_type': { count: 1, rows: [14] },
      'missing value in required column event_id_cnty': { count: 1, rows: [15] },
      'wrong number of fields (the header has 19)': { count: 1, rows: [16] },
    });
    expect(summary.missingColumns).toEqual([]);
  });

  it('turns air/drone strikes and shelling into strikes, the rest into events of our categories', () => {
    expect(result.strikes.map((f) => f.properties.id)).toEqual(['acled-lby1', 'acled-lby2']);
    const categories = Object.fromEntries(result.events.map((f) => [f.properties.id, f.properties.category]));
    expect(categories).toEqual({ 'acled-lby3': 'ground', 'acled-lby4': 'capture', 'acled-lby5': 'mobilisation', 'acled-lby6': 'diplomacy' });
  });

  it('keeps notes as the summary, marks the Arabic as untranslated, and credits ACLED and its source', () => {
    const [strike, shelling] = result.strikes.map((f) => f.properties);
    expect(strike.title).toEqual({ en: 'Air or drone strike in Misrata', ar: 'غارة جوية أو بطائرة مسيّرة في Misrata' });
    expect(strike.summary.en).toBe('Warplanes struck, "twice", near the port.');
    expect(strike.summary.ar).toBe(`${UNTRANSLATED_AR}Warplanes struck, "twice", near the port.`);
    expect(strike.sources).toEqual({
      article: [],
      generalKnowledge: true,
      note: expect.objectContaining({ en: expect.stringMatching(/ACLED .*event LBY1; ACLED's source: Libya Observer/) }),
    });
    expect(strike.confidence).toBe('reported');
    expect(strike.start).toBe('2019-12-20');
    expect(strike.killed).toBe(6);
    expect(strike.attacker).toBe('military-forces-of-libya-2014-libyan-national-army');
    expect(shelling.start).toBe('2019-12-21');
    expect(shelling.datePrecision).toBe('approximate');
    expect(shelling.killed).toBeUndefined();
    const events = Object.fromEntries(result.events.map((f) => [f.properties.id, f.properties]));
    expect(events['acled-lby3'].summary.en).toBe('Battles: Armed clash in Misrata, Misrata, Libya.');
    expect(events['acled-lby3'].locationPrecision).toBe('area');
    expect(events['acled-lby4'].datePrecision).toBe('month');
    expect(events['acled-lby4'].locationPrecision).toBe('region');
    expect(events['acled-lby5'].title.en).toBe('Peaceful protest in Libya');
    expect(events['acled-lby6'].actor).toBe('unidentified-actor');
  });

  it('adds every actor1 to the actors, grey and on no side', () => {
    expect(result.actors.map((a) => a.id)).toEqual([
      'military-forces-of-libya-2014-libyan-national-army',
      'military-forces-of-libya-2016-2021-government-of-national-accord',
      'protesters-libya',
      'unidentified-actor',
    ]);
    expect(result.actors.every((a) => a.color === IMPORTED_ACTOR_COLOR && a.side === 'none')).toBe(true);
    expect(result.actors[2].name).toEqual({ en: 'Protesters (Libya)', ar: 'Protesters (Libya)' });
  });

  it('writes a new story that passes the checks the app and check:data make', () => {
    const config = parseConfig('config.json', mergedConfig(result, undefined, 'export.csv'));
    expect(config.problems).toEqual([]);
    const strikes = parseLayer('strikes.geojson', 'strikes', { type: 'FeatureCollection', features: result.strikes });
    const events = parseLayer('events.geojson', 'events', { type: 'FeatureCollection', features: result.events });
    expect([...strikes.problems, ...events.problems]).toEqual([]);
    expect(crossCheck(config.config!, [strikes, events].map((l, i) => ({ file: String(i), features: l.features })))).toEqual([]);
    expect(config.config!.range).toEqual({ start: '2019-12-20', end: '2019-12-21', contextStart: '2019-12-20' });
  });

  it('merges into an existing story: keeps its actors, maps names onto them, stays inside its bounds and range', () => {
    const existing = {
      bounds: [13, 30, 16, 34],
      range: { contextStart: '2019-12-01', start: '2019-12-01', end: '2019-12-20' },
      actors: [{ id: 'lna', name: { en: 'LNA', ar: 'الجيش الوطني' }, side: 'lna', color: '#d55e00' }],
      layers: [{ id: 'strikes', file: 'my-strikes.geojson' }],
    };
    const merged = importAcled(
      [HEADER, row({ event_id_cnty: 'A1' }), row({ event_id_cnty: 'A2', longitude: '20.1' }), row({ event_id_cnty: 'A3', event_date: '2019-12-24' })].join('\n'),
      { config: existing, actorMap: { 'Military Forces of Libya (2014-) Libyan National Army': 'lna' } },
    );
    expect(merged.summary.imported).toBe(1);
    expect(Object.keys(merged.summary.skipped)).toEqual(["outside the story's bounds (config.json bounds)", "outside the story's range (config.json range)"]);
    expect(merged.strikes[0].properties.attacker).toBe('lna');
    expect(merged.summary.actorsAdded).toEqual([]);
    const config = mergedConfig(merged, existing, 'x.csv');
    expect(config.actors).toEqual(existing.actors);
    expect(config.layers).toEqual([
      { id: 'strikes', file: 'my-strikes.geojson' },
      { id: 'events', file: 'events.geojson' },
    ]);
    const handWritten = { properties: { id: 'strike-by-hand' } };
    const earlierImport = { properties: { id: 'acled-a1' } };
    expect(mergedFeatures({ type: 'FeatureCollection', features: [handWritten, earlierImport] }, merged.strikes)).toEqual([handWritten, merged.strikes[0]]);
  });

  it('makes ids from names: lower-case words joined by dashes, long ones cut at a word', () => {
    expect(slugify('Military Forces of Libya (2014-) Libyan National Army')).toBe('military-forces-of-libya-2014-libyan-national-army');
    expect(slugify('Forces Armées de la République')).toBe('forces-armees-de-la-republique');
    expect(slugify('Unidentified Armed Group (Libya) with a name that goes on and on past the limit')).toBe(
      'unidentified-armed-group-libya-with-a-name-that-goes-on-and-on',
    );
    expect(slugify('***')).toBe('');
  });

  it('imports nothing and names the columns when required ones are missing', () => {
    const missing = importAcled('event_id_cnty,event_date,notes\nLBY1,20 December 2019,x\n');
    expect(missing.summary.missingColumns).toEqual(['event_type', 'sub_event_type', 'actor1', 'latitude', 'longitude']);
    expect(missing.summary.imported).toBe(0);
    expect(importAcled('').summary.missingColumns).toHaveLength(7);
  });

  it('imports 100,000 generated rows', () => {
    const csv = generateAcledCsv(100_000, { seed: 42 });
    const started = performance.now();
    const big = importAcled(csv);
    const ms = Math.round(performance.now() - started);
    console.log(`import:acled: 100,000 synthetic rows (${Math.round(csv.length / 1e6)} MB) imported in ${ms} ms`);
    expect(big.summary.rowsRead).toBe(100_000);
    expect(big.summary.imported).toBe(100_000);
    expect(big.summary.skippedTotal).toBe(0);
    expect(big.summary.strikes + big.summary.events).toBe(100_000);
    expect(big.summary.strikes).toBeGreaterThan(30_000);
  }, 120_000);
});

describe('the generator', () => {
  it('is deterministic and follows ACLED column layout', () => {
    const a = generateAcledCsv(50, { seed: 3 });
    expect(generateAcledCsv(50, { seed: 3 })).toBe(a);
    expect(generateAcledCsv(50, { seed: 4 })).not.toBe(a);
    const records = parseCsv(a);
    expect(records[0]).toEqual([...ACLED_COLUMNS]);
    expect(records).toHaveLength(51);
    expect(records.slice(1).every((r) => r.length === ACLED_COLUMNS.length && r[27].startsWith('[Synthetic test record]'))).toBe(true);
  });
});

describe('import:acled as a command', () => {
  it('writes a story folder that check:data accepts, and prints the summary', () => {
    const csvPath = join(root, 'export.csv');
    writeFileSync(csvPath, generateAcledCsv(200, { seed: 9 }));
    const out = join(root, 'story');
    const run = spawnSync('npx', ['tsx', 'scripts/import-acled.ts', csvPath, '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/rows read: 200\nimported: 200 \(\d+ strikes, \d+ events\)\nskipped: 0/);
    const check = checkStoryDir(out);
    expect(check.problems).toEqual([]);
    expect(check.featureCount).toBe(200);
    expect(JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')).source.publisher.en).toBe('ACLED');
  }, 30_000);

  it('exits non-zero when required columns are missing', () => {
    const csvPath = join(root, 'bad.csv');
    writeFileSync(csvPath, 'event_id_cnty,notes\nLBY1,x\n');
    const run = spawnSync('npx', ['tsx', 'scripts/import-acled.ts', csvPath, '--out', join(root, 'none')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/missing required column\(s\): event_date, event_type, sub_event_type, actor1, latitude, longitude; nothing imported/);
  }, 30_000);
});
