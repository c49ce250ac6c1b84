/**
 * Pure factories from story state to deck.gl layers. Nothing here touches the map: the engine hands
 * the result to the overlay. Data arrays keep their identity between calls, so scrubbing the
 * timeline only changes uniforms (filter ranges), never buffers.
 */
import { GeoJsonLayer, IconLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { Actor, AirBaseFeature, ControlAreaFeature, EventFeature, LayerId, StoryFeature, StrikeFeature } from '../../data/schema';
import { FADE_DAYS, spanOf, TRACE_OPACITY } from '../../data/time';
import { basesUnderAttack, featureOpacity, frontLinesAt, type DrawnFrontLine } from '../../state/selectors';
import { FRONT_LINE_COLOR, HALO_COLOR, hexToRgba, SELECTION_COLOR, SIDE_COLORS, UNDER_ATTACK_COLOR, type RGBA } from './colors';
import type { IconAtlas } from './icons';

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

const FAR = 1e7;
const dashed = new PathStyleExtension({ dash: true });
const timeFilter = new DataFilterExtension({ filterSize: 2 });

/** [first day, last day] of a dated feature, as the GPU filter sees it. */
const spanValue = (f: StoryFeature) => spanOf(f.properties as { start?: string; end?: string });

/** Shown from its start; full strength until its end, then fading over FADE_DAYS. */
function recentFilter(day: number) {
  return {
    extensions: [timeFilter],
    getFilterValue: spanValue,
    filterRange: [[-FAR, day], [day - FADE_DAYS, FAR]] as [number, number][],
    filterSoftRange: [[-FAR, day], [day, FAR]] as [number, number][],
    filterTransformColor: true,
  };
}

/** Everything that has started, as a faint trace under the recent layer. */
function traceFilter(day: number) {
  return {
    extensions: [timeFilter],
    getFilterValue: spanValue,
    filterRange: [[-FAR, day], [-FAR, FAR]] as [number, number][],
  };
}

export function buildLayers(input: LayerInput): Layer[] {
  const { visible, features } = input;
  const colorOf = actorColors(input.actors);
  const layers: Layer[] = [];
  const common = { beforeId: input.beforeId, pickable: true };

  if (visible['control-areas'] && features['control-areas']) {
    const shown = features['control-areas'].filter((f) => featureOpacity(f, input.day) > 0) as ControlAreaFeature[];
    layers.push(
      new GeoJsonLayer({
        ...common,
        id: 'control-areas',
        data: memo(shown),
        getFillColor: (f: any) => hexToRgba(SIDE_COLORS[(f as ControlAreaFeature).properties.side], 46),
        getLineColor: (f: any) => hexToRgba(SIDE_COLORS[(f as ControlAreaFeature).properties.side], 200),
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        extensions: [dashed],
        getDashArray: [5, 4],
        dashJustified: true,
      } as any),
    );
  }

  if (visible['front-lines'] && features['front-lines']) {
    const lines = frontLinesAt(features['front-lines'], input.day);
    const highlighted = (d: DrawnFrontLine) => d.nearest.properties.id === input.selectedId || d.nearest.properties.id === input.hoveredId;
    layers.push(
      new PathLayer<DrawnFrontLine>({
        ...common,
        id: 'front-line-halo',
        data: lines,
        getPath: (d: DrawnFrontLine) => d.path,
        getColor: HALO_COLOR,
        widthUnits: 'pixels',
        getWidth: (d: DrawnFrontLine) => (highlighted(d) ? 10 : 7),
        updateTriggers: { getWidth: [input.selectedId, input.hoveredId] },
      }),
      new PathLayer<DrawnFrontLine>({
        ...common,
        id: 'front-line',
        data: lines,
        getPath: (d: DrawnFrontLine) => d.path,
        getColor: FRONT_LINE_COLOR,
        widthUnits: 'pixels',
        getWidth: (d: DrawnFrontLine) => (highlighted(d) ? 5 : 3.5),
        extensions: [dashed],
        getDashArray: [3, 2],
        updateTriggers: { getWidth: [input.selectedId, input.hoveredId] },
      } as any),
    );
  }

  if (visible['air-bases'] && features['air-bases']) {
    const bases = features['air-bases'] as AirBaseFeature[];
    const attacked = basesUnderAttack(features.strikes ?? [], input.day);
    const underAttack = bases.filter((b) => attacked.has(b.properties.id));
    layers.push(
      new ScatterplotLayer<AirBaseFeature>({
        ...common,
        pickable: false,
        id: 'air-bases-under-attack',
        data: underAttack,
        getPosition: (d) => d.geometry.coordinates,
        radiusUnits: 'pixels',
        getRadius: 19,
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: UNDER_ATTACK_COLOR,
      }),
      ...iconPair<AirBaseFeature>('air-bases', memo(bases), input, {
        getIcon: () => 'air-base',
        getSize: 24,
        getColor: (d) => withAlpha(hexToRgba(SIDE_COLORS[d.properties.side]), d.properties.candidate ? 150 : 255),
      }),
    );
  }

  if (visible.strikes && features.strikes) {
    const strikes = memo(features.strikes as StrikeFeature[]);
    const radius = (d: StrikeFeature) => 6 + 3.2 * Math.sqrt(d.properties.count ?? 1);
    const strikeLayer = (id: string, trace: boolean) =>
      new ScatterplotLayer<StrikeFeature>({
        ...common,
        id,
        data: strikes,
        getPosition: (d: StrikeFeature) => d.geometry.coordinates,
        radiusUnits: 'pixels',
        getRadius: radius,
        stroked: true,
        filled: !trace,
        lineWidthUnits: 'pixels',
        getLineWidth: trace ? 1.5 : 2,
        getFillColor: (d: StrikeFeature) => withAlpha(colorOf(d.properties.attacker), 210),
        getLineColor: (d: StrikeFeature) => (trace ? withAlpha(colorOf(d.properties.attacker), 255 * TRACE_OPACITY * 2) : [255, 255, 255, 255]),
        ...(trace ? traceFilter(input.day) : recentFilter(input.day)),
      } as any);
    layers.push(strikeLayer('strikes-trace', true), strikeLayer('strikes', false));
  }

  if (visible.events && features.events) {
    const events = memo(features.events as EventFeature[]);
    layers.push(
      ...iconPair<EventFeature>('events', events, input, {
        getIcon: (d) => d.properties.category,
        getSize: 22,
        getColor: (d) => colorOf(d.properties.actor),
        timed: true,
      }),
    );
  }

  const selected = selectedPoint(input);
  if (selected) {
    layers.push(
      new ScatterplotLayer({
        id: 'selection',
        beforeId: input.beforeId,
        data: [selected],
        getPosition: (d: [number, number]) => d,
        radiusUnits: 'pixels',
        getRadius: 22,
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: SELECTION_COLOR,
      }),
    );
  }
  return layers;
}

interface IconStyle<T> {
  getIcon: (d: T) => string;
  getSize: number;
  getColor: (d: T) => RGBA;
  timed?: boolean;
}

/** A white halo under each symbol keeps it legible on land, sea and control areas alike. */
function iconPair<T extends StoryFeature>(id: string, data: T[], input: LayerInput, style: IconStyle<T>): Layer[] {
  const shared = {
    beforeId: input.beforeId,
    data,
    iconAtlas: input.icons.atlas,
    iconMapping: input.icons.mapping,
    getPosition: (d: T) => d.geometry.coordinates as [number, number],
    sizeUnits: 'pixels' as const,
  };
  const make = (layerId: string, filter: object, halo: boolean, pickable: boolean) =>
    new IconLayer<T>({
      ...shared,
      ...filter,
      id: layerId,
      pickable,
      getIcon: halo ? (d: T) => `${style.getIcon(d)}-halo` : style.getIcon,
      getSize: (d: T) => (d.properties.id === input.selectedId || d.properties.id === input.hoveredId ? 1.3 : 1) * style.getSize,
      getColor: halo ? HALO_COLOR : style.getColor,
      updateTriggers: { getSize: [input.selectedId, input.hoveredId] },
    } as any);
  if (!style.timed) return [make(`${id}-halo`, {}, true, false), make(id, {}, false, true)];
  const trace = { ...traceFilter(input.day), opacity: TRACE_OPACITY };
  return [
    make(`${id}-trace`, trace, false, true),
    make(`${id}-halo`, recentFilter(input.day), true, false),
    make(id, recentFilter(input.day), false, true),
  ];
}

function selectedPoint(input: LayerInput): [number, number] | null {
  if (!input.selectedId) return null;
  for (const list of Object.values(input.features)) {
    const f = list?.find((x) => x.properties.id === input.selectedId);
    if (f?.geometry.type === 'Point' && featureOpacity(f, input.day) > 0) return f.geometry.coordinates as [number, number];
  }
  return null;
}

function actorColors(actors: Actor[]): (id: string) => RGBA {
  const map = new Map(actors.map((a) => [a.id, hexToRgba(a.color)]));
  return (id) => map.get(id) ?? hexToRgba(SIDE_COLORS.none);
}

function withAlpha(color: RGBA, alpha: number): RGBA {
  return [color[0], color[1], color[2], Math.round(alpha)];
}

/**
 * Keeps one array per content, so a layer whose input did not change keeps its GPU buffers
 * (deck.gl compares `data` by reference).
 */
const memoCache = new WeakMap<object, Map<string, unknown[]>>();
function memo<T extends StoryFeature>(list: T[]): T[] {
  if (list.length === 0) return list;
  const key = list.map((f) => f.properties.id).join('|');
  const anchor = list[0];
  let byKey = memoCache.get(anchor);
  if (!byKey) memoCache.set(anchor, (byKey = new Map()));
  const cached = byKey.get(key) as T[] | undefined;
  if (cached) return cached;
  byKey.set(key, list);
  return list;
}
