/**
 * The bench's baseline (`npm run bench`): the app's basemap style, drawn by MapLibre with an empty
 * deck.gl overlay, and nothing else: no React, no story data, no story layers. Time to first idle
 * here is the floor the app is measured against.
 */
import { exposeToBench, referenceMap } from '../referenceMap';

const { map } = referenceMap();
let ready = false;
map.once('idle', () => (ready = true));
exposeToBench(map, () => ready);
