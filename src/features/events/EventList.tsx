import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../../state/store';
import { allFeatures, timelineMarks } from '../../state/selectors';
import { strings } from '../../i18n/strings';
import { formatNumber } from '../../i18n/format';
import { dateText, kindLabel, paragraphsText } from '../details/describe';

/** Enough to read the story; a year of imported events would otherwise be a list no one can use. */
export const MAX_LISTED = 200;

/**
 * The map's text alternative: everything that has happened up to the date on the timeline, in
 * order, with what, where, when and the source. Selecting an item selects it on the map.
 */
export function EventList() {
  const layers = useAppStore((s) => s.layers);
  const day = useAppStore((s) => s.day);
  const lang = useAppStore((s) => s.lang);
  const selectedId = useAppStore((s) => s.selectedId);
  const select = useAppStore((s) => s.select);
  const listRef = useRef<HTMLOListElement>(null);
  const t = strings[lang];
  const marks = useMemo(() => timelineMarks(layers), [layers]);
  const byId = useMemo(() => new Map(allFeatures(layers).map((f) => [f.properties.id, f])), [layers]);
  let count = 0;
  while (count < marks.length && marks[count].day <= day) count++;
  const shown = marks.slice(Math.max(0, count - MAX_LISTED), count);

  useEffect(() => {
    // Keep the item selected on the map in sight, as the map keeps the list's selection in sight.
    const current = listRef.current?.querySelector('[aria-current="true"]');
    current?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  return (
    <div className="event-list-wrap">
      <p className="event-count" aria-live="off">
        {t.eventsUpTo.replace('{n}', formatNumber(count, lang))}
        {count > shown.length && ` ${t.eventsLatest.replace('{n}', formatNumber(shown.length, lang))}`}
      </p>
      <ol className="event-list" data-testid="event-list" ref={listRef}>
        {shown.map((m) => {
          const f = byId.get(m.id)!;
          const p = f.properties;
          const current = selectedId === m.id;
          return (
            <li key={m.id} aria-current={current ? 'true' : undefined} data-id={m.id}>
              <button type="button" onClick={() => select(current ? null : m.id)} aria-expanded={current}>
                <span className="event-date">{dateText(f, lang)}</span>
                <span className="event-kind">{kindLabel(f, lang)}</span>
                <strong className="data-text">{p.title[lang]}</strong>
                {p.place && <span className="event-place data-text">{p.place[lang]}</span>}
              </button>
              {current && <p className="data-text">{p.summary[lang]}</p>}
              {p.sources.article.length > 0 ? (
                <span className="event-source">
                  {t.source}: {paragraphsText(p.sources.article, lang)}
                </span>
              ) : (
                <span className="event-source">{t.notFromArticle}</span>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
