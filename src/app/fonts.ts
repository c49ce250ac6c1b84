/**
 * Web fonts, loaded for the language on screen. Noto Sans latin (regular, about 13 KB) is always
 * there; bold text is synthesised from it rather than costing two more files before the map shows.
 * The Arabic face (about 20 KB, see src/assets/fonts/arabic.ts) is registered only once Arabic is
 * the interface language, and the browser fetches it when text needs it: in English the one Arabic
 * word on screen, the language switch, uses the system's Arabic font.
 *
 * The map's labels use the same files through the style's `font-faces` (see features/map/style.ts);
 * MapLibre fetches each only when it has a label to draw with it.
 */
import '@fontsource/noto-sans/latin-400.css';
import type { Lang } from '../i18n/strings';
import { ARABIC_FONT_URL, ARABIC_UNICODE_RANGE } from '../assets/fonts/arabic';

let arabic: FontFace | null = null;

export function loadFonts(lang: Lang): void {
  if (lang !== 'ar' || arabic || typeof FontFace === 'undefined' || !document.fonts) return;
  const src = `url(${JSON.stringify(new URL(ARABIC_FONT_URL, document.baseURI).href)}) format('woff2')`;
  arabic = new FontFace('Noto Sans Arabic', src, { weight: '400', display: 'swap', unicodeRange: ARABIC_UNICODE_RANGE.join(', ') });
  document.fonts.add(arabic);
}
