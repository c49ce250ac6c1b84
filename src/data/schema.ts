/**
 * One set of zod schemas for every file in data/. Used by the app when it loads a layer and by
 * `npm run check:data` at build time, so a file that the checker accepts is a file the app can draw.
 */
import { z } from './zod';
import { EVENT_CATEGORIES, ID_PATTERN, LAYER_IDS, ZOOM_RANGE, type LayerId } from './ids';
import { isHttpUrl } from './urls';
import { memoizeString } from './memo';

const isRealDate = memoizeString((value: string): boolean => {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  if (m < 1 || m > 12) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
});

/** A calendar date written the way the article lets us know it: a day, a month or a year. */
export const PartialDate = z.string().check(
  // abort: a date in the wrong shape is one problem, not also "not a real calendar date".
  z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'expected YYYY, YYYY-MM or YYYY-MM-DD', abort: true }),
  z.refine(isRealDate, 'not a real calendar date'),
);

export const DatePrecision = z.enum(['day', 'month', 'approximate']);

export const Text = z.object({
  ar: z.string().check(z.minLength(1, 'Arabic text is empty')),
  en: z.string().check(z.minLength(1, 'English text is empty')),
});

export const Side = z.enum(['gna', 'lna', 'foreign', 'contested', 'none']);

export const Confidence = z.enum(['reported', 'claimed', 'estimated']);

/**
 * Where a statement comes from. The article's paragraphs and background knowledge are kept apart,
 * so the app can show them apart.
 */
const sourcesShape = {
  /**
   * Paragraph numbers of the article (for the shipped story see ../shared/seed/facts.md: title = 1,
   * body 3-53). The upper limit is the story's own: config.json `source.paragraphs`, checked in
   * crossCheck.
   */
  article: z._default(z.array(z.int().check(z.gte(1))), []),
  /** Set when anything in this feature does not come from the article; say what in `note`. */
  generalKnowledge: z._default(z.boolean(), false),
  note: z.optional(Text),
};
const hasSource = (s: { article: number[]; generalKnowledge: boolean }) => s.article.length > 0 || s.generalKnowledge;
const NEEDS_SOURCE = { message: 'a feature needs article paragraphs or generalKnowledge: true' };

export const Sources = z.object(sourcesShape).check(z.refine(hasSource, NEEDS_SOURCE));

/** A web page where a reader can check a feature. Only http(s): the app renders it as a link. */
export const SourceLink = z.object({
  url: z.string().check(z.maxLength(2000), z.refine(isHttpUrl, 'only http:// and https:// links are allowed')),
  label: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
});

/** A feature's sources: as Sources, plus optional links to further reading. */
export const FeatureSources = z
  .object({ ...sourcesShape, links: z.optional(z.array(SourceLink).check(z.maxLength(20))) })
  .check(z.refine(hasSource, NEEDS_SOURCE));

/** A position, GeoJSON's way round: [longitude, latitude]. */
export const LonLat = z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))]);

export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: LonLat });
export const LineGeometry = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(LonLat).check(z.minLength(2)),
});
export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(LonLat).check(z.minLength(4))).check(z.minLength(1)),
});
export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(LonLat).check(z.minLength(4))).check(z.minLength(1))).check(z.minLength(1)),
});

export const Id = z.string().check(z.regex(ID_PATTERN, 'ids are lower-case words joined by dashes'));

/** A map zoom level. */
export const Zoom = z.number().check(z.gte(ZOOM_RANGE[0]), z.lte(ZOOM_RANGE[1]));

const common = {
  id: Id,
  title: Text,
  summary: Text,
  sources: FeatureSources,
  confidence: Confidence,
  /** Who says so, where a side's claim is all we have (actor id from config.json). */
  claimedBy: z.optional(z.string()),
  /** Contradictions in the article or with the record, in our words. */
  notes: z.optional(Text),
  /** A human label for where it happened, when the point stands for an area. */
  place: z.optional(Text),
  /** 'exact' for a town or base; 'area' when the point stands for a district or region. */
  locationPrecision: z._default(z.enum(['exact', 'area', 'region']), 'exact'),
};

const dated = {
  start: PartialDate,
  end: z.optional(PartialDate),
  datePrecision: DatePrecision,
};

export const PlaceProps = z.object({
  ...common,
  kind: z.literal('place'),
  /** Larger ranks show earlier when labels collide: 3 capital, 2 city, 1 town, 0 district. */
  rank: z.int().check(z.gte(0), z.lte(3)),
});

export const AirBaseProps = z.object({
  ...common,
  kind: z.literal('air-base'),
  side: Side,
  /** Actor ids (config.json) that used the base. */
  operators: z.array(z.string()).check(z.minLength(1)),
  /** Weapon ids (config.json) flown from the base. */
  aircraft: z._default(z.array(z.string()), []),
  /** Outside Libya, or only a candidate for the base the article leaves unnamed. */
  candidate: z._default(z.boolean(), false),
});

