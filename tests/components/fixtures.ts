import { parseConfig, parseLayer } from '../../src/data/validate';
import { readFileSync } from 'node:fs';
import { createAppStore } from '../../src/state/store';
import type { Lang } from '../../src/i18n/strings';
import { dayOfDate } from '../../src/data/time';

const read = (file: string) => JSON.parse(readFileSync(`data/${file}`, 'utf8'));

/** A store loaded with the real story, as the app would have it after loading. */
export function loadedStore(lang: Lang = 'en', date = '2019-12-21') {
  const config = parseConfig('config.json', read('config.json')).config!;
  const store = createAppStore({ lang, day: dayOfDate(date) });
  const layers = Object.fromEntries(
    config.layers.map((l) => {
      const r = parseLayer(l.file, l.id, read(l.file));
      return [l.id, { status: 'ready', features: r.features, skippedNullGeometry: 0 }];
    }),
  );
  store.setState({ config, layers });
  return store;
}
