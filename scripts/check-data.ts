/**
 * `npm run check:data [dir]`: validates every file of a story with the app's own schemas and prints
 * every problem at once, each naming the file, the feature and the field, with a hint. Exits 1 on
 * any problem. `checkStoryDir` is the same check as a function, for tests and other scripts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  crossCheck,
  formatProblem,
  MAX_LAYER_BYTES,
  parseConfig,
  parseLayer,
  type DataProblem,
  type LooseFeature,
} from '../src/data/validate';
import { checkConfig, checkStoryChapters } from '../src/data/authoring-checks';
import { checkStory } from '../src/data/story-check';
import arabicFont from '../src/assets/fonts/arabic-font.json';
// @ts-expect-error a plain .mjs module shared with the font script
import { codePointLabel, uncoveredArabic } from './arabic-font-coverage.mjs';

export interface CheckResult {
  problems: DataProblem[];
  /** Things that do not stop the app but are probably mistakes (a file nothing loads). */
  warnings: string[];
  featureCount: number;
  layerCount: number;
}

/** Optional chapters file; checked only when it exists. */
export const STORY_FILE = 'story.json';

/** A path as a user wants to read it: relative inside the working folder, absolute outside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function checkStoryDir(dirArg: string, cwd = process.cwd()): CheckResult {
  const dir = resolve(cwd, dirArg);
  const problems: DataProblem[] = [];
  const warnings: string[] = [];
  const show = (path: string) => shown(path, cwd);

  const readJson = (path: string, hint: string): unknown => {
    try {
      if (statSync(path).size > MAX_LAYER_BYTES) {
        problems.push({ file: show(path), message: `larger than ${MAX_LAYER_BYTES} bytes`, hint: 'the app refuses bigger files: split or simplify the layer' });
        return undefined;
      }
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      problems.push(
        err.code === 'ENOENT'
          ? { file: show(path), message: 'file not found', hint }
          : { file: show(path), message: err.message, hint: err instanceof SyntaxError ? 'not valid JSON: look for a missing comma, quote or bracket near that position' : undefined },
      );
      return undefined;
    }
  };

  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ file: show(dir), message: 'no such folder', hint: 'pass the folder that holds config.json, e.g. npm run check:data examples/libya-2020' });
    return { problems, warnings, featureCount: 0, layerCount: 0 };
  }

  const configPath = join(dir, 'config.json');
  const rawConfig = readJson(configPath, 'every story folder needs a config.json; see docs/data-format.md');
  const { config, problems: configProblems } =
    rawConfig === undefined ? { config: undefined, problems: [] } : parseConfig(show(configPath), rawConfig);
  problems.push(...configProblems);

  let featureCount = 0;
  let skipped = 0;
  let fixed = 0;
  if (config) {
    problems.push(...checkConfig(show(configPath), config));
    const layers: { file: string; features: LooseFeature[] }[] = [];
    for (const layer of config.layers) {
      const path = join(dir, layer.file);
      const raw = readJson(path, `config.json layers lists "${layer.file}" for ${layer.id}: add the file or fix its name`);
      if (raw === undefined) continue;
      const result = parseLayer(show(path), layer.id, raw);
      problems.push(...result.problems);
      // Features the schema refused are cross-checked too, so one run reports every problem.
      layers.push({ file: show(path), features: [...result.features, ...(result.rejected as LooseFeature[])] });
      featureCount += result.features.length;
      skipped += result.skippedNullGeometry;
      fixed += result.fixedGeometry;
    }
    problems.push(...crossCheck(config, layers));

    const storyPath = join(dir, STORY_FILE);
    if (existsSync(storyPath)) {
      const raw = readJson(storyPath, '');
      const ids = new Set(layers.flatMap((l) => l.features.map((f) => (f.properties as { id?: string } | undefined)?.id ?? '')));
      if (raw !== undefined) {
        const references = checkStoryChapters(show(storyPath), raw, config, ids);
        // The schema and the reference check can both trip over one field (a malformed date):
        // report it once.
        const reported = new Set(references.map((p) => p.field));
        const rest = checkStory(show(storyPath), raw, config, layers.flatMap((l) => l.features)).filter((p) => !reported.has(p.field));
        problems.push(...references, ...rest);
      }
    }

    const listed = new Set([...config.layers.map((l) => l.file), 'config.json', STORY_FILE]);
    for (const name of readdirSync(dir).filter((n) => /\.(geo)?json$/.test(n) && !listed.has(n)))
      warnings.push(`${show(join(dir, name))} is not listed in config.json layers, so the app never loads it`);
    for (const name of [...listed].filter((n) => existsSync(join(dir, n)))) {
      const missing = uncoveredArabic(readFileSync(join(dir, name), 'utf8'), arabicFont.unicodeRange);
      if (missing.length)
        warnings.push(
          `${show(join(dir, name))} uses Arabic-script characters the app's Arabic font lacks (${missing.map((ch: string) => codePointLabel(ch.codePointAt(0))).join(', ')}): they will show in another font; npm run font:arabic adds them`,
        );
    }
  }
  if (skipped) warnings.push(`${skipped} feature(s) without geometry were skipped`);
  if (fixed) warnings.push(`${fixed} polygon(s) had a ring left open or wound the wrong way: fixed on load, but better fixed in the file`);
  // Schema and cross-file problems arrive in two passes; list them file by file (the sort is stable).
  const files = [...new Set(problems.map((p) => p.file))];
  problems.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file));
  return { problems, warnings, featureCount, layerCount: config?.layers.length ?? 0 };
}

function main(argv: string[]): number {
  const dirArg = argv[0] ?? 'data';
  const { problems, warnings, featureCount, layerCount } = checkStoryDir(dirArg);
  for (const p of problems) console.error(formatProblem(p));
  for (const w of warnings) console.warn(`warning: ${w}`);
  const where = shown(resolve(dirArg), process.cwd());
  if (problems.length) {
    console.error(`check:data: ${problems.length} problem(s) in ${where}`);
    return 1;
  }
  console.log(`check:data: ${featureCount} features in ${layerCount} layers of ${where}, no problems`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
