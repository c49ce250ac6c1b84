/** Statistics and the printed tables. */
export const median = (xs: number[]) => quantile(xs, 0.5);
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
export const kb = (n: number) => (n / 1024).toFixed(1);
export const ms = (n: number) => n.toFixed(1);
export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const log = (...parts: unknown[]) => console.log(...parts);

export function table(rows: (string | number)[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const [n, row] of rows.entries()) {
    log(row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '));
    if (n === 0) log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}
