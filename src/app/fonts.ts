/**
 * Web fonts, loaded for the language on screen. Noto Sans latin (regular, about 13 KB) is always
 * there; bold text is synthesised from it rather than costing two more files before the map shows.
 * The Arabic face (about 49 KB) is fetched only once Arabic is the interface language: in English
 * the one Arabic word on screen, the language switch, uses the system's Arabic font.
 *
 * The map's labels use the same files through the style's `font-faces` (see features/map/style.ts);
 * MapLibre fetches each only when it has a label to draw with it.
 */
import '@fontsource/noto-sans/latin-400.css';
import type { Lang } from '../i18n/strings';

let arabic: Promise<unknown> | null = null;

export function loadFonts(lang: Lang): void {
  if (lang === 'ar') arabic ??= import('@fontsource/noto-sans-arabic/arabic-400.css').catch(() => (arabic = null));
}
