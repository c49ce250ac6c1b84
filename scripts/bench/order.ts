/**
 * The order in which a round of cold loads visits the pages. Loads follow one another in one
 * browser, and what a page leaves behind (SwiftShader finishing its queued frames, garbage still to
 * collect) can slow the next one; in a fixed order the same page would always pay for the same
 * neighbour. Rows of a Williams design instead put every page in every position, and right after
 * every other page, equally often: once each over `count` rounds when `count` is even, twice over
 * 2 × `count` rounds when it is odd.
 */
export function roundOrder(round: number, count: number): number[] {
  // First row 0, 1, n-1, 2, n-2, …; row r adds r to each, modulo n.
  const first = Array.from({ length: count }, (_, j) => (j === 0 ? 0 : j % 2 ? (j + 1) / 2 : count - j / 2));
  const rows = count % 2 ? 2 * count : count;
  const r = ((round % rows) + rows) % rows;
  const row = first.map((p) => (p + r) % count);
  // With an odd count the square alone is not balanced: its rows reversed complete it.
  return r >= count ? row.reverse() : row;
}
