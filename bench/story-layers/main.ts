/**
 * The bench's second reference page (`npm run bench`): the baseline page (bench/baseline) plus the
 * story's layers as the app builds them (src/features/map/story/), with the article's data compiled
 * in and handed to the overlay as soon as the style is parsed. No React, no page shell, no downloads
 * or checks of the data at run time, no place names. Its time to first idle over the baseline's is
 * what drawing the story costs in this browser, whatever the app around it does; the app's own
 * ratio cannot fall below it.
 */
import { handOverLayers } from '../../src/features/map/handOver';
import { buildLayers } from '../../src/features/map/layers';
import { buildIconAtlas } from '../../src/features/map/icons';
import { FIRST_LABEL_LAYER } from '../../src/features/map/style';
import { referencePageWithLayers } from '../referenceMap';
import { parseConfig, parseLayer } from '../../src/data/validate';
import { dayOfDate } from '../../src/data/time';
import type { LayerId, StoryFeature } from '../../src/data/schema';
import rawConfig from '../../data/config.json';
import controlAreas from '../../data/control-areas.geojson?raw';
import frontLines from '../../data/front-lines.geojson?raw';
import airBases from '../../data/air-bases.geojson?raw';
import events from '../../data/events.geojson?raw';
import strikes from '../../data/strikes.geojson?raw';

const config = parseConfig('config.json', rawConfig).config!;
const files: Partial<Record<LayerId, string>> = { 'control-areas': controlAreas, 'front-lines': frontLines, 'air-bases': airBases, events, strikes };
const features: Partial<Record<LayerId, StoryFeature[]>> = {};
for (const [id, text] of Object.entries(files) as [LayerId, string][]) {
  const parsed = parseLayer(`${id}.geojson`, id, JSON.parse(text));
  if (parsed.problems.length) throw new Error(`${id}: ${JSON.stringify(parsed.problems[0])}`);
  features[id] = parsed.features;
}

// The map starts before the layers are built, as in the app; they go to it when its style is parsed.
referencePageWithLayers((map, overlay) => handOverLayers(map, overlay, layers, true));
const layers = buildLayers({
  day: dayOfDate(config.initialDate),
  features,
  visible: { 'control-areas': true, 'front-lines': true, 'air-bases': true, events: true, strikes: true, places: false },
  actors: config.actors,
  selectedId: null,
  hoveredId: null,
  icons: buildIconAtlas(),
  beforeId: FIRST_LABEL_LAYER,
});
