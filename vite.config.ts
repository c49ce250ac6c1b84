import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DATA_DIR = resolve(process.env.STORY_DATA_DIR ?? 'data');
const DATA_FILE = /\.(geo)?json$/;

/**
 * The story's data stays out of the JavaScript bundle: it is served beside the app under data/ so
 * that each layer loads, fails and retries on its own, and so a journalist can swap files after a
 * build. STORY_DATA_DIR points the build at another story's folder.
 */
function storyData(): Plugin {
  return {
    name: 'story-data',
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
        if (!DATA_FILE.test(name) || name.includes('/') || name.includes('..')) return next();
        try {
          const body = readFileSync(join(DATA_DIR, name));
          res.setHeader('Content-Type', 'application/json');
          res.end(body);
        } catch {
          next();
        }
      });
    },
    // The page's static title and description (what link previews and search engines read) come
    // from the story's config.json, so another story needs no change to index.html.
    transformIndexHtml(html) {
      let config: { title?: { en?: string }; subtitle?: { en?: string } };
      try {
        config = JSON.parse(readFileSync(join(DATA_DIR, 'config.json'), 'utf8'));
      } catch {
        return html; // check:data reports a broken config; the app shows it too.
      }
      const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      let out = html;
      if (config.title?.en) out = out.replace(/<title>[^<]*<\/title>/, `<title>${escape(config.title.en)}</title>`);
      if (config.subtitle?.en)
        out = out.replace(/(<meta name="description" content=")[^"]*(")/, (_, open, close) => `${open}${escape(config.subtitle!.en!)}${close}`);
      return out;
    },
    generateBundle() {
      for (const name of readdirSync(DATA_DIR).filter((n) => DATA_FILE.test(n))) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: compactJson(readFileSync(join(DATA_DIR, name), 'utf8')) });
      }
    },
  };
}

/**
 * The files in data/ are indented for the people who edit them; readers download them without the
 * indentation (about 1 KB less after compression). A file that does not parse ships as it is, so
 * the app can name what is wrong with it.
 */
export function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/**
 * The Content-Security-Policy in index.html forbids inline scripts, and the dev server's hot reload
 * injects one: the policy applies to builds (and `vite preview`), not to `npm start`.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * deck.gl 9.4 packs grouped vertex attributes for WebGPU through luma.gl's GPGPU package: about 85
 * KB of JavaScript (20 KB gzip) that every reader would download and compile. The story draws
 * only with WebGL, in MapLibre's own context, where deck.gl never constructs that helper
 * (tests/unit/webgl-only-deck.test.ts holds deck.gl to it): builds swap it for a class that says so.
 */
export const WEBGPU_ATTRIBUTE_GROUPS = /@deck\.gl[\\/]core[\\/]dist[\\/]lib[\\/]attribute[\\/]attribute-buffer-groups\.js$/;
export const WEBGL_ONLY_MESSAGE = "tripoli-map is built for WebGL: deck.gl's WebGPU attribute groups are left out (vite.config.ts)";
const WEBGL_ONLY_STUB = '\0webgl-only-attribute-buffer-groups';

export function webglOnlyDeck(): Plugin {
  return {
    name: 'webgl-only-deck',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('attribute-buffer-groups.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && WEBGPU_ATTRIBUTE_GROUPS.test(resolved.id) ? WEBGL_ONLY_STUB : null;
    },
    load(id) {
      if (id !== WEBGL_ONLY_STUB) return null;
      return `export default class AttributeBufferGroups { constructor() { throw new Error(${JSON.stringify(WEBGL_ONLY_MESSAGE)}); } }`;
    },
  };
}

export default defineConfig({
  // Relative asset paths: the build runs from any sub-path of any static host.
  base: './',
  plugins: [react(), storyData(), devWithoutCsp(), webglOnlyDeck()],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/components/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
