/**
 * Pure factories from story state to deck.gl layers. Nothing here touches the map: the engine hands
 * the result to the overlay. Every layer is a StoryLayer (one shader program for the whole story);
 * its geometry is built once per list of features and kept while the list is the same array, so
 * scrubbing the timeline only changes uniforms (the day), never buffers.
 */
import type { Layer } from '@deck.gl/core';
import type { Position } from 'geojson';
import type { Actor, AirBaseFeature, ControlAreaFeature, EventFeature, LayerId, PlaceFeature, StoryFeature, StrikeFeature } from '../../data/schema';
import { FADE_DAYS, spanOf, TRACE_OPACITY } from '../../data/time';
import { basesUnderAttack, featureOpacity, type DrawnFrontLine } from '../../state/selectors';
import { actorColors, CANDIDATE_ALPHA, FRONT_LINE_COLOR, HALO_COLOR, hexToRgba, PLACE_COLOR, SELECTION_COLOR, SIDE_COLORS, UNDER_ATTACK_COLOR, type RGBA } from './colors';
import type { IconAtlas } from './icons';
import { idIndex, sameBases, sameFrontLines, shownControlAreas } from './layerLists';
import { areaGeometry, KIND, lineGeometry, pointGeometry, type StoryGeometry } from './story/geometry';
import { FILTER } from './story/shaders';
import { StoryLayer, type StoryLayerProps } from './story/StoryLayer';

export interface LayerInput {
  day: number;
  features: Partial<Record<LayerId, StoryFeature[]>>;
  visible: Record<LayerId, boolean>;
  actors: Actor[];
  selectedId: string | null;
  hoveredId: string | null;
  icons: IconAtlas;
  /** MapLibre layer the deck layers are drawn beneath, so place names stay on top. */
  beforeId?: string;
}

/** What picking returns for every layer: the story feature (the front line gives its nearest snapshot). */
export type Picked = StoryFeature | DrawnFrontLine;
export function pickedFeature(object: Picked): StoryFeature {
  return 'path' in object ? object.nearest : object;
}

const HOVER_SCALE = 1.3;
const NONE: [number, number] = [-1, -1];

/** [first day, last day] of a dated feature, as the GPU filter sees it. */
const spanValue = (f: StoryFeature) => spanOf(f.properties as { start?: string; end?: string });

/**
 * Geometry built once for each list (and variant of it), rebuilt only when one of `inputs` is no
 * longer the same value: the actors' colours, the symbol atlas.
 */
const geometries = new WeakMap<object, Map<string, { inputs: unknown[]; geometry: StoryGeometry }>>();
function cachedGeometry(list: readonly object[], variant: string, inputs: unknown[], build: () => StoryGeometry): StoryGeometry {
  let variants = geometries.get(list);
  if (!variants) geometries.set(list, (variants = new Map()));
  const cached = variants.get(variant);
  if (cached && cached.inputs.length === inputs.length && cached.inputs.every((v, i) => v === inputs[i])) return cached.geometry;
  const geometry = build();
  variants.set(variant, { inputs, geometry });
  return geometry;
}

/** Adds one StoryLayer to the list being built. */
type AddLayer = (props: StoryLayerProps & { id: string; pickable?: boolean; opacity?: number }) => void;

