/**
 * `npm run check:data [dir]`: validates every file of a story with the app's own schemas and prints
 * every problem at once, each naming the file, the feature and the field. Exits 1 on any problem.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { crossCheck, formatProblem, MAX_LAYER_BYTES, parseConfig, parseLayer, type DataProblem } from '../src/data/validate';
import type { StoryFeature } from '../src/data/schema';

const dir = resolve(process.argv[2] ?? 'data');
const problems: DataProblem[] = [];
const show = (path: string) => relative(process.cwd(), path) || path;

function readJson(path: string): unknown {
  try {
    if (statSync(path).size > MAX_LAYER_BYTES) {
      problems.push({ file: show(path), message: `larger than ${MAX_LAYER_BYTES} bytes` });
      return undefined;
    }
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({ file: show(path), message: (error as Error).message });
    return undefined;
  }
}

const configPath = join(dir, 'config.json');
const rawConfig = readJson(configPath);
const { config, problems: configProblems } = rawConfig === undefined ? { config: undefined, problems: [] } : parseConfig(show(configPath), rawConfig);
problems.push(...configProblems);

let featureCount = 0;
let skipped = 0;
if (config) {
  const layers: { file: string; features: StoryFeature[] }[] = [];
  for (const layer of config.layers) {
    const path = join(dir, layer.file);
    const raw = readJson(path);
    if (raw === undefined) continue;
    const result = parseLayer(show(path), layer.id, raw);
    problems.push(...result.problems);
    layers.push({ file: show(path), features: result.features });
    featureCount += result.features.length;
    skipped += result.skippedNullGeometry;
  }
  problems.push(...crossCheck(config, layers));
}

for (const p of problems) console.error(formatProblem(p));
if (skipped) console.warn(`${skipped} feature(s) without geometry were skipped`);
if (problems.length) {
  console.error(`check:data: ${problems.length} problem(s) in ${show(dir)}`);
  process.exit(1);
}
console.log(`check:data: ${featureCount} features in ${config!.layers.length} layers, no problems`);
