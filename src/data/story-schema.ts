/**
 * The schema of `story.json`: chapters that walk a reader (or a class) through the story. Used by
 * the app's story mode when it loads the file and by `npm run check:data`, like the layer schemas.
 */
import { z } from './zod';
import { LAYER_IDS, type LayerId } from './ids';
import { Id, LonLat, PartialDate, Sources, Text, Zoom } from './schema';

const Paragraphs = z
  .array(z.string().check(z.trim(), z.minLength(1, 'a paragraph is empty')))
  .check(z.minLength(1, 'at least one paragraph'), z.maxLength(4, 'at most 4 paragraphs'));

export const Chapter = z.object({
  /** Used in links (`#chapter=…`); lower-case words joined by dashes. */
  id: Id,
  title: Text,
  /** A few short paragraphs in each language, in our own words. */
  body: z
    .object({ ar: Paragraphs, en: Paragraphs })
    .check(z.refine((b) => b.ar.length === b.en.length, { message: 'Arabic and English need the same number of paragraphs' })),
  /** The day the map shows for this chapter. */
  date: PartialDate,
  /** Where the camera goes. */
  view: z.object({
    center: LonLat,
    zoom: Zoom,
  }),
  /** Feature ids ringed on the map while the chapter is open. */
  highlight: z._default(z.array(z.string()), []),
  /** The layers switched on for the chapter; the others are switched off. All when left out. */
  layers: z.optional(z.array(z.enum(LAYER_IDS as [LayerId, ...LayerId[]]))),
  /** Where the chapter's statements come from, as for a feature. */
  sources: Sources,
});

export const StoryFile = z.object({
  chapters: z.array(Chapter).check(z.minLength(1, 'a story needs at least one chapter')),
});

export type Chapter = z.infer<typeof Chapter>;
export type StoryFile = z.infer<typeof StoryFile>;
