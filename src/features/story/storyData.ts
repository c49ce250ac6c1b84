/**
 * Fetches the story's optional chapters file (data/story.json) once, without checking it: the page
 * shell only needs to know whether there are chapters to offer. Story mode checks the file with its
 * zod schema (src/data/story-schema.ts) when it opens.
 */
let pending: Promise<unknown | null> | null = null;

export function fetchStory(): Promise<unknown | null> {
  return (pending ??= fetch(new URL('data/story.json', document.baseURI).href, { credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null));
}

/** The id of the first chapter of an unchecked story.json, or null when it has none. */
export function firstChapterId(raw: unknown): string | null {
  const chapters = (raw as { chapters?: unknown } | null)?.chapters;
  const first = Array.isArray(chapters) ? (chapters[0] as { id?: unknown } | undefined) : undefined;
  return typeof first?.id === 'string' ? first.id : null;
}

/** A link that opens story mode at a chapter, in a language. */
export function chapterHref(id: string, lang: string): string {
  return `#${new URLSearchParams({ chapter: id, lang }).toString()}`;
}
