import { useEffect, useState } from 'react';
import { useAppStore } from '../state/store';
import { LAYER_IDS, type LayerId } from '../data/ids';
import { formatProblem } from '../data/problems';
import { enumLabels, strings } from '../i18n/strings';
import { formatNumber } from '../i18n/format';
import './reliability.css';

const SHOWN_PER_LAYER = 5;
/** A layer that loads within this long is not announced as loading: no flash on a fast connection. */
export const LOADING_NOTICE_DELAY_MS = 1000;

/**
 * What the reader should know about layers that did draw: the ones still loading, and the features
 * left out of the map (no location, a position outside the map, a date outside the story, an id
 * used twice), with the count always in view and the details a click away. Failed layers are
 * LayerErrors' business.
 */
export function LayerNotices() {
  const layers = useAppStore((s) => s.layers);
  const lang = useAppStore((s) => s.lang);
  const t = strings[lang];
  const labels = enumLabels[lang];
  const loading = LAYER_IDS.filter((id) => layers[id]?.status === 'loading');
  const slow = useDelayed(loading.length > 0, LOADING_NOTICE_DELAY_MS);

  const leftOut = LAYER_IDS.flatMap((id) => {
    const load = layers[id];
    if (load?.status !== 'ready') return [];
    const notices = load.notices ?? [];
    return load.skippedNullGeometry || notices.length ? [{ id, skipped: load.skippedNullGeometry, notices }] : [];
  });
  const total = leftOut.reduce((n, l) => n + l.skipped + l.notices.length, 0);
  if (!(slow && loading.length) && !total) return null;

  return (
    <div className="layer-notices" data-testid="layer-notices">
      {slow && loading.length > 0 && (
        <p className="layer-loading" role="status" data-testid="layers-loading">
          <span className="spinner" aria-hidden="true" /> {t.layersLoading} {loading.map((id) => labels[`layer.${id}`]).join(lang === 'ar' ? '، ' : ', ')}
        </p>
      )}
      {total > 0 && (
        <details>
          <summary role="status">{t.leftOutSummary.replace('{n}', formatNumber(total, lang))}</summary>
          {leftOut.map(({ id, skipped, notices }) => (
            <div key={id} className="layer-notice" data-layer={id}>
              <strong>{labels[`layer.${id}` as `layer.${LayerId}`]}</strong>
              <ul>
                {skipped > 0 && (
                  <li data-testid="skipped-geometry">{t.skippedNoLocation.replace('{n}', formatNumber(skipped, lang))}</li>
                )}
                {notices.slice(0, SHOWN_PER_LAYER).map((p, i) => (
                  <li key={i} dir="ltr" className="data-text">
                    {formatProblem(p)}
                  </li>
                ))}
                {notices.length > SHOWN_PER_LAYER && <li>… +{formatNumber(notices.length - SHOWN_PER_LAYER, lang)}</li>}
              </ul>
            </div>
          ))}
        </details>
      )}
    </div>
  );
}

/** `value`, once it has held for `ms`; false again as soon as it does not. */
function useDelayed(value: boolean, ms: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!value) return setHeld(false);
    const timer = setTimeout(() => setHeld(true), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return held;
}
