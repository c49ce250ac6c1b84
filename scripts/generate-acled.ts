/**
 * `npm run generate:acled [rows] [--seed n] [--out file.csv]`: a deterministic, synthetic CSV in the
 * column layout of an ACLED export, for testing `import:acled` at scale. Every record is made up and
 * says so in its notes ("[Synthetic test record]"); the places are real Libyan towns so the points
 * land on the basemap, the actors and sources are invented or generic.
 *
 * The text exercises the CSV parser: notes with commas, doubled quotes and line breaks, empty
 * optional fields, CRLF line ends, and both date styles ACLED uses ("20 December 2019", "2019-12-20").
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isoOfDay, dayOfDate } from '../src/data/time';
import { ACLED_MONTHS } from './import-acled';
import { seededRandom } from './random';

/** The columns of an ACLED export, in its order. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

const PLACES: [name: string, admin1: string, lon: number, lat: number][] = [
  ['Tripoli', 'Tripoli', 13.1873, 32.8874],
  ['Tarhuna', 'Murqub', 13.6332, 32.435],
  ['Gharyan', 'Jabal al Gharbi', 13.0203, 32.1722],
  ['Misrata', 'Misrata', 15.0925, 32.3754],
  ['Sirte', 'Sirte', 16.5887, 31.2089],
  ['Benghazi', 'Benghazi', 20.0686, 32.1149],
  ['Zawiya', 'Zawiyah', 12.7278, 32.7522],
  ['Sabha', 'Sabha', 14.4283, 27.0377],
  ['Derna', 'Derna', 22.6367, 32.767],
  ['Ajdabiya', 'Al Wahat', 20.2253, 30.7555],
];

const ACTORS = [
  'Synthetic Armed Force A (Libya)',
  'Synthetic Armed Force B (Libya)',
  'Unidentified Armed Group (Libya)',
  'Synthetic Foreign Military (Country C)',
  'Protesters (Libya)',
  'Civilians (Libya)',
];

/** [event type, sub-event type, weight, disorder type]. */
const EVENTS: [string, string, number, string][] = [
  ['Explosions/Remote violence', 'Air/drone strike', 22, 'Political violence'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 22, 'Political violence'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 4, 'Political violence'],
  ['Battles', 'Armed clash', 25, 'Political violence'],
  ['Battles', 'Government regains territory', 3, 'Political violence'],
  ['Battles', 'Non-state actor overtakes territory', 2, 'Political violence'],
  ['Violence against civilians', 'Attack', 6, 'Political violence'],
  ['Violence against civilians', 'Abduction/forced disappearance', 3, 'Political violence'],
  ['Protests', 'Peaceful protest', 6, 'Demonstrations'],
  ['Riots', 'Violent demonstration', 2, 'Demonstrations'],
  ['Strategic developments', 'Agreement', 2, 'Strategic developments'],
  ['Strategic developments', 'Headquarters or base established', 1, 'Strategic developments'],
  ['Strategic developments', 'Other', 2, 'Strategic developments'],
];
const TOTAL_WEIGHT = EVENTS.reduce((sum, e) => sum + e[2], 0);



/** A field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface GenerateOptions {
  seed?: number;
  /** First and last day of the synthetic events. */
  from?: string;
  to?: string;
}

/** `rows` synthetic records with a header, joined by CRLF. */
export function generateAcledCsv(rows: number, options: GenerateOptions = {}): string {
  const rand = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const first = dayOfDate(options.from ?? '2019-04-04');
  const span = dayOfDate(options.to ?? '2020-06-05') - first + 1;
  const lines: string[] = [ACLED_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    const iso = isoOfDay(first + Math.floor(rand() * span));
    const [y, m, d] = iso.split('-');
    // ACLED's own style most of the time, ISO now and then.
    const date = rand() < 0.9 ? `${Number(d)} ${ACLED_MONTHS[Number(m) - 1]} ${y}` : iso;
    let w = rand() * TOTAL_WEIGHT;
    const event = EVENTS.find((e) => (w -= e[2]) < 0) ?? EVENTS[0];
    const [place, admin1, lon, lat] = pick(PLACES);
    const actor1 = pick(ACTORS);
    const actor2 = rand() < 0.4 ? '' : pick(ACTORS);
    const fatalities = event[0] === 'Protests' ? 0 : Math.floor(rand() * rand() * 12);
    const quoted = rand() < 0.3 ? ` A spokesman said "the area is calm, for now", according to a synthetic report.` : '';
    const multiline = rand() < 0.05 ? '\nSecond paragraph of the note, on its own line.' : '';
    const notes = `[Synthetic test record] On ${date}, ${actor1} took part in an event recorded as "${event[1]}" in ${place}, ${admin1}.${quoted}${multiline} ${fatalities ? `${fatalities} fatalities, synthetic.` : 'No fatalities.'}`;
    const record: Record<(typeof ACLED_COLUMNS)[number], string | number> = {
      event_id_cnty: `LBY${100000 + i}`,
      event_date: date,
      year: y,
      time_precision: rand() < 0.8 ? 1 : rand() < 0.5 ? 2 : 3,
      disorder_type: event[3],
      event_type: event[0],
      sub_event_type: event[1],
      actor1,
      assoc_actor_1: rand() < 0.7 ? '' : 'Synthetic Militia D (Libya); Synthetic Militia E (Libya)',
      inter1: 1 + Math.floor(rand() * 8),
      actor2,
      assoc_actor_2: '',
      inter2: actor2 ? 1 + Math.floor(rand() * 8) : 0,
      interaction: 10 + Math.floor(rand() * 80),
      civilian_targeting: event[0] === 'Violence against civilians' ? 'Civilian targeting' : '',
      iso: 434,
      region: 'Northern Africa',
      country: 'Libya',
      admin1,
      admin2: admin1,
      admin3: '',
      location: place,
      latitude: (lat + (rand() - 0.5) * 0.2).toFixed(4),
      longitude: (lon + (rand() - 0.5) * 0.2).toFixed(4),
      geo_precision: rand() < 0.7 ? 1 : rand() < 0.7 ? 2 : 3,
      source: `Synthetic source ${1 + Math.floor(rand() * 9)}; Synthetic source ${10 + Math.floor(rand() * 9)}`,
      source_scale: pick(['National', 'Subnational', 'Other-National', 'New media']),
      notes,
      fatalities,
      tags: '',
      timestamp: 1_577_836_800 + i,
    };
    lines.push(ACLED_COLUMNS.map((c) => csvField(record[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function main(argv: string[]): number {
  const args = [...argv];
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args.splice(i, 2)[1];
  };
  const seed = Number(option('--seed') ?? 1);
  const out = option('--out');
  const rows = Number(args[0] ?? 1000);
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(seed)) {
    console.error('usage: npm run generate:acled [rows] [--seed n] [--out file.csv]');
    return 2;
  }
  const csv = generateAcledCsv(rows, { seed });
  if (out) {
    writeFileSync(out, csv);
    console.error(`wrote ${rows} synthetic ACLED rows to ${out}`);
  } else process.stdout.write(csv);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
