/**
 * The part of the state that lives in the URL hash: a public contract, since published links and
 * embed codes must keep working for years (see README, "Links and embeds"). Every field is parsed
 * on its own: a bad value falls back to its default and never spoils the others.
 */
import { parseIsoDay, isoOfDay } from '../data/time';
import { ID_PATTERN, LAYER_IDS, MAX_LATITUDE, ZOOM_RANGE, type LayerId } from '../data/ids';
import type { Lang } from '../i18n/strings';

export interface View {
  center: [number, number];
  zoom: number;
}

export interface HashState {
  date?: number;
  lang?: Lang;
  event?: string;
  view?: View;
  layers?: LayerId[];
  embed?: boolean;
  /** Arabic-Indic digits for Arabic ("arab"); Latin digits are the default. */
  digits?: 'arab';
  /** A chapter of story mode (story.json): the link opens story mode there. */
  chapter?: string;
}

const MAX_VALUE_LENGTH = 200;

/**
 * Reads our fields from a hash. Some hosts (pym.js) append their own query after the hash; that
 * tail is left to `hashQuery`.
 */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(ownPart(hash));
  const first = (key: string) => {
    const value = params.get(key);
    return value !== null && value.length <= MAX_VALUE_LENGTH ? value : undefined;
  };
  const state: HashState = {};
  const date = first('date');
  if (date) {
    const day = parseIsoDay(date);
    if (day !== null) state.date = day;
  }
  const lang = first('lang');
  if (lang === 'ar' || lang === 'en') state.lang = lang;
  const event = first('event');
  if (event && ID_PATTERN.test(event)) state.event = event;
  const view = parseView(first('view'));
  if (view) state.view = view;
  const layers = first('layers');
  if (layers !== undefined) {
    const ids = layers.split(',').filter((id): id is LayerId => (LAYER_IDS as string[]).includes(id));
    if (layers === '' || ids.length > 0) state.layers = [...new Set(ids)];
  }
  const embed = first('embed');
  if (embed === '1') state.embed = true;
  if (first('digits') === 'arab') state.digits = 'arab';
  const chapter = first('chapter');
  if (chapter && ID_PATTERN.test(chapter)) state.chapter = chapter;
  return state;
}

/** Longitude, latitude, zoom: `13.6,32.6,7.2`. Out-of-range or non-numeric values are refused. */
export function parseView(value: string | undefined): View | undefined {
  if (!value) return undefined;
  const parts = value.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d{1,3}(\.\d{1,8})?$/.test(p))) return undefined;
  const [lng, lat, zoom] = parts.map(Number);
  if (Math.abs(lng) > 180 || Math.abs(lat) > MAX_LATITUDE || zoom < ZOOM_RANGE[0] || zoom > ZOOM_RANGE[1]) return undefined;
  return { center: [lng, lat], zoom };
}

export function formatView(view: View): string {
  return `${view.center[0].toFixed(4)},${view.center[1].toFixed(4)},${view.zoom.toFixed(2)}`;
}

export interface HashSource {
  day: number;
  lang: Lang;
  selectedId: string | null;
  view?: View | null;
  visible?: Record<LayerId, boolean>;
  embed?: boolean;
  digits?: 'arab' | 'latn';
  chapterId?: string | null;
}

export function formatHash(state: HashSource): string {
  const params = new URLSearchParams();
  params.set('date', isoOfDay(state.day));
  params.set('lang', state.lang);
  if (state.selectedId) params.set('event', state.selectedId);
  if (state.view) params.set('view', formatView(state.view));
  if (state.visible && LAYER_IDS.some((id) => !state.visible![id]))
    params.set('layers', LAYER_IDS.filter((id) => state.visible![id]).join(','));
  if (state.embed) params.set('embed', '1');
  if (state.digits === 'arab') params.set('digits', 'arab');
  if (state.chapterId) params.set('chapter', state.chapterId);
  // Commas read better in a link than %2C, and are safe in a fragment.
  return `#${params.toString().replace(/%2C/g, ',')}`;
}

/** The query some embedding scripts append after our hash (pym.js adds `?initialWidth=…&childId=…`). */
export function hashQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
}

function ownPart(hash: string): string {
  const body = hash.replace(/^#/, '');
  const at = body.indexOf('?');
  // Long values are ignored field by field, so one oversized field cannot hide the others.
  return (at >= 0 ? body.slice(0, at) : body).slice(0, 100_000);
}
