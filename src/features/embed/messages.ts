/**
 * The postMessage contract between an embedded map and its host page. Public and versioned: hosts
 * written against it must keep working (README, "Links and embeds").
 */
import { z } from '../../data/zod';
import { ID_PATTERN, LAYER_IDS, MAX_LATITUDE, ZOOM_RANGE, type LayerId } from '../../data/ids';

export const MESSAGE_PREFIX = 'tripoli-map:';
export const PROTOCOL_VERSION = 1;

const IsoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const FeatureId = z.string().check(z.maxLength(200), z.regex(ID_PATTERN));

/** What a host may ask of the map. Anything else is ignored. */
export const InboundMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tripoli-map:set-date'), date: IsoDay }),
  z.strictObject({
    type: z.literal('tripoli-map:set-view'),
    center: z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-MAX_LATITUDE), z.lte(MAX_LATITUDE))]),
    zoom: z.number().check(z.gte(ZOOM_RANGE[0]), z.lte(ZOOM_RANGE[1])),
  }),
  z.strictObject({ type: z.literal('tripoli-map:select-event'), id: z.nullable(FeatureId) }),
  z.strictObject({ type: z.literal('tripoli-map:set-lang'), lang: z.enum(['ar', 'en']) }),
  z.strictObject({ type: z.literal('tripoli-map:set-layers'), layers: z.array(z.enum(LAYER_IDS as [LayerId, ...LayerId[]])).check(z.maxLength(20)) }),
  z.strictObject({ type: z.literal('tripoli-map:play'), playing: z.boolean() }),
]);
export type InboundMessage = z.infer<typeof InboundMessage>;

/** What the map tells its host. */
export type OutboundMessage =
  | { type: 'tripoli-map:ready'; version: number; date: string; lang: string }
  | { type: 'tripoli-map:date-change'; date: string; cause: 'reader' | 'host' }
  | { type: 'tripoli-map:select'; id: string | null }
  | { type: 'tripoli-map:height'; height: number };

export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  return allowed.some((a) => a === origin);
}

/** Parses an incoming message; null for anything malformed, oversized or not ours. */
export function readInbound(data: unknown): InboundMessage | null {
  // Plain objects only: what postMessage's structured clone delivers; nothing inherited is read.
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) return null;
  try {
    const type = (data as { type?: unknown }).type;
    if (typeof type !== 'string' || !type.startsWith(MESSAGE_PREFIX)) return null;
    const result = InboundMessage.safeParse(data);
    return result.success ? result.data : null;
  } catch {
    return null; // a getter that throws, in a message made by a script in this very window
  }
}

/** pym.js's wire format, so pages that already use pym.js size our iframe with no extra script. */
export function pymMessage(childId: string, type: string, value: string | number): string {
  return ['pym', childId, type, String(value)].join('xPYMx');
}
