/**
 * A pure function of a string, computed once per distinct string. The story's dates repeat: a year
 * of 100,000 events has a few hundred distinct ones, each read several times while loading (the
 * schema, the cross-checks, the timeline's marks). The cache starts over when full rather than
 * grow without end on data whose every string differs.
 */
export function memoizeString<T>(compute: (value: string) => T, limit = 10_000): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    let result = cache.get(value);
    if (result === undefined && !cache.has(value)) {
      result = compute(value);
      if (cache.size >= limit) cache.clear();
      cache.set(value, result);
    }
    return result as T;
  };
}
