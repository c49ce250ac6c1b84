/**
 * A problem with the story's data, naming the file, the feature and the field. Kept apart from the
 * validator (which needs zod) so that the page shell can show problems without loading it.
 */
export interface DataProblem {
  file: string;
  featureId?: string;
  field?: string;
  message: string;
  /** What to do about it, in a few words: "add it to config.json actors". */
  hint?: string;
}

export function formatProblem(p: DataProblem): string {
  const where = [p.file, p.featureId && `feature "${p.featureId}"`, p.field && `field "${p.field}"`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}${p.hint ? ` (hint: ${p.hint})` : ''}`;
}
