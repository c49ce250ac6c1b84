import { useAppStore } from '../state/store';
import type { LayerId } from '../data/schema';
import { formatProblem } from '../data/problems';
import { enumLabels, strings } from '../i18n/strings';

const SHOWN_PER_LAYER = 5;

/** Names each layer that failed, with the file, feature and field, and offers a retry. */
export function LayerErrors({ retry }: { retry(id: LayerId): void }) {
  const layers = useAppStore((s) => s.layers);
  const configProblems = useAppStore((s) => s.configProblems);
  const lang = useAppStore((s) => s.lang);
  const t = strings[lang];
  const failed = (Object.entries(layers) as [LayerId, (typeof layers)[LayerId]][]).filter(([, l]) => l?.status === 'error');
  if (!failed.length && !configProblems) return null;
  return (
    <div className="layer-errors" role="alert" data-testid="layer-errors">
      <h2>{t.layerErrorTitle}</h2>
      {configProblems && (
        <ul>
          {configProblems.map((p, i) => (
            <li key={i}>{formatProblem(p)}</li>
          ))}
        </ul>
      )}
      {failed.map(([id, load]) => {
        const problems = load?.status === 'error' ? load.problems : [];
        return (
          <div key={id} className="layer-error">
            <strong>{enumLabels[lang][`layer.${id}`]}</strong>
            <ul>
              {problems.slice(0, SHOWN_PER_LAYER).map((p, i) => (
                <li key={i}>{formatProblem(p)}</li>
              ))}
              {problems.length > SHOWN_PER_LAYER && <li>… +{problems.length - SHOWN_PER_LAYER}</li>}
            </ul>
            <button type="button" onClick={() => retry(id)}>
              {t.retry}
            </button>
          </div>
        );
      })}
    </div>
  );
}
