/**
 * Writing an import into a story folder: config.json merged with what the import found, and layer
 * files whose hand-written features are kept while earlier imports are replaced.
 */
import type { ActorEntry, ImportResult } from '../import-acled';

const IMPORTED_ID = /^acled-/;

/** config.json for the folder: the existing one with the new actors and layers, or a new one. */
export function mergedConfig(result: ImportResult, existing: Record<string, any> | undefined, csvName: string): Record<string, any> {
  if (existing) {
    const config = structuredClone(existing);
    config.actors = Array.isArray(config.actors) ? config.actors : [];
    const ids = new Set(config.actors.map((a: ActorEntry) => a.id));
    for (const a of result.actors) if (!ids.has(a.id)) config.actors.push(a);
    config.layers = Array.isArray(config.layers) ? config.layers : [];
    for (const id of ['strikes', 'events'])
      if (!config.layers.some((l: { id: string }) => l.id === id)) config.layers.push({ id, file: `${id}.geojson` });
    return config;
  }
  const e = result.extent!;
  const pad = 0.5;
  const bounds = [Math.max(-180, e.west - pad), Math.max(-90, e.south - pad), Math.min(180, e.east + pad), Math.min(90, e.north + pad)].map(
    (v) => Math.round(v * 100) / 100,
  );
  const span = Math.max(bounds[2] - bounds[0], (bounds[3] - bounds[1]) * 1.3);
  const zoom = Math.round(Math.min(10, Math.max(2, Math.log2(360 / span) - 0.3)) * 10) / 10;
  const center = [Math.round(((bounds[0] + bounds[2]) / 2) * 1000) / 1000, Math.round(((bounds[1] + bounds[3]) / 2) * 1000) / 1000];
  return {
    title: { en: `ACLED events, ${e.first} to ${e.last}`, ar: `أحداث من بيانات ACLED، من ${e.first} إلى ${e.last}` },
    subtitle: {
      en: `Imported from the ACLED export ${csvName}: ${result.summary.strikes} strikes and ${result.summary.events} other events. Summaries are ACLED's notes; Arabic translations are still missing.`,
      ar: `مستوردة من ملف ACLED ‏${csvName}: ${result.summary.strikes} ضربة و${result.summary.events} حدثًا آخر. الملخصات من ملاحظات ACLED، ولم تُترجم إلى العربية بعد.`,
    },
    source: { publisher: { en: 'ACLED', ar: 'ACLED' }, title: { en: csvName, ar: csvName }, published: e.updated ?? e.last },
    range: { start: e.first, end: e.last, contextStart: e.first },
    initialDate: e.last,
    view: { center, zoom },
    bounds,
    actors: result.actors,
    weapons: [],
    layers: [
      { id: 'strikes', file: 'strikes.geojson' },
      { id: 'events', file: 'events.geojson' },
    ],
  };
}

/** A layer file's features: the ones a person wrote are kept, earlier imports are replaced. */
export function mergedFeatures(existing: unknown, imported: readonly unknown[]): unknown[] {
  const kept = isCollection(existing) ? existing.features.filter((f: any) => !IMPORTED_ID.test(f?.properties?.id ?? '')) : [];
  return [...kept, ...imported];
}

/** One feature a line: compact for big imports, and still readable in a diff. */
export function featureCollectionText(features: unknown[]): string {
  if (!features.length) return '{ "type": "FeatureCollection", "features": [] }\n';
  return `{ "type": "FeatureCollection", "features": [\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n] }\n`;
}

function isCollection(value: unknown): value is { features: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as any).features);
}
