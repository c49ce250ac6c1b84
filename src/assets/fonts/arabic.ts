/**
 * The Arabic web font: Noto Sans Arabic 400, cut to the Arabic block by
 * scripts/subset-arabic-font.mjs (about 20 KB instead of 49). The page (src/app/fonts.ts) and the
 * map's labels (features/map/style.ts) use the same file and the same unicode-range.
 */
import url from './noto-sans-arabic-400.woff2?url';
import manifest from './arabic-font.json';

export const ARABIC_FONT_URL: string = url;
export const ARABIC_UNICODE_RANGE: readonly string[] = manifest.unicodeRange;
