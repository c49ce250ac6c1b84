import { useCallback, useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { clampDay, dayOfDate, lastDayOfDate } from '../data/time';
import type { LayerId } from '../data/schema';
import type { DataProblem } from '../data/validate';
import type { AppState } from '../state/store';

/** The story's folder, beside the page: where config.json and the layers are read from. */
const storyFolder = () => new URL('data/', document.baseURI).href;

const request = (url: string, init?: { signal?: AbortSignal }) => fetch(url, { ...init, credentials: 'same-origin' });

/** config.json, asked for by main.tsx before React has rendered anything; taken by the first load of it. */
let early: { url: string; response: Promise<Response>; controller: AbortController } | null = null;

const fetcher = (url: string, init?: { signal?: AbortSignal }) => {
  if (!early || early.url !== url) return request(url, init);
  const { response, controller } = early;
  early = null;
  init?.signal?.addEventListener('abort', () => controller.abort());
  return response;
};

/**
 * The loader and the zod schemas it checks data with are a chunk of their own, so the page shell
 * starts without them; it downloads alongside the map's code.
 */
let loaderModule: Promise<typeof import('../data/load')> | null = null;
const loader = () => (loaderModule ??= import('../data/load'));

/**
 * Starts the loader's download and config.json's as the page starts. The map is created only once
 * config.json has been checked, and in a React effect that would be one render, one chunk and one
 * request later.
 */
export function prefetchStory(): void {
  void loader();
  if (early || typeof AbortController === 'undefined') return;
  // The URL loadConfig will ask for, so that it finds this answer waiting.
  const url = new URL('config.json', storyFolder()).href;
  const controller = new AbortController();
  const response = request(url, { signal: controller.signal });
  response.catch(() => {}); // a failure is reported when the loader takes the response
  early = { url, response, controller };
}

/** Loads config.json, then every layer in parallel; returns a retry for one layer. */
export function useStoryLoader(store: StoreApi<AppState>, requestedDay: number | undefined) {
  const dataBase = storyFolder();

  const load = useCallback(
    async (id: LayerId) => {
      const config = store.getState().config;
      if (!config) return;
      store.setState((s) => ({ layers: { ...s.layers, [id]: { status: 'loading' } } }));
      const { loadLayer, withoutDuplicateIds } = await loader();
      const loaded = await loadLayer(fetcher, dataBase, config, id);
      // Ids are unique across the story: a feature whose id a layer loaded earlier has is left out.
      const others = config.layers.flatMap((l) => {
        const other = store.getState().layers[l.id];
        return l.id !== id && other?.status === 'ready' ? [{ file: l.file, features: other.features }] : [];
      });
      const file = config.layers.find((l) => l.id === id)?.file ?? id;
      const result = withoutDuplicateIds(loaded, file, others);
      if (result.status === 'error') for (const p of result.problems) console.warn('[data]', p);
      if (result.status === 'ready') for (const p of result.notices ?? []) console.warn('[data] left out:', p);
      store.setState((s) => ({ layers: { ...s.layers, [id]: result } }));
    },
    [store, dataBase],
  );

  useEffect(() => {
    let cancelled = false;
    loader()
      .then(({ loadConfig }) => loadConfig(fetcher, dataBase))
      .then((config) => {
        if (cancelled) return;
        const first = dayOfDate(config.range.contextStart);
        const last = lastDayOfDate(config.range.end);
        const day = clampDay(requestedDay ?? dayOfDate(config.initialDate), first, last);
        store.setState({ config, day });
        return Promise.all(config.layers.map((l) => load(l.id)));
      })
      .catch((problems: DataProblem[] | Error) => {
        if (cancelled) return;
        const list = Array.isArray(problems) ? problems : [{ file: 'config.json', message: String(problems) }];
        store.setState({ configProblems: list });
      });
    return () => {
      cancelled = true;
    };
  }, [store, dataBase, load]); // eslint-disable-line react-hooks/exhaustive-deps

  return load;
}
