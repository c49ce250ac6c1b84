/**
 * Fetches a story: its config first, then every layer on its own, so that one broken file costs
 * only that layer. Each failure is turned into problems that name file, feature and field.
 */
import type { LayerId, StoryConfig, StoryFeature } from './schema';
import { crossCheck, MAX_LAYER_BYTES, parseConfig, parseLayer, type DataProblem } from './validate';

export type LayerLoad =
  | { status: 'loading' }
  | { status: 'ready'; features: StoryFeature[]; skippedNullGeometry: number }
  | { status: 'error'; problems: DataProblem[] };

export type Fetcher = (url: string) => Promise<Response>;

export async function fetchJson(fetcher: Fetcher, url: string, file: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw [{ file, message: `could not be fetched (${(error as Error).message})` }];
  }
  if (!response.ok) throw [{ file, message: `could not be fetched (HTTP ${response.status})` }];
  const text = await response.text();
  if (text.length > MAX_LAYER_BYTES) throw [{ file, message: `is larger than ${MAX_LAYER_BYTES} bytes` }];
  try {
    return JSON.parse(text);
  } catch (error) {
    throw [{ file, message: `is not valid JSON (${(error as Error).message})` }];
  }
}

export async function loadConfig(fetcher: Fetcher, baseUrl: string): Promise<StoryConfig> {
  const file = 'config.json';
  const raw = await fetchJson(fetcher, new URL(file, baseUrl).href, file);
  const { config, problems } = parseConfig(file, raw);
  if (!config) throw problems;
  return config;
}

export async function loadLayer(
  fetcher: Fetcher,
  baseUrl: string,
  config: StoryConfig,
  layerId: LayerId,
): Promise<LayerLoad> {
  const entry = config.layers.find((l) => l.id === layerId);
  if (!entry) return { status: 'error', problems: [{ file: 'config.json', field: 'layers', message: `no layer "${layerId}"` }] };
  try {
    const raw = await fetchJson(fetcher, new URL(entry.file, baseUrl).href, entry.file);
    const result = parseLayer(entry.file, layerId, raw);
    const problems = [...result.problems, ...crossCheck(config, [{ file: entry.file, features: result.features }])];
    // References to other layers (a strike's target base) are checked by check:data; here a
    // missing base only means the base cannot light up, so it does not cost the layer.
    const blocking = problems.filter((p) => p.field !== 'target');
    if (blocking.length) return { status: 'error', problems: blocking };
    return { status: 'ready', features: result.features, skippedNullGeometry: result.skippedNullGeometry };
  } catch (problems) {
    return { status: 'error', problems: problems as DataProblem[] };
  }
}