export const StrikeProps = z.object({
  ...common,
  ...dated,
  kind: z.literal('strike'),
  /** Actor id of the side said to have struck. */
  attacker: z.string(),
  /** Number of strikes; omitted when the article gives none. */
  count: z.optional(z.int().check(z.positive())),
  killed: z.optional(z.int().check(z.nonnegative())),
  /** Id of an air base hit by this strike, so the base can show that it was under attack. */
  target: z.optional(z.string()),
});

export const EventCategory = z.enum(EVENT_CATEGORIES);

export const EventProps = z.object({
  ...common,
  ...dated,
  kind: z.literal('event'),
  category: EventCategory,
  /** Actor id of the side that acted. */
  actor: z.string(),
  killed: z.optional(z.int().check(z.nonnegative())),
  count: z.optional(z.int().check(z.positive())),
});

export const FrontLineProps = z.object({
  ...common,
  kind: z.literal('front-line'),
  /** Snapshots that share a `line` are interpolated into each other over time. */
  line: z.string(),
  /** The date this snapshot describes. */
  snapshot: PartialDate,
  datePrecision: DatePrecision,
});

export const ControlAreaProps = z.object({
  ...common,
  ...dated,
  kind: z.literal('control-area'),
  side: Side,
});

export const PlaceFeature = feature(PointGeometry, PlaceProps);
export const AirBaseFeature = feature(PointGeometry, AirBaseProps);
export const StrikeFeature = feature(PointGeometry, StrikeProps);
export const EventFeature = feature(PointGeometry, EventProps);
export const FrontLineFeature = feature(LineGeometry, FrontLineProps);
export const ControlAreaFeature = feature(
  z.union([PolygonGeometry, MultiPolygonGeometry]),
  ControlAreaProps,
);

/** The layers a story can have, each with the feature shape its file must hold. */
export const layerFeatureSchemas = {
  places: PlaceFeature,
  'air-bases': AirBaseFeature,
  strikes: StrikeFeature,
  events: EventFeature,
  'front-lines': FrontLineFeature,
  'control-areas': ControlAreaFeature,
} as const satisfies Record<LayerId, z.ZodMiniType>;
export { LAYER_IDS, type LayerId };

export const Actor = z.object({
  id: z.string(),
  name: Text,
  side: Side,
  /** #rrggbb; sides share a colour so that the map reads as two camps and their backers. */
  color: z.string().check(z.regex(/^#[0-9a-f]{6}$/i)),
});

export const Weapon = z.object({ id: z.string(), name: Text, note: z.optional(Text) });

export const StoryConfig = z.object({
  title: Text,
  subtitle: Text,
  /** The article the story is built from. */
  source: z.object({
    publisher: Text,
    title: Text,
    published: PartialDate,
    /** How many paragraphs the article has; paragraph numbers in `sources.article` may not exceed it. */
    paragraphs: z.optional(z.int().check(z.positive())),
  }),
  range: z.object({
    /** The story proper; the slider gives it most of its length. */
    start: PartialDate,
    end: PartialDate,
    /** Earlier context the slider can still reach, drawn compressed at its start. */
    contextStart: PartialDate,
  }),
  /**
   * Which host pages may drive an embedded map by postMessage. "*" lets any page that embeds the
   * map do so; a list of origins ("https://example.org") restricts it to those.
   */
  embed: z._default(z.object({ allowedOrigins: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)) }), { allowedOrigins: ['*'] }),
  /** The date a reader lands on. */
  initialDate: PartialDate,
  view: z.object({ center: LonLat, zoom: Zoom }),
  /** [west, south, east, north]: every coordinate in the story lies inside. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  actors: z.array(Actor).check(z.minLength(1)),
  weapons: z._default(z.array(Weapon), []),
  layers: z
    .array(z.object({ id: z.enum(LAYER_IDS as [LayerId, ...LayerId[]]), file: z.string() }))
    .check(z.minLength(1)),
});

export type StoryConfig = z.infer<typeof StoryConfig>;
export type Actor = z.infer<typeof Actor>;
export type TextT = z.infer<typeof Text>;
export type PlaceFeature = z.infer<typeof PlaceFeature>;
export type AirBaseFeature = z.infer<typeof AirBaseFeature>;
export type StrikeFeature = z.infer<typeof StrikeFeature>;
export type EventFeature = z.infer<typeof EventFeature>;
export type FrontLineFeature = z.infer<typeof FrontLineFeature>;
export type ControlAreaFeature = z.infer<typeof ControlAreaFeature>;
export type StoryFeature =
  | PlaceFeature
  | AirBaseFeature
  | StrikeFeature
  | EventFeature
  | FrontLineFeature
  | ControlAreaFeature;
export type FeatureKind = StoryFeature['properties']['kind'];

function feature<G extends z.ZodMiniType, P extends z.ZodMiniType>(geometry: G, properties: P) {
  return z.object({ type: z.literal('Feature'), geometry, properties });
}

