/**
 * Writes the Arabic web font the app ships: Noto Sans Arabic 400 (from @fontsource/noto-sans-arabic)
 * cut down to the Arabic block, U+0600–06FF, plus the joiners and direction marks, and any other
 * Arabic-script character the story's text uses. The package's file covers every Arabic-script
 * language (49 KB); the Arabic block holds every letter, mark, digit and sign Arabic needs, and the
 * Persian and Urdu letters that turn up in names, in about 20 KB. Shaping (joined forms, lam-alef)
 * is kept: the subsetter keeps every glyph the kept characters can turn into.
 *
 * Run after adding text in a script outside the Arabic block: `npm run font:arabic`.
 * tests/unit/arabic-font.test.ts fails while the story uses a character the font lacks.
 *
 * Writes src/assets/fonts/noto-sans-arabic-400.woff2 and arabic-font.json (its unicode-range).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { arabicTextSources, codePointLabel, isArabicScript, ARABIC_FONT_BASE } from './arabic-font-coverage.mjs';

const SOURCE = 'node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2';
const OUT_FONT = 'src/assets/fonts/noto-sans-arabic-400.woff2';
const OUT_MANIFEST = 'src/assets/fonts/arabic-font.json';

const codePoints = new Set();
for (const [first, last] of ARABIC_FONT_BASE) for (let c = first; c <= last; c++) codePoints.add(c);
for (const text of arabicTextSources()) for (const ch of text) if (isArabicScript(ch.codePointAt(0))) codePoints.add(ch.codePointAt(0));

const sorted = [...codePoints].sort((a, b) => a - b);
const ranges = [];
for (const c of sorted) {
  const last = ranges[ranges.length - 1];
  if (last && last[1] === c - 1) last[1] = c;
  else ranges.push([c, c]);
}
const unicodeRange = ranges.map(([a, b]) => (a === b ? codePointLabel(a) : `${codePointLabel(a)}-${codePointLabel(b).slice(2)}`));

const font = await subsetFont(readFileSync(SOURCE), String.fromCodePoint(...sorted), { targetFormat: 'woff2' });
writeFileSync(OUT_FONT, font);
writeFileSync(
  OUT_MANIFEST,
  JSON.stringify({ source: '@fontsource/noto-sans-arabic 5.3.0, arabic-400-normal (SIL Open Font License 1.1)', unicodeRange }, null, 2) + '\n',
);
console.log(`${OUT_FONT}: ${(font.length / 1024).toFixed(1)} KB, ${sorted.length} characters (${unicodeRange.join(', ')})`);
