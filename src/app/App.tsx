import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { StoreContext, createAppStore, useAppStore, useStoreApi } from '../state/store';
import { strings, type Lang } from '../i18n/strings';
import { dirOf } from '../i18n/format';
import { MapView } from '../features/map/MapView';
import { Timeline } from '../features/timeline/Timeline';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { Tooltip } from '../features/details/Tooltip';
import { Legend } from '../features/legend/Legend';
import { EventList } from '../features/events/EventList';
import { ErrorBoundary } from './ErrorBoundary';
import { LayerErrors } from './LayerErrors';
import { LayerNotices } from './LayerNotices';
import { useStoryLoader } from './useStoryLoader';
import { useHashSync } from './useHashSync';
import { loadFonts } from './fonts';
import type { HashState } from '../state/hash';
import { ShareButtons } from '../features/embed/ShareButtons';
import { useHostBridge } from '../features/embed/useHostBridge';
import { shareUrl } from '../features/embed/links';
import { StoryButton, StorySlot } from '../features/story/StoryEntry';
import { ExportButton } from '../features/export/ExportEntry';
import { PrintHandout } from '../features/export/PrintHandout';

// The map without WebGL is needed by few readers: it loads only for them.
const StaticMap = lazy(() => import('../features/map/StaticMap').then((m) => ({ default: m.StaticMap })));

export function App({ initial }: { initial: HashState & { lang: Lang } }) {
  const store = useMemo(
    () =>
      createAppStore({
        lang: initial.lang,
        day: initial.date,
        selectedId: initial.event,
        embed: initial.embed,
        digits: initial.digits,
        view: initial.view,
        layers: initial.layers,
        chapterId: initial.chapter,
      }),
    [],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  const retry = useStoryLoader(store, initial.date);
  useHashSync(store);
  useEffect(() => {
    // The benchmark (scripts/bench.ts) steps the timeline through the store, as tests drive the map.
    (window as any).__tripoliStore = store;
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <LangBoundary>
        <Shell retry={retry} />
      </LangBoundary>
    </StoreContext.Provider>
  );
}

function LangBoundary({ children }: { children: React.ReactNode }) {
  const lang = useAppStore((s) => s.lang);
  return <ErrorBoundary lang={lang}>{children}</ErrorBoundary>;
}

function Shell({ retry }: { retry: Parameters<typeof LayerErrors>[0]['retry'] }) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const config = useAppStore((s) => s.config);
  // Without a config there is no map to wait for: the problems say why instead.
  const configProblems = useAppStore((s) => s.configProblems);
  const embed = useAppStore((s) => s.embed);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  // One side panel at a time: the legend, or the event list (the map's text alternative).
  const [panel, setPanel] = useState<'legend' | 'events' | null>(() =>
    !embed && (window.matchMedia?.('(min-width: 800px)').matches ?? true) ? 'legend' : null,
  );
  const togglePanel = (which: 'legend' | 'events') => setPanel((open) => (open === which ? null : which));
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const onUnavailable = useCallback((reason: string) => {
    setUnavailable(reason);
    store.setState({ firstViewShown: true });
    // The simple map and its list fill the stage; a floating legend would cover them.
    setPanel(null);
  }, [store]);
  const inView = useInView(root, embed);
  useHostBridge(store, root);
  const t = strings[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    loadFonts(lang);
    document.documentElement.dir = dirOf(lang);
    document.documentElement.classList.toggle('embedded', embed);
    document.title = config ? `${config.title[lang]} — ${config.subtitle[lang]}` : t.appTitle;
  }, [lang, config, t.appTitle, embed]);

  const legendButton = (
    <>
      <button type="button" className="text-button" aria-expanded={panel === 'legend'} aria-controls="legend-panel" onClick={() => togglePanel('legend')}>
        {embed ? (
          t.legend
        ) : (
          <>
            <span className="wide-only">{t.showLegend}</span>
            <span className="narrow-only">{t.legend}</span>
          </>
        )}
      </button>
      <button type="button" className="text-button" aria-expanded={panel === 'events'} aria-controls="events-panel" onClick={() => togglePanel('events')}>
        {t.events}
      </button>
    </>
  );
  const langButton = (
    <button type="button" className="text-button lang-button" lang={lang === 'ar' ? 'en' : 'ar'} aria-label={t.switchLanguageLabel} onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}>
      {t.switchLanguage}
    </button>
  );

  return (
    <div ref={setRoot} className={`app${embed ? ' embed' : ''}`} dir={dirOf(lang)} lang={lang}>
      {embed ? (
        <header className="embed-bar">
          <h1>{config?.title[lang] ?? t.appTitle}</h1>
          <div className="app-actions">
            {legendButton}
            <FullMapLink />
          </div>
        </header>
      ) : (
        <header className="app-header">
          <div className="app-titles">
            <h1>{config?.title[lang] ?? t.appTitle}</h1>
            {config && <p className="app-subtitle">{config.subtitle[lang]}</p>}
          </div>
          <div className="app-actions">
            {legendButton}
            <StoryButton />
            <ShareButtons />
            <ExportButton />
            {langButton}
          </div>
        </header>
      )}
      <main className="stage">
        {unavailable ? (
          <div className="fallback" data-testid="fallback">
            <p role="status">{t.staticMapNote}</p>
            <Suspense fallback={null}>
              <StaticMap />
            </Suspense>
            <EventList />
          </div>
        ) : inView ? (
          <MapView onUnavailable={onUnavailable} />
        ) : (
          <p className="placeholder" data-testid="placeholder">{t.mapWaiting}</p>
        )}
        {!config && !configProblems && <p className="loading" role="status">{t.loading}</p>}
        <div id="legend-panel" className="legend-panel" hidden={panel !== 'legend'}>
          <Legend />
        </div>
        <section id="events-panel" className="legend-panel events-panel" hidden={panel !== 'events'} aria-label={t.eventList}>
          <h2 className="legend-title">{t.eventList}</h2>
          {panel === 'events' && <EventList />}
        </section>
        <DetailsPanel />
        <Tooltip />
        <LayerErrors retry={retry} />
        <LayerNotices />
        <StorySlot />
      </main>
      <Timeline />
      <PrintHandout />
    </div>
  );
}

/** In an embed, the way out to the full map, at the same state. */
function FullMapLink() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const t = strings[lang];
  // The href is filled in at the last moment, so it carries the date the reader has reached.
  const refresh = (e: { currentTarget: HTMLAnchorElement }) => {
    e.currentTarget.href = shareUrl(store.getState());
  };
  return (
    <a className="text-button full-map-link" href={shareUrl(store.getState())} target="_blank" rel="noopener noreferrer" onPointerDown={refresh} onFocus={refresh} onClick={refresh} data-testid="full-map-link">
      {t.openFullMap} <span aria-hidden="true">↗</span>
      <span className="visually-hidden"> {t.newWindow}</span>
    </a>
  );
}

/**
 * Whether the element has come near the viewport (for an iframe, near the host page's viewport).
 * Off when `lazy` is false: the full page starts its map at once.
 */
function useInView(element: HTMLElement | null, lazy: boolean): boolean {
  const [seen, setSeen] = useState(!lazy);
  useEffect(() => {
    if (seen || !element) return;
    if (typeof IntersectionObserver === 'undefined') return setSeen(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, seen]);
  return seen;
}
