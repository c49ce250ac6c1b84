import { useCallback, useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { loadConfig, loadLayer } from '../data/load';
import { clampDay, dayOfDate, lastDayOfDate } from '../data/time';
import type { LayerId } from '../data/schema';
import type { DataProblem } from '../data/validate';
import type { AppState } from '../state/store';

const fetcher = (url: string) => fetch(url, { credentials: 'same-origin' });

/** Loads config.json, then every layer in parallel; returns a retry for one layer. */
export function useStoryLoader(store: StoreApi<AppState>, requestedDay: number | undefined) {
  const dataBase = new URL('data/', document.baseURI).href;

  const load = useCallback(
    async (id: LayerId) => {
      const config = store.getState().config;
      if (!config) return;
      store.setState((s) => ({ layers: { ...s.layers, [id]: { status: 'loading' } } }));
      const result = await loadLayer(fetcher, dataBase, config, id);
      if (result.status === 'error') for (const p of result.problems) console.warn('[data]', p);
      store.setState((s) => ({ layers: { ...s.layers, [id]: result } }));
    },
    [store, dataBase],
  );

  useEffect(() => {
    let cancelled = false;
    loadConfig(fetcher, dataBase)
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
