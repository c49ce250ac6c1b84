/**
 * A CSV parser of our own (RFC 4180: quoted fields with commas, doubled quotes and line breaks,
 * CRLF or LF, a byte-order mark, empty fields), so that the ACLED import needs no dependency.
 */

/** One CSV record; `unterminated` marks a quoted field that ran to the end of the file. */
export type CsvRecord = string[] & { unterminated?: boolean };

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The records of an RFC 4180 CSV text, one at a time. Lenient where the RFC is strict and nothing is
 * lost by it: a quote inside an unquoted field is kept as is, and text after a closing quote is
 * appended to the field. Blank lines are skipped.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const record: CsvRecord = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        field = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) {
            field += text.slice(from);
            record.unterminated = true;
            i = n;
            break;
          }
          field += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            field += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the next delimiter belongs to the field.
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          i++;
        }
        if (i > start) field += text.slice(start, i);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          i++;
        }
        field = text.slice(start, i);
      }
      record.push(field);
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      break;
    }
    if (record.length === 1 && record[0] === '' && !record.unterminated) continue;
    yield record;
  }
}

export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)];
}
