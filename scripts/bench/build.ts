/** Building the app and the reference pages, with what share of each chunk comes from which package. */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export type Group = 'maplibre-gl' | 'deck.gl' | 'react' | 'other libraries' | 'own code';
/** Per built JS file: the share of its rendered code that each group accounts for. */
export type ChunkShares = Record<string, Partial<Record<Group, number>>>;

function groupOf(moduleId: string): Group {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(moduleId.replace(/\\/g, '/'));
  if (!match) return 'own code';
  const pkg = match[1];
  if (pkg === 'maplibre-gl' || pkg.startsWith('@maplibre/')) return 'maplibre-gl';
  // deck.gl is built on luma.gl, math.gl, loaders.gl, probe.gl and mjolnir: all of it ships with deck.
  if (/^@(deck\.gl|luma\.gl|math\.gl|loaders\.gl|probe\.gl)\//.test(pkg) || pkg === 'mjolnir.js' || pkg === 'gl-matrix') return 'deck.gl';
  if (pkg === 'react' || pkg === 'react-dom' || pkg === 'scheduler') return 'react';
  return 'other libraries';
}

/** Records, for every chunk, how much of its rendered code comes from each group (rollup module info). */
function moduleInfo(into: ChunkShares): Plugin {
  return {
    name: 'bench-module-info',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        const lengths: Partial<Record<Group, number>> = {};
        let total = 0;
        for (const [id, info] of Object.entries(item.modules)) {
          const group = groupOf(id);
          lengths[group] = (lengths[group] ?? 0) + info.renderedLength;
          total += info.renderedLength;
        }
        for (const group of Object.keys(lengths) as Group[]) lengths[group] = total ? lengths[group]! / total : 0;
        into[item.fileName] = total ? lengths : { 'own code': 1 };
      }
    },
  };
}

export async function buildApp(outDir: string, dataDir: string, shares?: ChunkShares): Promise<void> {
  // Imported here so that a run on built pages (--skip-build) needs no vite, e.g. on a GPU machine.
  const { build } = await import('vite');
  process.env.STORY_DATA_DIR = dataDir;
  try {
    await build({
      configFile: resolve('vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
      plugins: shares ? [moduleInfo(shares)] : [],
    });
  } finally {
    delete process.env.STORY_DATA_DIR;
  }
}

/** A reference page of the bench's own (bench/baseline, bench/story-layers), built without the app's config. */
export async function buildReference(page: string, outDir: string, shares: ChunkShares): Promise<void> {
  const { build } = await import('vite');
  // The app's deck.gl, without its WebGPU-only attribute packing (a no-op for the baseline's empty overlay).
  const { webglOnlyDeck } = await import('../../vite.config');
  await build({
    configFile: false,
    root: resolve('bench', page),
    base: './',
    publicDir: resolve('public'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
    plugins: [moduleInfo(shares), webglOnlyDeck()],
  });
}
