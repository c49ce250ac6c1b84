/** scripts/check-budget.mjs on tiny fake builds: it passes within budget and fails naming the file that went over. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = mkdtempSync(join(tmpdir(), 'check-budget-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const budget = {
  rules: [
    { files: 'assets/index-*.js', label: 'main chunk', maxKB: 4, required: true },
    { files: 'assets/*.js', label: 'other chunk', maxKB: 2 },
    { files: 'assets/*.css', label: 'stylesheet', maxKB: 1 },
    { files: 'basemap/*.geojson', label: 'the basemap', total: true, maxKB: 3 },
  ],
};

/** Random bytes as hex: about half of it survives gzip, so sizes are predictable enough. */
const noise = (kb: number) => randomBytes(kb * 512).toString('hex');

function fakeBuild(name: string, files: Record<string, string>): string {
  const dist = join(root, name, 'dist');
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), body);
  }
  writeFileSync(join(root, name, 'budget.json'), JSON.stringify(budget));
  return join(root, name);
}

function check(dir: string) {
  const run = spawnSync(process.execPath, ['scripts/check-budget.mjs', '--dist', join(dir, 'dist'), '--budget', join(dir, 'budget.json')], {
    encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('check-budget', () => {
  it('passes a build within budget', () => {
    const dir = fakeBuild('small', {
      'assets/index-abc123.js': noise(2),
      'assets/lazy-def456.js': noise(1),
      'assets/index-abc123.css': 'body{margin:0}',
      'basemap/land.geojson': '{"type":"FeatureCollection","features":[]}',
    });
    const result = check(dir);
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    expect(result.out).toMatch(/every file within budget/);
  });

  it('fails naming the chunk that went over, and by how much', () => {
    const dir = fakeBuild('oversized', {
      'assets/index-abc123.js': noise(2),
      'assets/huge-0f0f0f.js': noise(40),
      'basemap/land.geojson': '{}',
    });
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/assets\/huge-0f0f0f\.js \(other chunk\) is [\d.]+ KB gzip, over its 2\.0 KB budget/);
    expect(result.err).not.toMatch(/index-abc123/);
  });

  it('fails on a group over its total, a missing required file and an unbudgeted script', () => {
    const dir = fakeBuild('groups', {
      'assets/lazy-1.js': noise(1),
      'basemap/land.geojson': noise(4),
      'basemap/borders.geojson': noise(4),
      'stray.js': 'console.log(1)',
    });
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/the basemap \(basemap\/\*\.geojson, together\) is [\d.]+ KB gzip, over its 3\.0 KB budget/);
    expect(result.err).toMatch(/main chunk: no file matches assets\/index-\*\.js/);
    expect(result.err).toMatch(/stray\.js has no budget/);
  });

  it('the real budget file is well formed and covers the main chunks', () => {
    const real = JSON.parse(readFileSync('scripts/bundle-budget.json', 'utf8'));
    const globs = real.rules.map((r: { files: string }) => r.files);
    expect(globs).toEqual(expect.arrayContaining(['assets/index-*.js', 'assets/engine-*.js', 'basemap/*.geojson']));
  });
});
