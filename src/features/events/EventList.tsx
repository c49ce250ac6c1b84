import { useAppStore } from '../../state/store';
import { findFeature, timelineMarks } from '../../state/selectors';
import { strings } from '../../i18n/strings';
import { dateText, kindLabel, paragraphsText } from '../details/describe';

/** The story up to the current date as text: what happened, when, and where the article says so. */
export function EventList() {
  const layers = useAppStore((s) => s.layers);
  const day = useAppStore((s) => s.day);
  const lang = useAppStore((s) => s.lang);
  const selectedId = useAppStore((s) => s.selectedId);
  const select = useAppStore((s) => s.select);
  const t = strings[lang];
  const marks = timelineMarks(layers).filter((m) => m.day <= day);
  return (
    <ol className="event-list" data-testid="event-list">
      {marks.map((m) => {
        const f = findFeature(layers, m.id)!;
        const p = f.properties;
        return (
          <li key={m.id} aria-current={selectedId === m.id ? 'true' : undefined}>
            <button type="button" onClick={() => select(m.id)}>
              <span className="event-date">{dateText(f, lang)}</span>
              <span className="event-kind">{kindLabel(f, lang)}</span>
              <strong>{p.title[lang]}</strong>
            </button>
            {selectedId === m.id && <p>{p.summary[lang]}</p>}
            {p.sources.article.length > 0 && (
              <span className="event-source">
                {t.source}: {paragraphsText(p.sources.article, lang)}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
