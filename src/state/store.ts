/**
 * One store per map instance. Features never import each other; they read and write here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createContext, useContext } from 'react';
import type { LayerId, StoryConfig } from '../data/schema';
import { LAYER_IDS } from '../data/schema';
import type { LayerLoad } from '../data/load';
import type { Lang } from '../i18n/strings';
import type { DataProblem } from '../data/validate';

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
  setLang(lang: Lang): void;
  setDay(day: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  select(id: string | null): void;
  setHover(hover: Hover | null): void;
  toggleLayer(id: LayerId): void;
}

export interface InitialState {
  lang: Lang;
  day?: number;
  selectedId?: string | null;
}

export function createAppStore(initial: InitialState): StoreApi<AppState> {
  return createStore<AppState>((set) => ({
    lang: initial.lang,
    day: initial.day ?? 0,
    playing: false,
    speed: 'normal',
    selectedId: initial.selectedId ?? null,
    hover: null,
    visible: Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as Record<LayerId, boolean>,
    config: null,
    configProblems: null,
    layers: {},
    setLang: (lang) => set({ lang }),
    setDay: (day) => set({ day }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
    select: (selectedId) => set({ selectedId }),
    setHover: (hover) => set({ hover }),
    toggleLayer: (id) => set((s) => ({ visible: { ...s.visible, [id]: !s.visible[id] } })),
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
