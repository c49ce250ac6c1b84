import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './App';
import { parseHash } from './hash';
import { detectLang } from '../i18n/format';

const initial = parseHash(location.hash);
const lang = initial.lang ?? detectLang(navigator.languages ?? [navigator.language]);
createRoot(document.getElementById('root')!).render(<App initial={{ ...initial, lang }} />);
