/**
 * The rings story mode draws around a chapter's features. They follow the date, the layer switches
 * and the map itself (which may be recreated), and go when story mode closes.
 */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../../state/store';
import { ringPoints, setRings } from './highlight';

export function useChapterRings(store: StoreApi<AppState>): void {
  useEffect(() => {
    let drawn = '';
    const update = (s: AppState) => {
      if (!s.engine) return;
      const points = ringPoints(s);
      const key = JSON.stringify(points);
      if (key === drawn) return;
      drawn = key;
      setRings(s.engine.map, points);
    };
    update(store.getState());
    const unsubscribe = store.subscribe((s, p) => {
      if (s.engine !== p.engine) drawn = '';
      if (s.engine !== p.engine || s.highlightIds !== p.highlightIds || s.day !== p.day || s.visible !== p.visible || s.layers !== p.layers) update(s);
    });
    return () => {
      unsubscribe();
      const engine = store.getState().engine;
      if (engine) setRings(engine.map, []);
      store.setState({ highlightIds: [] });
    };
  }, [store]);
}
