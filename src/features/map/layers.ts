/**
 * Pure factories from story state to deck.gl layers. Nothing here touches the map: the engine hands
 * the result to the overlay. Data arrays keep their identity between calls, so scrubbing the
 * timeline only changes uniforms (filter ranges), never buffers.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { Actor, AirBaseFeature, ControlAreaFeature, EventFeature, LayerId, StoryFeature, StrikeFeature } from '../../data/schema';
import { FADE_DAYS, spanOf, TRACE_OPACITY } from '../../data/time';
import { basesUnderAttack, featureOpacity, frontLinesAt, type DrawnFrontLine } from '../../state/selectors';
import { actorColors, CANDIDATE_ALPHA, FRONT_LINE_COLOR, HALO_COLOR, hexToRgba, SELECTION_COLOR, SIDE_COLORS, UNDER_ATTACK_COLOR, type RGBA } from './colors';
import type { IconAtlas } from './icons';
import { idIndex, sameBases, shownControlAreas } from './layerLists';
import { BillboardIconLayer, FlatPathLayer, FlatScatterplotLayer, FlatSolidPolygonLayer } from './flatLayers';

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

/**
 * Undated layers pass through the same filter, always open. It does nothing for them but keep every
 * scatterplot and every icon layer on one shader program each: compiling a program is the slowest
 * part of the first draw (about 0.2 s each in software rendering), so three fewer help the first load.
 */
const ALWAYS: [number, number] = [0, 0];
const noFilter = {
  extensions: [timeFilter],
  getFilterValue: () => ALWAYS,
  filterRange: [[-FAR, FAR], [-FAR, FAR]] as [number, number][],
};

/**
 * A style that is the same for every feature, given per feature all the same. deck.gl would send a
 * constant as one value, which gives the layer a vertex layout of its own; software renderers
 * compile a program again for each layout it meets (0.06–0.13 s a time). Per-feature values keep
 * every layer of a class on one layout, for a few bytes per feature.
 */
function perFeature<T>(value: T): () => T {
  return () => value;
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
  const colorOf = actorRgba(input.actors);
  const layers: Layer[] = [];
  const common = { beforeId: input.beforeId, pickable: true };

  if (visible['control-areas'] && features['control-areas']) {
    const shown = shownControlAreas(features['control-areas'] as ControlAreaFeature[], input.day);
    layers.push(
      new GeoJsonLayer({
        ...common,
        id: 'control-areas',
        data: shown,
        getFillColor: (f: any) => hexToRgba(SIDE_COLORS[(f as ControlAreaFeature).properties.side], 46),
        getLineColor: (f: any) => hexToRgba(SIDE_COLORS[(f as ControlAreaFeature).properties.side], 200),
        lineWidthUnits: 'pixels',
        getLineWidth: perFeature(1.5),
        extensions: [dashed],
        getDashArray: [5, 4],
        dashJustified: true,
        // The outline joins the front line's shader program; both draw lie flat (see flatLayers.ts).
        _subLayerProps: { 'polygons-fill': { type: FlatSolidPolygonLayer }, 'polygons-stroke': { type: FlatPathLayer } },
      } as any),
    );
  }

  if (visible['front-lines'] && features['front-lines']) {
    const lines = frontLinesAt(features['front-lines'], input.day);
    const highlighted = (d: DrawnFrontLine) => d.nearest.properties.id === input.selectedId || d.nearest.properties.id === input.hoveredId;
    layers.push(
      new FlatPathLayer<DrawnFrontLine>({
        ...common,
        id: 'front-line-halo',
        data: lines,
        getPath: (d: DrawnFrontLine) => d.path,
        getColor: perFeature(HALO_COLOR),
        widthUnits: 'pixels',
        getWidth: (d: DrawnFrontLine) => (highlighted(d) ? 10 : 7),
        updateTriggers: { getWidth: [input.selectedId, input.hoveredId] },
        // Solid (no dashes), but with the dashed line's extension it shares its shader program.
        extensions: [dashed],
        getDashArray: [0, 0],
      } as any),
      new FlatPathLayer<DrawnFrontLine>({
        ...common,
        id: 'front-line',
        data: lines,
        getPath: (d: DrawnFrontLine) => d.path,
        getColor: perFeature(FRONT_LINE_COLOR),
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
    const underAttack = sameBases(bases.filter((b) => attacked.has(b.properties.id)));
    layers.push(
      new FlatScatterplotLayer<AirBaseFeature>({
        ...common,
        pickable: false,
        id: 'air-bases-under-attack',
        data: underAttack,
        getPosition: (d: AirBaseFeature) => d.geometry.coordinates,
        radiusUnits: 'pixels',
        getRadius: perFeature(19),
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: perFeature(3),
        getFillColor: perFeature(UNDER_ATTACK_COLOR),
        getLineColor: perFeature(UNDER_ATTACK_COLOR),
        ...noFilter,
      } as any),
      ...iconPair<AirBaseFeature>('air-bases', bases, input, {
        getIcon: () => 'air-base',
        getSize: 24,
        getColor: (d) => withAlpha(hexToRgba(SIDE_COLORS[d.properties.side]), d.properties.candidate ? CANDIDATE_ALPHA : 255),
      }),
    );
  }

  if (visible.strikes && features.strikes) {
    const strikes = features.strikes as StrikeFeature[];
    const radius = (d: StrikeFeature) => 6 + 3.2 * Math.sqrt(d.properties.count ?? 1);
    const strikeLayer = (id: string, trace: boolean) =>
      new FlatScatterplotLayer<StrikeFeature>({
        ...common,
        id,
        data: strikes,
        getPosition: (d: StrikeFeature) => d.geometry.coordinates,
        radiusUnits: 'pixels',
        getRadius: radius,
        stroked: true,
        filled: !trace,
        lineWidthUnits: 'pixels',
        getLineWidth: perFeature(trace ? 1.5 : 2),
        getFillColor: (d: StrikeFeature) => withAlpha(colorOf(d.properties.attacker), 210),
        getLineColor: (d: StrikeFeature) => (trace ? withAlpha(colorOf(d.properties.attacker), 255 * TRACE_OPACITY * 2) : [255, 255, 255, 255]),
        ...(trace ? traceFilter(input.day) : recentFilter(input.day)),
      } as any);
    layers.push(strikeLayer('strikes-trace', true), strikeLayer('strikes', false));
  }

  if (visible.events && features.events) {
    const events = features.events as EventFeature[];
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
      new FlatScatterplotLayer({
        id: 'selection',
        beforeId: input.beforeId,
        data: [selected],
        getPosition: (d: [number, number]) => d,
        radiusUnits: 'pixels',
        getRadius: perFeature(22),
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: perFeature(3),
        getFillColor: perFeature(SELECTION_COLOR),
        getLineColor: perFeature(SELECTION_COLOR),
        ...noFilter,
      } as any),
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
    new BillboardIconLayer<T>({
      ...shared,
      ...filter,
      id: layerId,
      pickable,
      getIcon: halo ? (d: T) => `${style.getIcon(d)}-halo` : style.getIcon,
      getSize: (d: T) => (d.properties.id === input.selectedId || d.properties.id === input.hoveredId ? 1.3 : 1) * style.getSize,
      getColor: halo ? perFeature(HALO_COLOR) : style.getColor,
      updateTriggers: { getSize: [input.selectedId, input.hoveredId] },
    } as any);
  if (!style.timed) return [make(`${id}-halo`, noFilter, true, false), make(id, noFilter, false, true)];
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
