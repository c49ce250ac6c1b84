/** The story's data is shipped without its indentation; a broken file ships untouched for the app to report. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compactJson } from '../../vite.config';

describe('compactJson', () => {
  it('drops the indentation and keeps every value, Arabic text and hostile strings included', () => {
    const text = readFileSync('data/events.geojson', 'utf8');
    const compact = compactJson(text);
    expect(compact.length).toBeLessThan(text.length * 0.95);
    expect(compact).not.toMatch(/\n/);
    expect(JSON.parse(compact)).toEqual(JSON.parse(text));
    const hostile = '{\n  "title": "<img src=x onerror=alert(1)> \\u202e طرابلس \\"quoted\\""\n}';
    expect(JSON.parse(compactJson(hostile))).toEqual(JSON.parse(hostile));
  });

  it('returns a file that does not parse as it is', () => {
    const broken = '{"type": "FeatureCollection", "features": [';
    expect(compactJson(broken)).toBe(broken);
  });
});
