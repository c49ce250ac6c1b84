/**
 * The names of the story's layers and event categories. Kept apart from the zod schemas (which use
 * them) so that the page shell, which needs the names, does not have to load zod to start.
 */
export type LayerId = 'places' | 'air-bases' | 'strikes' | 'events' | 'front-lines' | 'control-areas';

/** Every layer a story can have; the map builds them in this order and the legend lists them reversed. */
export const LAYER_IDS: LayerId[] = ['places', 'air-bases', 'strikes', 'events', 'front-lines', 'control-areas'];

/** Ids of features and chapters: they appear in links, so lower-case words joined by dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The zoom levels and latitudes a view may have, in a story, a link or a host's message (Web Mercator stops near 85°). */
export const ZOOM_RANGE = [0, 22] as const;
export const MAX_LATITUDE = 85;

export const EVENT_CATEGORIES = ['ground', 'capture', 'drone-loss', 'mobilisation', 'declaration', 'foreign-presence', 'diplomacy'] as const;
export type EventCategoryId = (typeof EVENT_CATEGORIES)[number];
