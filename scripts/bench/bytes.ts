/** First-load bytes: each fetched file sized from the build, gzipped, and shared out by package. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ChunkShares, Group } from './build';

export interface Bytes {
  raw: number;
  gzip: number;
}
export type Category = Group | 'css' | 'data' | 'basemap' | 'fonts' | 'html';
export const LIBRARY: Record<Category, boolean> = {
  'maplibre-gl': true,
  'deck.gl': true,
  react: true,
  'other libraries': false,
  'own code': false,
  css: false,
  data: false,
  basemap: false,
  fonts: false,
  html: false,
};

const gzipCache = new Map<string, Bytes>();
function sizeOf(file: string): Bytes {
  let size = gzipCache.get(file);
  if (!size) {
    const body = readFileSync(file);
    size = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    gzipCache.set(file, size);
  }
  return size;
}

/** maplibre-gl.css is bundled into our CSS file; its own (already minified) size is its share. */
const MAPLIBRE_CSS = sizeOf(resolve('node_modules/maplibre-gl/dist/maplibre-gl.css'));

export function accountBytes(urls: string[], base: string, root: string, shares: ChunkShares): Record<Category, Bytes> {
  const out = Object.fromEntries(Object.keys(LIBRARY).map((k) => [k, { raw: 0, gzip: 0 }])) as Record<Category, Bytes>;
  const add = (category: Category, bytes: Bytes, share = 1) => {
    out[category].raw += bytes.raw * share;
    out[category].gzip += bytes.gzip * share;
  };
  for (const url of urls) {
    if (!url.startsWith(base)) continue;
    let path = decodeURIComponent(new URL(url).pathname).slice(new URL(base).pathname.length);
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!existsSync(file)) continue;
    const bytes = sizeOf(file);
    if (path.startsWith('data/')) add('data', bytes);
    else if (path.startsWith('basemap/')) add('basemap', bytes);
    else if (/\.woff2?$/.test(path)) add('fonts', bytes);
    else if (/maplibre-gl-worker.*\.mjs$/.test(path)) add('maplibre-gl', bytes);
    else if (path.endsWith('.css')) {
      const hasMapLibre = readFileSync(file, 'utf8').includes('.maplibregl-map');
      const mapShare = hasMapLibre ? Math.min(1, MAPLIBRE_CSS.raw / bytes.raw) : 0;
      const mapGzip = hasMapLibre ? Math.min(bytes.gzip, MAPLIBRE_CSS.gzip) : 0;
      out['maplibre-gl'].raw += bytes.raw * mapShare;
      out['maplibre-gl'].gzip += mapGzip;
      out.css.raw += bytes.raw * (1 - mapShare);
      out.css.gzip += bytes.gzip - mapGzip;
    } else if (path.endsWith('.js') || path.endsWith('.mjs')) {
      const chunk = shares[path] ?? { 'own code': 1 };
      for (const [group, share] of Object.entries(chunk) as [Group, number][]) add(group, bytes, share);
    } else add('html', bytes);
  }
  return out;
}

export function totals(bytes: Record<Category, Bytes>) {
  const sum = (pick: (c: Category) => boolean) =>
    (Object.keys(bytes) as Category[]).filter(pick).reduce((s, c) => ({ raw: s.raw + bytes[c].raw, gzip: s.gzip + bytes[c].gzip }), { raw: 0, gzip: 0 });
  return { libraries: sum((c) => LIBRARY[c]), own: sum((c) => !LIBRARY[c]), all: sum(() => true) };
}