export function buildLayers(input: LayerInput): Layer[] {
  const { visible, features } = input;
  const colorOf = actorRgba(input.actors);
  const layers: Layer[] = [];
  const layer: AddLayer = (props) => void layers.push(new StoryLayer({ beforeId: input.beforeId, pickable: true, ...props } as any));
  const recent = { filterMode: FILTER.recent, day: input.day, fadeDays: FADE_DAYS };
  const trace = { filterMode: FILTER.trace, day: input.day };

  // Town dots, under everything else so that an event in a town is never hidden by its dot. They
  // were a MapLibre circle layer: drawn here, they cost no program of their own to compile. Their
  // names stay with MapLibre, which places text (style.ts).
  if (visible.places && features.places) {
    const places = features.places as PlaceFeature[];
    // MapLibre drew the outline outside the dot's radius; here it is centred on it.
    const dots = cachedGeometry(places, 'dot', [], () =>
      pointGeometry(places, { kind: KIND.circle, position: (d) => d.geometry.coordinates, size: (d) => 2.5 + d.properties.rank, fill: () => PLACE_COLOR, line: () => [255, 255, 255, 255] }),
    );
    layer({ id: 'places', pickable: false, data: places, geometry: dots, strokeWidth: 1 });
  }

  if (visible['control-areas'] && features['control-areas']) {
    const shown = shownControlAreas(features['control-areas'] as ControlAreaFeature[], input.day);
    const sideColor = (f: ControlAreaFeature, alpha: number) => hexToRgba(SIDE_COLORS[f.properties.side], alpha);
    const geometry = cachedGeometry(shown, 'area', [], () =>
      areaGeometry(shown, {
        polygons: (f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Position[][][],
        fill: (f) => sideColor(f, 46),
        outline: (f) => sideColor(f, 200),
        outlineWidth: 1.5,
      }),
    );
    layer({ id: 'control-areas', data: shown, geometry, dash: [5, 4] });
  }

  if (visible['front-lines'] && features['front-lines']) {
    const lines = sameFrontLines(features['front-lines'], input.day);
    const highlighted = highlightedIndices(lines, (d) => d.nearest.properties.id, input);
    const line = (variant: string, color: RGBA, width: number) =>
      cachedGeometry(lines, variant, [], () => lineGeometry(lines, { lines: (d) => [d.path], width: () => width, color: () => color }));
    layer({ id: 'front-line-halo', data: lines, geometry: line('halo', HALO_COLOR, 7), highlighted, highlightScale: 10 / 7 });
    layer({ id: 'front-line', data: lines, geometry: line('line', FRONT_LINE_COLOR, 3.5), dash: [3, 2], highlighted, highlightScale: 5 / 3.5 });
  }

  if (visible['air-bases'] && features['air-bases']) {
    const bases = features['air-bases'] as AirBaseFeature[];
    const attacked = basesUnderAttack(features.strikes ?? [], input.day);
    const underAttack = sameBases(bases.filter((b) => attacked.has(b.properties.id)));
    const rings = cachedGeometry(underAttack, 'ring', [], () =>
      pointGeometry(underAttack, { kind: KIND.circle, position: (d) => d.geometry.coordinates, size: () => 19, fill: () => [0, 0, 0, 0], line: () => UNDER_ATTACK_COLOR }),
    );
    layer({ id: 'air-bases-under-attack', pickable: false, data: underAttack, geometry: rings, strokeWidth: 3 });
    symbolLayers<AirBaseFeature>(layer, 'air-bases', bases, input, {
      icon: () => 'air-base',
      size: 24,
      color: (d) => withAlpha(hexToRgba(SIDE_COLORS[d.properties.side]), d.properties.candidate ? CANDIDATE_ALPHA : 255),
    });
  }

  if (visible.strikes && features.strikes) {
    const strikes = features.strikes as StrikeFeature[];
    const radius = (d: StrikeFeature) => 6 + 3.2 * Math.sqrt(d.properties.count ?? 1);
    const circles = (variant: 'trace' | 'recent') =>
      cachedGeometry(strikes, variant, [input.actors], () =>
        pointGeometry(strikes, {
          kind: KIND.circle,
          position: (d) => d.geometry.coordinates,
          size: radius,
          span: spanValue,
          fill: (d) => (variant === 'trace' ? [0, 0, 0, 0] : withAlpha(colorOf(d.properties.attacker), 210)),
          line: (d) => (variant === 'trace' ? withAlpha(colorOf(d.properties.attacker), 255 * TRACE_OPACITY * 2) : [255, 255, 255, 255]),
        }),
      );
    layer({ id: 'strikes-trace', data: strikes, geometry: circles('trace'), strokeWidth: 1.5, ...trace });
    layer({ id: 'strikes', data: strikes, geometry: circles('recent'), strokeWidth: 2, ...recent });
  }

  if (visible.events && features.events) {
    const events = features.events as EventFeature[];
    symbolLayers<EventFeature>(layer, 'events', events, input, {
      icon: (d) => d.properties.category,
      size: 22,
      color: (d) => colorOf(d.properties.actor),
      timed: { recent, trace },
    });
  }

  const selected = selectedPoint(input);
  if (selected) layer({ id: 'selection', pickable: false, ...selectionRing(selected), strokeWidth: 3 });
  return layers;
}

interface SymbolStyle<T> {
  icon: (d: T) => string;
  size: number;
  color: (d: T) => RGBA;
  timed?: { recent: Partial<StoryLayerProps>; trace: Partial<StoryLayerProps> };
}

/** A white halo under each symbol keeps it legible on land, sea and control areas alike. */
function symbolLayers<T extends StoryFeature>(layer: AddLayer, id: string, data: T[], input: LayerInput, style: SymbolStyle<T>): void {
  const { atlas, mapping } = input.icons;
  const cell = (name: string): [number, number] => {
    const m = mapping[name];
    return m ? [m.x / m.width, m.y / m.height] : [0, 0];
  };
  const first = Object.values(mapping)[0];
  const atlasGrid: [number, number] = first ? [atlas.width / first.width, atlas.height / first.height] : [1, 1];
  const symbols = (halo: boolean) =>
    cachedGeometry(data, halo ? 'halo' : 'symbol', [input.actors, input.icons], () =>
      pointGeometry(data, {
        kind: KIND.icon,
        position: (d) => d.geometry.coordinates as Position,
        size: () => style.size,
        span: spanValue,
        fill: halo ? () => HALO_COLOR : style.color,
        cell: halo ? (d) => cell(`${style.icon(d)}-halo`) : (d) => cell(style.icon(d)),
      }),
    );
  const shared = { data, atlas, atlasGrid, highlighted: highlightedIndices(data, (d) => d.properties.id, input), highlightScale: HOVER_SCALE };
  if (!style.timed) {
    layer({ ...shared, id: `${id}-halo`, pickable: false, geometry: symbols(true) });
    layer({ ...shared, id, geometry: symbols(false) });
    return;
  }
  layer({ ...shared, id: `${id}-trace`, geometry: symbols(false), opacity: TRACE_OPACITY, ...style.timed.trace });
  layer({ ...shared, id: `${id}-halo`, pickable: false, geometry: symbols(true), ...style.timed.recent });
  layer({ ...shared, id, geometry: symbols(false), ...style.timed.recent });
}

/** Where the selected and the hovered feature are in `list`, for the shader to draw them larger. */
const indexes = new WeakMap<object, Map<string, number>>();
function highlightedIndices<T extends object>(list: readonly T[], idOf: (d: T) => string, input: LayerInput): [number, number] {
  if (!input.selectedId && !input.hoveredId) return NONE;
  let index = indexes.get(list);
  if (!index) indexes.set(list, (index = new Map(list.map((d, i) => [idOf(d), i]))));
  const at = (id: string | null) => (id === null ? -1 : (index.get(id) ?? -1));
  return [at(input.selectedId), at(input.hoveredId)];
}

/**
 * The ring around the selected feature, kept for as long as the same feature is selected (keyed by
 * its coordinates array), so that scrubbing or hovering with a selection uploads nothing new.
 */
const selectionRings = new WeakMap<[number, number], { data: [number, number][]; geometry: StoryGeometry }>();
function selectionRing(point: [number, number]): { data: [number, number][]; geometry: StoryGeometry } {
  let ring = selectionRings.get(point);
  if (!ring) {
    const data = [point];
    const geometry = pointGeometry(data, { kind: KIND.circle, position: (d) => d, size: () => 22, fill: () => [0, 0, 0, 0], line: () => SELECTION_COLOR });
    selectionRings.set(point, (ring = { data, geometry }));
  }
  return ring;
}

function selectedPoint(input: LayerInput): [number, number] | null {
  if (!input.selectedId) return null;
  for (const list of Object.values(input.features)) {
    const f = list && idIndex(list).get(input.selectedId);
    if (f?.geometry.type === 'Point' && featureOpacity(f, input.day) > 0) return f.geometry.coordinates as [number, number];
  }
  return null;
}

/** actorColors as the layers take them, each colour converted once. */
function actorRgba(actors: Actor[]): (id: string) => RGBA {
  const hexOf = actorColors(actors);
  const converted = new Map<string, RGBA>();
  return (id) => converted.get(id) ?? converted.set(id, hexToRgba(hexOf(id))).get(id)!;
}

function withAlpha(color: RGBA, alpha: number): RGBA {
  return [color[0], color[1], color[2], Math.round(alpha)];
}
