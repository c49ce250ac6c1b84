/**
 * The map without WebGL: an SVG drawn by React from the same store as the interactive map, for
 * browsers that cannot give MapLibre a WebGL2 context (or whose map failed to start). Land and
 * borders from the shipped basemap, then the story at the timeline's date: areas of control, the
 * front line, places, air bases, strikes and events, faded with age as on the real map. It follows
 * the timeline; clicking a symbol selects it. Every string is React text.
 */
import { useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../state/store';
import { basesUnderAttack, featureOpacity, frontLinesAt, readyFeatures } from '../../state/selectors';
import type { StoryFeature } from '../../data/schema';
import { formatDay } from '../../data/time';
import { strings } from '../../i18n/strings';
import { LOCALES } from '../../i18n/format';
import { SHAPES, FILL_RULE } from './icons';
import { SIDE_COLORS, UNDER_ATTACK_HEX } from './colors';

/** The drawing's own size: the configured zoom is meant for a map this wide (see fitZoom). */
export const STATIC_WIDTH = 900;
export const STATIC_HEIGHT = 600;
/** Beyond this many strikes and events, only the latest are drawn: the list below has them all. */
export const STATIC_MAX_SYMBOLS = 3000;

type Position = number[];
type Project = (p: Position) => [number, number];

/** Web Mercator, at the story's view: the same picture MapLibre would show at that centre and zoom. */
export function projector(center: [number, number], zoom: number, width = STATIC_WIDTH, height = STATIC_HEIGHT): Project {
  const world = 512 * 2 ** zoom;
  const mx = (lng: number) => ((lng + 180) / 360) * world;
  const my = (lat: number) => {
    const s = Math.min(0.9999, Math.max(-0.9999, Math.sin((lat * Math.PI) / 180)));
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world;
  };
  const x0 = mx(center[0]) - width / 2;
  const y0 = my(center[1]) - height / 2;
  return ([lng, lat]) => [Math.round((mx(lng) - x0) * 10) / 10, Math.round((my(lat) - y0) * 10) / 10];
}

/** An SVG path for any GeoJSON line or polygon geometry. */
export function pathOf(geometry: { type: string; coordinates: unknown } | null | undefined, project: Project): string {
  if (!geometry) return '';
  const line = (points: Position[], close: boolean) =>
    points.map((p, i) => `${i ? 'L' : 'M'}${project(p).join(' ')}`).join('') + (close ? 'Z' : '');
  const c = geometry.coordinates as any;
  switch (geometry.type) {
    case 'LineString':
      return line(c, false);
    case 'MultiLineString':
      return (c as Position[][]).map((l) => line(l, false)).join('');
    case 'Polygon':
      return (c as Position[][]).map((r) => line(r, true)).join('');
    case 'MultiPolygon':
      return (c as Position[][][]).flatMap((p) => p.map((r) => line(r, true))).join('');
    default:
      return '';
  }
}

interface Basemap {
  land: string;
  borders: string;
  labels: { name_ar?: string; name_en?: string; kind?: string; at: Position }[];
}

type Collection = { features?: { geometry?: { type: string; coordinates: unknown } | null; properties?: Record<string, any> }[] };

let basemapFiles: Promise<[Collection, Collection, Collection]> | null = null;

function fetchBasemap(): Promise<[Collection, Collection, Collection]> {
  const get = (name: string) =>
    fetch(new URL(`basemap/${name}`, document.baseURI).href, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
      return r.json() as Promise<Collection>;
    });
  return (basemapFiles ??= Promise.all([get('land.geojson'), get('borders.geojson'), get('labels.geojson')]).catch((error) => {
    basemapFiles = null; // let a later mount try again
    throw error;
  }));
}

