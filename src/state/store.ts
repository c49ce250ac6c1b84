/**
 * One store per map instance. Features never import each other; they read and write here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createContext, useContext } from 'react';
import type { LayerId, StoryConfig } from '../data/schema';
import { LAYER_IDS } from '../data/ids';
import type { LayerLoad } from '../data/load';
import type { Lang } from '../i18n/strings';
import type { DataProblem } from '../data/validate';
import type { View } from './hash';
import type { MapEngine } from '../features/map/MapEngine';
import type { Chapter } from '../data/story-schema';

export const SPEEDS = { slow: 4, normal: 10, fast: 30 } as const; // days per second
export type Speed = keyof typeof SPEEDS;

export interface Hover {
  id: string;
  x: number;
  y: number;
}

export interface AppState {
  lang: Lang;
  day: number;
  playing: boolean;
  speed: Speed;
  selectedId: string | null;
  hover: Hover | null;
  visible: Record<LayerId, boolean>;
  config: StoryConfig | null;
  configProblems: DataProblem[] | null;
  layers: Partial<Record<LayerId, LayerLoad>>;
  /** Compact chrome for an iframe in someone else's article. */
  embed: boolean;
  /** Arabic-Indic or Latin digits in Arabic; fixed for the page's life (set from the link). */
  digits: 'latn' | 'arab';
  /** What the camera shows, as last reported by the map (null before it has drawn). */
  view: View | null;
  /** A camera move asked for by a link or a host page; `seq` makes a repeated request a new one. */
  viewRequest: { view: View; seq: number } | null;
  /** Story mode: its chapters once story.json has loaded, and the open one (null: story mode is closed). */
  chapters: readonly Chapter[] | null;
  chapterId: string | null;
  /** Features ringed on the map: the open chapter's. */
  highlightIds: readonly string[];
  /** The drawn map, for what reads it back (image export, print, story rings); null without one. */
  engine: MapEngine | null;
  /** The first view is on screen: the map has drawn it once, or the static map stands in for it. */
  firstViewShown: boolean;
  /** A printed handout being prepared or printed: the map image for it (a blob URL), if any. */
  handout: { image: string | null } | null;
  setLang(lang: Lang): void;
  setDay(day: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  select(id: string | null): void;
  setHover(hover: Hover | null): void;
  toggleLayer(id: LayerId): void;
  setVisibleLayers(ids: LayerId[]): void;
  setView(view: View): void;
  requestView(view: View): void;
  setChapter(id: string | null): void;
}

export interface InitialState {
  lang: Lang;
  day?: number;
  selectedId?: string | null;
  embed?: boolean;
  digits?: 'latn' | 'arab';
  view?: View;
  layers?: LayerId[];
  chapterId?: string | null;
}

export function createAppStore(initial: InitialState): StoreApi<AppState> {
  return createStore<AppState>((set) => ({
    lang: initial.lang,
    day: initial.day ?? 0,
    playing: false,
    speed: 'normal',
    selectedId: initial.selectedId ?? null,
    hover: null,
    visible: Object.fromEntries(LAYER_IDS.map((id) => [id, initial.layers ? initial.layers.includes(id) : true])) as Record<LayerId, boolean>,
    config: null,
    configProblems: null,
    layers: {},
    embed: initial.embed ?? false,
    digits: initial.digits ?? 'latn',
    view: null,
    viewRequest: initial.view ? { view: initial.view, seq: 1 } : null,
    chapters: null,
    chapterId: initial.chapterId ?? null,
    highlightIds: [],
    engine: null,
    firstViewShown: false,
    handout: null,
    setLang: (lang) => set({ lang }),
    setDay: (day) => set({ day }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    select: (selectedId) => set({ selectedId }),
    setHover: (hover) => set({ hover }),
    toggleLayer: (id) => set((s) => ({ visible: { ...s.visible, [id]: !s.visible[id] } })),
    setVisibleLayers: (ids) => set({ visible: Object.fromEntries(LAYER_IDS.map((id) => [id, ids.includes(id)])) as Record<LayerId, boolean> }),
    setView: (view) => set({ view }),
    requestView: (view) => set((s) => ({ viewRequest: { view, seq: (s.viewRequest?.seq ?? 0) + 1 } })),
    setChapter: (chapterId) => set(chapterId ? { chapterId } : { chapterId: null, highlightIds: [] }),
  }));
}

export const StoreContext = createContext<StoreApi<AppState> | null>(null);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a StoreContext provider');
  return useStore(store, selector);
}

export function useStoreApi(): StoreApi<AppState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStoreApi needs a StoreContext provider');
  return store;
}
