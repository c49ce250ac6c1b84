/** A small static server for the built app and the test host pages, on 127.0.0.1 only. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** Content types by file ending. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root`; `/__fixtures__/` maps to tests/browser/fixtures (host pages), `/__pym__/` to pym.js.
 * Nothing is cached, unless `cacheAssets` (the benchmark): then hashed files under `assets/` may be
 * kept for good and the rest revalidated, as on any static host.
 */
export async function startServer(root: string, port = 0, { cacheAssets = false } = {}): Promise<StaticServer> {
  const fixtures = resolve('tests/browser/fixtures');
  const pym = resolve('node_modules/pym.js/dist');
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [base, rel] = path.startsWith('/__fixtures__/')
      ? [fixtures, path.slice('/__fixtures__/'.length)]
      : path.startsWith('/__pym__/')
        ? [pym, path.slice('/__pym__/'.length)]
        : [root, path.slice(1)];
    let file = normalize(join(base, rel));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // As docs/deploy.md recommends: the app's files are public, and a map embedded in a sandboxed
      // iframe without allow-same-origin runs in an opaque origin that must be allowed to load them.
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': !cacheAssets ? 'no-store' : file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        'Access-Control-Allow-Origin': '*',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
