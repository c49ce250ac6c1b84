/**
 * The printed handout: hidden on screen, the only thing on paper. The map image, the open chapter
 * (or the events up to the date shown), the legend and the sources, in the reader's language.
 *
 * "Print a handout" (ExportDialog) prepares a fresh image of the map first. Printing from the
 * browser's own menu works too: the handout then takes a snapshot of the map as it is (drawn again
 * and read in the same task). The handout is only rendered while a print is being
 * prepared, so it costs nothing while the reader plays the timeline.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAppStore, useStoreApi } from '../../state/store';
import { strings } from '../../i18n/strings';
import { formatNumber, LOCALES, storyCredit } from '../../i18n/format';
import { dayOfDate, formatDay } from '../../data/time';
import { formatHash } from '../../state/hash';
import { paragraphsText } from '../details/describe';
import { Legend } from '../legend/Legend';
import { EventList } from '../events/EventList';
import './print.css';

export function PrintHandout() {
  const store = useStoreApi();
  const handout = useAppStore((s) => s.handout);
  const [snapshot, setSnapshot] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    const before = () => {
      const s = store.getState();
      if (s.handout) return;
      let image: string | null = null;
      try {
        image = s.engine?.drawNow((canvas) => canvas.toDataURL('image/png')) ?? null;
      } catch {
        image = null;
      }
      // Rendered now, synchronously: the browser lays the page out for print right after this event.
      flushSync(() => setSnapshot(image));
    };
    const after = () => {
      setSnapshot(undefined);
      const image = store.getState().handout?.image;
      if (image) URL.revokeObjectURL(image);
      store.setState({ handout: null });
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [store]);

  if (!handout && snapshot === undefined) return null;
  return <Handout image={handout ? handout.image : (snapshot ?? null)} />;
}

function Handout({ image }: { image: string | null }) {
  const state = useAppStore((s) => s);
  const { config, lang, day } = state;
  if (!config) return null;
  const t = strings[lang];
  const locale = LOCALES[lang];
  const date = formatDay(day, locale);
  const chapters = state.chapters;
  const index = chapters?.findIndex((c) => c.id === state.chapterId) ?? -1;
  const chapter = index >= 0 ? chapters![index] : undefined;
  const link = new URL(document.baseURI);
  link.search = '';
  link.hash = formatHash({ ...state, embed: false });
  const quote = lang === 'ar' ? ['«', '»'] : ['“', '”'];

  return (
    <section className="print-handout" data-testid="print-handout">
      <header className="handout-head">
        <h1>{config.title[lang]}</h1>
        <p className="handout-subtitle">{config.subtitle[lang]}</p>
        <p className="handout-date">{t.dateAnnouncement.replace('{date}', date)}</p>
      </header>
      {image && <img className="print-map" src={image} alt={t.mapImageAlt.replace('{date}', date)} data-testid="print-map" />}
      <div className="handout-columns">
        <div className="handout-text">
          {chapter ? (
            <article className="handout-chapter">
              <p className="handout-progress">
                {t.chapterProgress.replace('{n}', formatNumber(index + 1, lang)).replace('{total}', formatNumber(chapters!.length, lang))} ·{' '}
                {formatDay(dayOfDate(chapter.date), locale)}
              </p>
              <h2>{chapter.title[lang]}</h2>
              {chapter.body[lang].map((p, i) => (
                <p key={i}>{p}</p>
              ))}
              <p className="handout-note">
                {chapter.sources.article.length > 0 && `${t.paragraphs}: ${paragraphsText(chapter.sources.article, lang)}. `}
                {chapter.sources.generalKnowledge && `${t.notFromArticle}${chapter.sources.note ? `: ${chapter.sources.note[lang]}` : ''}`}
              </p>
            </article>
          ) : (
            <>
              <h2>{t.eventList}</h2>
              <EventList />
            </>
          )}
        </div>
        <div className="handout-legend">
          <Legend />
        </div>
      </div>
      <footer className="handout-sources">
        <h2>{t.sources}</h2>
        <p>
          {config.source.publisher[lang]}
          {lang === 'ar' ? '، ' : ', '}
          {quote[0]}
          {config.source.title[lang]}
          {quote[1]}. {storyCredit(config.source, lang)}.
        </p>
        <p>{t.attributionBasemap}.</p>
        <p>
          {t.interactiveMap}: <span dir="ltr">{link.href}</span>
        </p>
      </footer>
    </section>
  );
}
