/** The bench's command-line options and fixed settings (see scripts/bench.ts). */
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
// Nine by default: on a shared machine five loads a page move the ratio by about 0.1 from run to run.
export const LOADS = Math.max(5, Number(option('loads', '9')));
export const STEPS = Math.max(120, Number(option('steps', '150')));
export const SIZES = option('sizes', '10000,100000').split(',').map(Number).filter((n) => n > 1);
export const SKIP_BUILD = args.includes('--skip-build');
export const BUILD_ONLY = args.includes('--build-only');
export const GPU = args.includes('--gpu');
/** ANGLE on Vulkan, Chromium's usual GPU path on Linux; scripts/gpu-bench/run.sh searches among others. */
export const GPU_ARGS = ['--use-angle=vulkan', '--enable-features=Vulkan', '--ignore-gpu-blocklist', '--disable-vulkan-surface'];
export const SOFTWARE_ONLY = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
/** Timed cold loads of each synthetic story but the biggest, which is timed once (it is slow). */
export const SYNTHETIC_LOADS = 2;
export const VIEWPORT = { width: 1280, height: 800 };
export const OUT = resolve('bench/.out');
export const RESULTS = resolve('bench/results.json');
/** The scrub starts on the story's first day and moves one day per step. */
export const SCRUB_FROM = '2019-04-01';
/** Untimed steps before the timed ones, so that one-off work (first index builds, JIT) is left out. */
export const WARM_UP_STEPS = 5;
/** Pause between timed steps, in which the page and the browser catch up. */
export const STEP_PAUSE_MS = 20;
/** Steps timed with the rasterisation of their frame included: slow in software, so few by default. */
export const RASTER_STEPS = Math.max(1, Number(option('raster-steps', '2')));
