/**
 * Story mode: the chapters of story.json beside the map (below it on a phone), one at a time.
 * Entering a chapter sets the date, moves the camera, switches the chapter's layers on and the
 * others off, and rings the features it talks about. Presenter mode makes the app fill the screen
 * with large type, for a classroom; a clicker or the keyboard moves through the chapters.
 *
 * Loaded on demand (React.lazy in StoryEntry), with its stylesheet and the chapter schema.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useAppStore, useStoreApi, type AppState } from '../../state/store';
import { strings } from '../../i18n/strings';
import { formatNumber, LOCALES } from '../../i18n/format';
import { clampDay, dayOfDate, formatDay, lastDayOfDate } from '../../data/time';
import { LAYER_IDS } from '../../data/ids';
import type { StoryConfig } from '../../data/schema';
import { StoryFile, type Chapter } from '../../data/story-schema';
import { findFeature } from '../../state/selectors';
import { paragraphsText } from '../details/describe';
import { chapterHref, fetchStory } from './storyData';
import { storyKeyMove, type Move } from './keys';
import { useChapterRings } from './useChapterRings';
import './story.css';

/** The width a chapter's zoom is written for; narrower maps zoom out to show the same stretch. */
const REFERENCE_WIDTH = 900;

export default function StoryMode() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const config = useAppStore((s) => s.config);
  const chapters = useAppStore((s) => s.chapters);
  const chapterId = useAppStore((s) => s.chapterId);
  const layers = useAppStore((s) => s.layers);
  const [failed, setFailed] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const [contrast, setContrast] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const fullscreenRef = useRef(false);
  const t = strings[lang];
  const locale = LOCALES[lang];

  // The chapters: fetched once per page (the header button may already have), checked here.
  useEffect(() => {
    if (store.getState().chapters) return;
    let live = true;
    fetchStory().then((raw) => {
      if (!live) return;
      const parsed = StoryFile.safeParse(raw);
      if (parsed.success) store.setState({ chapters: parsed.data.chapters });
      else {
        if (raw !== null) console.warn('[story] story.json does not match its schema', parsed.error.issues.slice(0, 5));
        setFailed(true);
      }
    });
    return () => {
      live = false;
    };
  }, [store]);

  const known = chapters?.findIndex((c) => c.id === chapterId) ?? -1;
  const index = Math.max(0, known);
  const chapter = chapters?.[index];

  // Chapter views are framed for the whole map: fold the legend panel away when story mode opens
  // (the header's legend button brings it back).
  useEffect(() => {
    const toggle = panelRef.current?.closest('.app')?.querySelector<HTMLButtonElement>('[aria-controls="legend-panel"][aria-expanded="true"]');
    toggle?.click();
  }, []);

  // A link to a chapter that does not exist (any more) opens the first one.
  useEffect(() => {
    if (chapters && chapterId && known < 0) store.getState().setChapter(chapters[0].id);
  }, [chapters, chapterId, known, store]);

  // Entering a chapter: date, camera, layers, rings.
  useEffect(() => {
    if (chapter && config && known >= 0) enterChapter(store, chapter, config, panelRef.current);
  }, [chapter, config, known, store]);

  useChapterRings(store);

  const go = (move: Move | number) => {
    const list = store.getState().chapters;
    if (!list?.length) return;
    const current = Math.max(0, list.findIndex((c) => c.id === store.getState().chapterId));
    const target =
      typeof move === 'number' ? move : move === 'next' ? current + 1 : move === 'previous' ? current - 1 : move === 'first' ? 0 : list.length - 1;
    const clamped = Math.min(list.length - 1, Math.max(0, target));
    if (clamped !== current || list[clamped].id !== store.getState().chapterId) store.getState().setChapter(list[clamped].id);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const move = storyKeyMove(e, { rtl: store.getState().lang === 'ar', presenting });
      if (!move) return;
      e.preventDefault();
      if (move === 'stop') stopPresenting();
      else go(move);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }); // eslint-disable-line react-hooks/exhaustive-deps

  // Leaving full screen (Escape, or the browser's own control) leaves presenter mode too.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && fullscreenRef.current) {
        fullscreenRef.current = false;
        setPresenting(false);
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // The map changes size when presenter mode starts or ends: show the chapter's view again.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) return void (firstRender.current = false);
    const timer = setTimeout(() => {
      const s = store.getState();
      const current = s.chapters?.find((c) => c.id === s.chapterId);
      if (current) s.requestView(fittedView(current, panelRef.current));
    }, 350);
    return () => clearTimeout(timer);
  }, [presenting, store]);

  const startPresenting = async () => {
    setPresenting(true);
    const root = panelRef.current?.closest('.app') as (HTMLElement & { webkitRequestFullscreen?(): void }) | null;
    if (!root || document.fullscreenElement) return;
    try {
      if (root.requestFullscreen && document.fullscreenEnabled !== false) {
        await root.requestFullscreen({ navigationUI: 'hide' });
        fullscreenRef.current = true;
      } else if (root.webkitRequestFullscreen) {
        root.webkitRequestFullscreen();
        fullscreenRef.current = true;
      }
    } catch {
      // Refused (an iframe without allow="fullscreen", a browser setting): presenter mode still
      // fills the window with large type.
    }
  };
  const stopPresenting = () => {
    setPresenting(false);
    if (fullscreenRef.current && document.fullscreenElement) {
      fullscreenRef.current = false;
      void document.exitFullscreen?.().catch(() => {});
    }
  };
  const close = () => {
    stopPresenting();
    store.getState().setChapter(null);
  };

  const highlighted = useMemo(
    () => (chapter ? chapter.highlight.map((id) => findFeature(layers, id)).filter((f) => f !== undefined) : []),
    [chapter, layers],
  );

  const className = `story-panel${presenting ? ' presenting' : ''}${contrast ? ' high-contrast' : ''}`;
  if (!chapters || !chapter) {
    return (
      <aside className={className} ref={panelRef} data-testid="story-panel" aria-busy={!failed}>
        <div className="story-top">
          <p role="status">{failed ? t.storyLoadError : t.loading}</p>
          <button type="button" className="icon-button" onClick={close} aria-label={t.closeStory} title={t.closeStory}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </aside>
    );
  }

  const total = chapters.length;
  const progress = t.chapterProgress.replace('{n}', formatNumber(index + 1, lang)).replace('{total}', formatNumber(total, lang));
  const { article, generalKnowledge, note } = chapter.sources;

  return (
    <aside className={className} ref={panelRef} aria-labelledby="story-chapter-title" data-testid="story-panel" data-chapter={chapter.id}>
      <div className="story-top">
        <p className="story-progress" data-testid="story-progress" aria-label={progress}>
          <span aria-hidden="true">
            {formatNumber(index + 1, lang)} / {formatNumber(total, lang)}
          </span>
        </p>
        <div className="story-tools">
          {presenting ? (
            <button type="button" className="text-button story-present" onClick={stopPresenting} data-testid="present-button">
              {t.exitPresent}
            </button>
          ) : (
            <button type="button" className="text-button story-present" onClick={startPresenting} title={t.presentLabel} data-testid="present-button">
              {t.present}
            </button>
          )}
          <button type="button" className="text-button story-contrast" aria-pressed={contrast} onClick={() => setContrast(!contrast)} data-testid="contrast-button">
            {t.highContrast}
          </button>
          <button type="button" className="icon-button" onClick={close} aria-label={t.closeStory} title={t.closeStory} data-testid="story-close">
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
      <div className="story-bar" aria-hidden="true">
        <div className="story-bar-fill" style={{ inlineSize: `${((index + 1) / total) * 100}%` }} />
      </div>
      <nav className="story-chapters" aria-label={t.chapters}>
        <ol>
          {chapters.map((c, i) => (
            <li key={c.id}>
              <a
                href={chapterHref(c.id, lang)}
                aria-current={i === index ? 'step' : undefined}
                title={c.title[lang]}
                onClick={(e) => {
                  e.preventDefault();
                  go(i);
                }}
              >
                <span aria-hidden="true">{formatNumber(i + 1, lang)}</span>
                <span className="visually-hidden">{c.title[lang]}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <article className="story-chapter" key={chapter.id}>
        <p className="story-date">{formatDay(dayOfDate(chapter.date), locale)}</p>
        <h2 id="story-chapter-title">{chapter.title[lang]}</h2>
        {chapter.body[lang].map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
        {highlighted.length > 0 && (
          <div className="story-highlights">
            <h3>
              <span className="story-ring" aria-hidden="true" /> {t.onTheMap}
            </h3>
            <ul>
              {highlighted.map((f) => (
                <li key={f.properties.id}>
                  <button type="button" className="link-button" onClick={() => store.getState().select(f.properties.id)}>
                    {f.properties.title[lang]}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="story-sources">
          {t.sources}: {article.length > 0 && `${t.paragraphs} ${paragraphsText(article, lang)}`}
          {generalKnowledge && (
            <span className="story-background">
              {' '}
              {t.notFromArticle}
              {note ? `: ${note[lang]}` : ''}
            </span>
          )}
        </p>
        <p className="story-link">
          <a href={chapterHref(chapter.id, lang)}>{t.chapterLink}</a>
        </p>
      </article>
      <div className="story-nav">
        <button type="button" className="text-button" onClick={() => go('previous')} disabled={index === 0} data-testid="story-previous">
          <span aria-hidden="true" className="flip-rtl">←</span> {t.previousChapter}
        </button>
        <button type="button" className="text-button primary" onClick={() => go('next')} disabled={index === total - 1} data-testid="story-next">
          {t.nextChapter} <span aria-hidden="true" className="flip-rtl">→</span>
        </button>
      </div>
      <p className="story-keys">{t.storyKeys}</p>
      <p className="visually-hidden" aria-live="polite">
        {`${progress}: ${chapter.title[lang]}`}
      </p>
    </aside>
  );
}

function enterChapter(store: StoreApi<AppState>, chapter: Chapter, config: StoryConfig, panel: HTMLElement | null): void {
  const s = store.getState();
  const day = clampDay(dayOfDate(chapter.date), dayOfDate(config.range.contextStart), lastDayOfDate(config.range.end));
  store.setState({ day, playing: false, selectedId: null, highlightIds: chapter.highlight });
  s.setVisibleLayers(chapter.layers ?? LAYER_IDS);
  s.requestView(fittedView(chapter, panel));
}

/** The chapter's view, zoomed out on a map narrower than the desktop it was written for. */
function fittedView(chapter: Chapter, panel: HTMLElement | null): { center: [number, number]; zoom: number } {
  const map = panel?.closest('.app')?.querySelector<HTMLElement>('.map');
  const width = map?.clientWidth ?? window.innerWidth;
  const zoom = width > 0 && width < REFERENCE_WIDTH ? chapter.view.zoom - Math.log2(REFERENCE_WIDTH / width) : chapter.view.zoom;
  return { center: chapter.view.center, zoom: Math.round(zoom * 100) / 100 };
}
