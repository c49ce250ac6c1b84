/**
 * Hostile strings in story data (docs/reliability.md): markup, script links, bidi overrides,
 * prototype keys and huge titles are data like any other. The schema keeps links to http(s), drops
 * unknown keys (so `__proto__` never reaches an object), and takes any text; how text is shown
 * (as text, isolated, clamped) is tested in the browser (tests/browser/reliability.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseLayer } from '../../src/data/validate';
import { isHttpUrl, hostOf } from '../../src/data/urls';

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">\u202Eevil\u202C <script>alert(1)</script>';

const featureJson = (props: string) => `{
  "type": "Feature",
  "geometry": { "type": "Point", "coordinates": [13.19, 32.89], "__proto__": { "polluted": "geometry" } },
  "properties": {
    "id": "event-hostile", "kind": "event", "category": "ground", "actor": "lna",
    "start": "2019-06-26", "datePrecision": "day", "confidence": "reported",
    "title": { "ar": ${JSON.stringify(HOSTILE_TITLE)}, "en": ${JSON.stringify(HOSTILE_TITLE)}, "__proto__": { "polluted": "title" } },
    "summary": { "ar": "ملخص", "en": "Summary" },
    "__proto__": { "polluted": "properties", "isAdmin": true },
    "constructor": { "prototype": { "polluted": "constructor" } },
    ${props}
  }
}`;
const parseJson = (props: string) =>
  parseLayer('events.geojson', 'events', JSON.parse(`{ "type": "FeatureCollection", "__proto__": { "polluted": "root" }, "features": [${featureJson(props)}] }`));

describe('hostile data', () => {
  it('keeps markup and bidi controls as plain text', () => {
    const result = parseJson('"sources": { "article": [3] }');
    expect(result.problems).toEqual([]);
    expect(result.features[0].properties.title.en).toBe(HOSTILE_TITLE);
  });

  it('never lets __proto__ or constructor keys touch a prototype', () => {
    const result = parseJson('"sources": { "article": [3], "__proto__": { "polluted": "sources" } }');
    expect(result.problems).toEqual([]);
    const f = result.features[0];
    for (const object of [f, f.geometry, f.properties, f.properties.title, f.properties.sources]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(object, '__proto__')).toBe(false);
      expect((object as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(Object.prototype.hasOwnProperty.call(f.properties, 'constructor')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('takes a 100 kB title (the page clamps it)', () => {
    const long = 'long '.repeat(20_000);
    const result = parseJson(`"sources": { "article": [3] }, "notes": { "ar": ${JSON.stringify(long)}, "en": ${JSON.stringify(long)} }`);
    expect(result.problems).toEqual([]);
    expect(result.features[0].properties.notes!.en).toHaveLength(100_000);
  });

  it('takes http(s) links and refuses every other scheme, naming the field', () => {
    const ok = parseJson('"sources": { "article": [3], "links": [{ "url": "https://www.madamasr.com/en/", "label": "Mada Masr" }, { "url": "http://example.org/a?b=c#d" }] }');
    expect(ok.problems).toEqual([]);
    expect(ok.features[0].properties.sources.links).toHaveLength(2);
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', '//evil.test/x', '/relative', 'madamasr.com', ''])
      expect(
        parseJson(`"sources": { "article": [3], "links": [{ "url": ${JSON.stringify(url)} }] }`).problems.map((p) => p.field),
        url,
      ).toEqual(['sources.links.0.url']);
  });

  it('checks links again where they are rendered', () => {
    expect(isHttpUrl('https://a.test/')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('  https://a.test/')).toBe(true); // URL parsing trims; the href is the parsed, https one
    expect(hostOf('https://www.madamasr.com/en/2019')).toBe('madamasr.com');
  });
});
