import { useCallback, useEffect, useMemo, useState } from 'react';
import { StoreContext, createAppStore, useAppStore } from '../state/store';
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
import { useStoryLoader } from './useStoryLoader';
import { useHashSync } from './useHashSync';
import type { HashState } from './hash';

export function App({ initial }: { initial: HashState & { lang: Lang } }) {
  const store = useMemo(() => createAppStore({ lang: initial.lang, day: initial.date, selectedId: initial.event }), []); // eslint-disable-line react-hooks/exhaustive-deps
  const retry = useStoryLoader(store, initial.date);
  useHashSync(store);
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
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const config = useAppStore((s) => s.config);
  const [legendOpen, setLegendOpen] = useState(() => window.matchMedia?.('(min-width: 800px)').matches ?? true);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const onUnavailable = useCallback((reason: string) => setUnavailable(reason), []);
  const t = strings[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
    document.title = config ? `${config.title[lang]} — ${config.subtitle[lang]}` : t.appTitle;
  }, [lang, config, t.appTitle]);

  return (
    <div className="app" dir={dirOf(lang)} lang={lang}>
      <header className="app-header">
        <div className="app-titles">
          <h1>{config?.title[lang] ?? t.appTitle}</h1>
          {config && <p className="app-subtitle">{config.subtitle[lang]}</p>}
        </div>
        <div className="app-actions">
          <button type="button" className="text-button" aria-expanded={legendOpen} aria-controls="legend-panel" onClick={() => setLegendOpen(!legendOpen)}>
            {t.showLegend}
          </button>
          <button type="button" className="text-button" lang={lang === 'ar' ? 'en' : 'ar'} aria-label={t.switchLanguageLabel} onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}>
            {t.switchLanguage}
          </button>
        </div>
      </header>
      <main className="stage">
        {unavailable ? (
          <div className="fallback" data-testid="fallback">
            <p role="status">{t.noWebgl}</p>
            <EventList />
          </div>
        ) : (
          config && <MapView onUnavailable={onUnavailable} />
        )}
        {!config && <p className="loading" role="status">{t.loading}</p>}
        <div id="legend-panel" className="legend-panel" hidden={!legendOpen}>
          <Legend />
        </div>
        <DetailsPanel />
        <Tooltip />
        <LayerErrors retry={retry} />
      </main>
      <Timeline />
    </div>
  );
}