/** The basemap, projected; null while it loads (or if it cannot: the story still draws on the sea). */
function useBasemap(project: Project | null): Basemap | null {
  const [files, setFiles] = useState<[Collection, Collection, Collection] | null>(null);
  useEffect(() => {
    let live = true;
    fetchBasemap().then(
      (loaded) => live && setFiles(loaded),
      (error) => console.warn('[static map] basemap:', error),
    );
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => {
    if (!files || !project) return null;
    const [land, borders, labels] = files;
    const paths = (c: Collection) => (c.features ?? []).map((f) => pathOf(f.geometry, project)).join('');
    return {
      land: paths(land),
      borders: paths(borders),
      labels: (labels.features ?? [])
        .filter((f) => f.geometry?.type === 'Point' && (f.properties?.kind === 'country' || f.properties?.kind === 'sea'))
        .map((f) => ({ ...f.properties, at: f.geometry!.coordinates as Position })),
    };
  }, [files, project]);
}

export function StaticMap() {
  const config = useAppStore((s) => s.config);
  const layers = useAppStore((s) => s.layers);
  const visible = useAppStore((s) => s.visible);
  const day = useAppStore((s) => s.day);
  const lang = useAppStore((s) => s.lang);
  const selectedId = useAppStore((s) => s.selectedId);
  const select = useAppStore((s) => s.select);
  const project = useMemo(() => (config ? projector(config.view.center, config.view.zoom) : null), [config]);
  const basemap = useBasemap(project);
  if (!config || !project) return null;
  const t = strings[lang];

  const colorOf = (actor: string) => config.actors.find((a) => a.id === actor)?.color ?? SIDE_COLORS.none;
  const shown = (id: Parameters<typeof readyFeatures>[1]) => (visible[id] ? readyFeatures(layers, id) : []);
  const areas = shown('control-areas').filter((f) => featureOpacity(f, day) > 0);
  const lines = frontLinesAt(shown('front-lines'), day);
  const places = shown('places').filter((f) => f.properties.kind === 'place' && f.properties.rank >= 1);
  const bases = shown('air-bases');
  const attacked = basesUnderAttack(readyFeatures(layers, 'strikes'), day);
  const symbols = [...shown('strikes'), ...shown('events')]
    .map((f) => ({ f, opacity: featureOpacity(f, day) }))
    .filter((s) => s.opacity > 0)
    .sort((a, b) => startOf(a.f).localeCompare(startOf(b.f)))
    .slice(-STATIC_MAX_SYMBOLS);
  const label = t.staticMapLabel.replace('{date}', formatDay(day, LOCALES[lang]));
  const onPick = (f: StoryFeature) => () => select(selectedId === f.properties.id ? null : f.properties.id);
  const point = (f: StoryFeature) => project(f.geometry.coordinates as Position);

  return (
    <svg
      className="static-map"
      viewBox={`0 0 ${STATIC_WIDTH} ${STATIC_HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="static-map"
      preserveAspectRatio="xMidYMid meet"
    >
      <rect className="sea" width={STATIC_WIDTH} height={STATIC_HEIGHT} fill="#c9dbe6" />
      {basemap && <path className="land" d={basemap.land} fill="#f4f1ea" stroke="#8fa9ba" strokeWidth={0.8} />}
      {basemap && <path className="borders" d={basemap.borders} fill="none" stroke="#8c8c8c" strokeDasharray="3 2" />}
      {areas.map((f) => {
        const color = SIDE_COLORS[(f.properties as { side: keyof typeof SIDE_COLORS }).side];
        return (
          <path
            key={f.properties.id}
            className="control-area"
            data-id={f.properties.id}
            d={pathOf(f.geometry, project)}
            fill={color}
            fillOpacity={0.18}
            fillRule="evenodd"
            stroke={color}
            strokeDasharray="4 3"
            onClick={onPick(f)}
          />
        );
      })}
      {lines.map((l) => (
        <path
          key={l.line}
          className="front-line"
          data-id={l.nearest.properties.id}
          d={pathOf({ type: 'LineString', coordinates: l.path }, project)}
          fill="none"
          stroke="#1e1e1e"
          strokeWidth={3}
          strokeDasharray="8 5"
          onClick={onPick(l.nearest)}
        />
      ))}
      {places.map((f) => {
        const [x, y] = point(f);
        return <circle key={f.properties.id} className="place" cx={x} cy={y} r={2 + (f.properties as { rank: number }).rank} fill="#333" stroke="#fff" />;
      })}
      {bases.map((f) => {
        const [x, y] = point(f);
        const p = f.properties as { id: string; side: keyof typeof SIDE_COLORS; candidate: boolean };
        return (
          <g key={p.id} className="symbol air-base" data-id={p.id} opacity={p.candidate ? 0.6 : 1} onClick={onPick(f)}>
            <title>{f.properties.title[lang]}</title>
            {attacked.has(p.id) && <circle cx={x} cy={y} r={13} fill="none" stroke={UNDER_ATTACK_HEX} strokeWidth={3} />}
            <path d={SHAPES['air-base']} transform={`translate(${x - 9} ${y - 9}) scale(0.75)`} fill={SIDE_COLORS[p.side]} fillRule={FILL_RULE} stroke="#fff" strokeWidth={1} />
          </g>
        );
      })}
      {symbols.map(({ f, opacity }) => {
        const [x, y] = point(f);
        const p = f.properties;
        return (
          <g key={p.id} className={`symbol ${p.kind}`} data-id={p.id} opacity={opacity} onClick={onPick(f)}>
            <title>{p.title[lang]}</title>
            {p.kind === 'strike' ? (
              <circle cx={x} cy={y} r={4 + 2.4 * Math.sqrt(p.count ?? 1)} fill={colorOf(p.attacker)} fillOpacity={0.85} stroke="#fff" strokeWidth={1.5} />
            ) : p.kind === 'event' ? (
              <path d={SHAPES[p.category]} transform={`translate(${x - 9} ${y - 9}) scale(0.75)`} fill={colorOf(p.actor)} fillRule={FILL_RULE} stroke="#fff" strokeWidth={1} />
            ) : null}
          </g>
        );
      })}
      {(() => {
        const selected = selectedId ? [...symbols.map((s) => s.f), ...bases].find((f) => f.properties.id === selectedId) : undefined;
        if (!selected) return null;
        const [x, y] = point(selected);
        return <circle className="selection" cx={x} cy={y} r={16} fill="none" stroke="#000" strokeWidth={2.5} pointerEvents="none" />;
      })()}
      <g className="labels" fontSize={12} textAnchor="middle" pointerEvents="none">
        {basemap?.labels.map((l, i) => {
          const [x, y] = project(l.at);
          return (
            <text key={i} x={x} y={y} fill={l.kind === 'sea' ? '#4a6f8a' : '#7a7a7a'} fontSize={l.kind === 'country' ? 15 : 14} stroke="#fff" strokeWidth={3} paintOrder="stroke">
              {(lang === 'ar' ? l.name_ar : l.name_en) ?? l.name_en}
            </text>
          );
        })}
        {places
          .filter((f) => (f.properties as { rank: number }).rank >= 2)
          .map((f) => {
            const [x, y] = point(f);
            return (
              <text key={f.properties.id} x={x} y={y - 8} fill="#1d1d1d" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                {f.properties.title[lang]}
              </text>
            );
          })}
      </g>
    </svg>
  );
}

function startOf(f: StoryFeature): string {
  return 'start' in f.properties ? f.properties.start : '';
}
