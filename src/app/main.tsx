import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { parseHash } from '../state/hash';
import { loadFonts } from './fonts';
import { detectLang, setArabicDigits } from '../i18n/format';
import { hasWebGL2, preloadEngine } from '../features/map/MapView';
import { prefetchStory } from './useStoryLoader';

const initial = parseHash(location.hash);
const lang = initial.lang ?? detectLang(navigator.languages ?? [navigator.language]);
loadFonts(lang);
if (initial.digits) setArabicDigits(initial.digits);
// The map waits for config.json and its own code (most of the page's bytes): ask for both now. An embed
// instead waits until it is scrolled into view (App), so it costs nothing further down a page.
prefetchStory();
if (hasWebGL2() && !initial.embed) void preloadEngine();
// App has its own boundary in the reader's language; this one catches what breaks before it (the store, the loaders).
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary lang={lang}>
    <App initial={{ ...initial, lang }} />
  </ErrorBoundary>,
);
