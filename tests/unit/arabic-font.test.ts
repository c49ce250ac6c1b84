/**
 * The Arabic web font is a subset (scripts/subset-arabic-font.mjs): it must hold every Arabic-script
 * character the app draws, or a label or a line of the interface would fall back to another font.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain .mjs module shared with the font script
import { ARABIC_FONT_BASE, arabicTextSources, uncoveredArabic } from '../../scripts/arabic-font-coverage.mjs';
import manifest from '../../src/assets/fonts/arabic-font.json';

describe('the Arabic web font', () => {
  it('covers every Arabic-script character in the interface, the story and the basemap', () => {
    const texts: string[] = arabicTextSources();
    expect(texts.join('').length).toBeGreaterThan(10_000);
    expect(uncoveredArabic(texts.join('\n'), manifest.unicodeRange)).toEqual([]);
  });

  it('reports a character outside the subset, so new text cannot slip past', () => {
    // U+0750 (Arabic Supplement) and U+FDF2 (a presentation-form ligature) are not in the subset.
    expect(uncoveredArabic('طرابلس \u0750 \uFDF2 Tripoli', manifest.unicodeRange)).toEqual(['\u0750', '\uFDF2']);
  });

  it('keeps the whole Arabic block, the joiners and the direction marks', () => {
    const all = (ARABIC_FONT_BASE as [number, number][]).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));
    expect(uncoveredArabic(all.join(''), manifest.unicodeRange)).toEqual([]);
  });

  it('is a WOFF2 file well under the size of the full face', () => {
    const font = readFileSync('src/assets/fonts/noto-sans-arabic-400.woff2');
    expect(font.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(font.length).toBeGreaterThan(8 * 1024);
    expect(font.length).toBeLessThan(24 * 1024);
  });
});
