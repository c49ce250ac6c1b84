/**
 * The schema of `story.json`: chapters that walk a reader (or a class) through the story. Used by
 * the app's story mode when it loads the file and by `npm run check:data`, like the layer schemas.
 */
import { z } from 'zod';
import { LAYER_IDS, type LayerId } from './ids';
import { PartialDate, Sources, Text } from './schema';

const Paragraphs = z.array(z.string().trim().min(1, 'a paragraph is empty')).min(1, 'at least one paragraph').max(4, 'at most 4 paragraphs');

export const Chapter = z.object({
  /** Used in links (`#chapter=…`); lower-case words joined by dashes. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by dashes'),
  title: Text,
  /** A few short paragraphs in each language, in our own words. */
  body: z
    .object({ ar: Paragraphs, en: Paragraphs })
    .refine((b) => b.ar.length === b.en.length, { message: 'Arabic and English need the same number of paragraphs' }),
  /** The day the map shows for this chapter. */
  date: PartialDate,
  /** Where the camera goes. */
  view: z.object({
    center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    zoom: z.number().min(0).max(22),
  }),
  /** Feature ids ringed on the map while the chapter is open. */
  highlight: z.array(z.string()).default([]),
  /** The layers switched on for the chapter; the others are switched off. All when left out. */
  layers: z.array(z.enum(LAYER_IDS as [LayerId, ...LayerId[]])).optional(),
  /** Where the chapter's statements come from, as for a feature. */
  sources: Sources,
});

export const StoryFile = z.object({
  chapters: z.array(Chapter).min(1, 'a story needs at least one chapter'),
});

export type Chapter = z.infer<typeof Chapter>;
export type StoryFile = z.infer<typeof StoryFile>;
