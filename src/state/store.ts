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
import type { View } from '../app/hash';

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
}

export interface InitialState {
  lang: Lang;
  day?: number;
  selectedId?: string | null;
  embed?: boolean;
  digits?: 'latn' | 'arab';
  view?: View;
  layers?: LayerId[];
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
