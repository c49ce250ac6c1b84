/**
 * Fetches a story: its config first, then every layer on its own, so that one broken file costs
 * only that layer. Each failure is turned into problems that name file, feature and field.
 *
 * Not every problem costs the layer: a feature whose position lies outside the story's bounds
 * (swapped longitude and latitude, most often), whose dates fall outside the story, or whose id
 * another feature already uses is left out on its own, and reported as a notice.
 */
import type { LayerId, StoryConfig, StoryFeature } from './schema';
import { locatedCrossCheck, MAX_LAYER_BYTES, parseConfig, parseLayer, type DataProblem } from './validate';

export type LayerLoad =
  | { status: 'loading' }
  | {
      status: 'ready';
      features: StoryFeature[];
      skippedNullGeometry: number;
      /** Features left out of the map, each with the reason; the rest of the layer draws. */
      notices?: DataProblem[];
    }
  | { status: 'error'; problems: DataProblem[] };

export type Fetcher = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface LoadOptions {
  /** Give up on a file that has not fully arrived after this long (the reader gets a retry). */
  timeoutMs?: number;
  /** Largest file accepted, in bytes. */
  maxBytes?: number;
}

export const LAYER_TIMEOUT_MS = 30_000;

/** Fields of a cross-check problem that cost only the feature, not its layer. */
const FEATURE_LEVEL = new Set(['geometry', 'start', 'end', 'snapshot', 'id']);

export async function fetchJson(fetcher: Fetcher, url: string, file: string, options: LoadOptions = {}): Promise<unknown> {
  const { timeoutMs = LAYER_TIMEOUT_MS, maxBytes = MAX_LAYER_BYTES } = options;
  const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject([{ file, message: `did not arrive within ${Math.round(timeoutMs / 1000)} s`, hint: 'the connection may be slow: retry' }]);
    }, timeoutMs);
  });
  try {
    return await Promise.race([download(fetcher, url, file, maxBytes, controller?.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function download(fetcher: Fetcher, url: string, file: string, maxBytes: number, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(url, { signal });
  } catch (error) {
    throw [{ file, message: `could not be fetched (${(error as Error).message})` }];
  }
  if (!response.ok)
    throw [
      {
        file,
        message: `could not be fetched (HTTP ${response.status})`,
        hint: response.status !== 404 ? undefined : file === 'config.json' ? 'every story needs a config.json in its data folder' : 'is the file missing, or misnamed in config.json layers?',
      },
    ];
  const tooBig = [{ file, message: `is larger than ${maxBytes} bytes`, hint: 'split the layer, or leave out features' }];
  // A declared size over the limit is refused before a byte of the body is read.
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooBig;
  }
  let text: string;
  try {
    text = await readText(response, maxBytes);
  } catch (error) {
    if (error === TOO_BIG) throw tooBig;
    throw [{ file, message: `could not be read (${(error as Error).message})` }];
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw [{ file, message: `is not valid JSON (${(error as Error).message})` }];
  }
}

const TOO_BIG = Symbol('too big');

/** The body as text, stopping (and throwing TOO_BIG) as soon as it grows past `maxBytes`. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    if (text.length > maxBytes) throw TOO_BIG;
    return text;
  }
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => {});
      throw TOO_BIG;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

export async function loadConfig(fetcher: Fetcher, baseUrl: string, options?: LoadOptions): Promise<StoryConfig> {
  const file = 'config.json';
  const raw = await fetchJson(fetcher, new URL(file, baseUrl).href, file, options);
  const { config, problems } = parseConfig(file, raw);
  if (!config) throw problems;
  return config;
}

export async function loadLayer(
  fetcher: Fetcher,
  baseUrl: string,
  config: StoryConfig,
  layerId: LayerId,
  options?: LoadOptions,
): Promise<LayerLoad> {
  const entry = config.layers.find((l) => l.id === layerId);
  if (!entry) return { status: 'error', problems: [{ file: 'config.json', field: 'layers', message: `no layer "${layerId}"` }] };
  try {
    const raw = await fetchJson(fetcher, new URL(entry.file, baseUrl).href, entry.file, options);
    const result = parseLayer(entry.file, layerId, raw);
    if (result.problems.length) return { status: 'error', problems: result.problems };
    const blocking: DataProblem[] = [];
    const notices: DataProblem[] = [];
    const left = new Set<number>();
    for (const { layer, index, ...problem } of locatedCrossCheck(config, [{ file: entry.file, features: result.features }])) {
      // References to other layers (a strike's target base) are checked by check:data; here a
      // missing base only means the base cannot light up, so it costs nothing.
      if (problem.field === 'target') continue;
      if (problem.field && FEATURE_LEVEL.has(problem.field)) {
        left.add(index);
        notices.push(problem);
      } else blocking.push(problem);
    }
    if (blocking.length) return { status: 'error', problems: blocking };
    const features = left.size ? result.features.filter((_, i) => !left.has(i)) : result.features;
    return { status: 'ready', features, skippedNullGeometry: result.skippedNullGeometry, ...(notices.length ? { notices } : {}) };
  } catch (problems) {
    return { status: 'error', problems: Array.isArray(problems) ? (problems as DataProblem[]) : [{ file: entry.file, message: String(problems) }] };
  }
}

/**
 * Ids must be unique across the story, not only within a file (links and the details panel find a
 * feature by id). A layer that arrives with an id some other loaded layer already uses loses that
 * feature, and a notice names both files.
 */
export function withoutDuplicateIds(
  load: LayerLoad,
  file: string,
  others: readonly { file: string; features: readonly StoryFeature[] }[],
): LayerLoad {
  if (load.status !== 'ready' || !others.length) return load;
  const owner = new Map<string, string>();
  for (const other of others) for (const f of other.features) if (!owner.has(f.properties.id)) owner.set(f.properties.id, other.file);
  const notices: DataProblem[] = [];
  const features = load.features.filter((f) => {
    const earlier = owner.get(f.properties.id);
    if (earlier === undefined) return true;
    notices.push({ file, featureId: f.properties.id, field: 'id', message: `duplicate id: also used in ${earlier}`, hint: 'give every feature its own id' });
    return false;
  });
  if (!notices.length) return load;
  return { ...load, features, notices: [...(load.notices ?? []), ...notices] };
}
