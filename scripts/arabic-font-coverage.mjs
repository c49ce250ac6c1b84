/**
 * What the shipped Arabic font must cover, shared by the script that cuts it
 * (subset-arabic-font.mjs) and the test that checks it (tests/unit/arabic-font.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Always kept: the Arabic block, the zero-width joiners and the direction marks. */
export const ARABIC_FONT_BASE = [
  [0x0600, 0x06ff],
  [0x200c, 0x200f],
];

/** Arabic-script blocks: Arabic, Supplement, Extended-A/B/C, Presentation Forms A and B. */
const ARABIC_BLOCKS = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x0870, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
  [0x10ec0, 0x10eff],
];

/** A code point as CSS unicode-range and Unicode charts write it: U+0762. */
export function codePointLabel(codePoint) {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function isArabicScript(codePoint) {
  return ARABIC_BLOCKS.some(([a, b]) => codePoint >= a && codePoint <= b);
}

function filesUnder(dir, pattern) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

/** Every text the app draws in Arabic: interface strings, the story's data, the basemap's labels. */
export function arabicTextSources() {
  const files = [
    ...filesUnder('src/i18n', /\.ts$/),
    ...filesUnder(process.env.STORY_DATA_DIR ?? 'data', /\.(json|geojson)$/),
    ...filesUnder('examples', /\.(json|geojson)$/),
    'public/basemap/labels.geojson',
  ];
  return files.map((file) => readFileSync(file, 'utf8'));
}

/** Arabic-script characters in `text` that `unicodeRange` (CSS syntax, as in arabic-font.json) leaves out. */
export function uncoveredArabic(text, unicodeRange) {
  const ranges = unicodeRange.map((r) => {
    const [a, b] = r.replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
  const missing = new Set();
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (isArabicScript(c) && !ranges.some(([a, b]) => c >= a && c <= b)) missing.add(ch);
  }
  return [...missing];
}
