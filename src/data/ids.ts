/**
 * The names of the story's layers and event categories. Kept apart from the zod schemas (which use
 * them) so that the page shell, which needs the names, does not have to load zod to start.
 */
export type LayerId = 'places' | 'air-bases' | 'strikes' | 'events' | 'front-lines' | 'control-areas';

/** Every layer a story can have; the map builds them in this order and the legend lists them reversed. */
export const LAYER_IDS: LayerId[] = ['places', 'air-bases', 'strikes', 'events', 'front-lines', 'control-areas'];

export const EVENT_CATEGORIES = ['ground', 'capture', 'drone-loss', 'mobilisation', 'declaration', 'foreign-presence', 'diplomacy'] as const;
export type EventCategoryId = (typeof EVENT_CATEGORIES)[number];
