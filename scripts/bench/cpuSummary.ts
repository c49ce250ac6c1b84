/** The bench's CPU-time figures for the cold loads of each page (see cpu.ts). */
import { PROCESS_KINDS, type ProcessKind } from './cpu';
import type { LoadResult } from './browser';
import { log, median, ms, ratio, round, table } from './report';

export interface CpuSummary {
  medians: Record<string, Record<'total' | ProcessKind, number>>;
  /** Each page's median total over the baseline's. */
  ratios: Record<string, number>;
  loads: Record<string, number[]>;
}

/** Null when a load could not be measured (no /proc): then nothing is reported rather than a part. */
export function cpuSummary(pages: readonly { key: string }[], runs: Record<string, LoadResult[]>): CpuSummary | null {
  if (!pages.every((page) => runs[page.key].length && runs[page.key].every((r) => r.cpu))) return null;
  const medians: CpuSummary['medians'] = {};
  const loads: CpuSummary['loads'] = {};
  for (const page of pages) {
    const uses = runs[page.key].map((r) => r.cpu!);
    loads[page.key] = uses.map((u) => round(u.totalMs));
    medians[page.key] = {
      total: round(median(uses.map((u) => u.totalMs))),
      ...(Object.fromEntries(PROCESS_KINDS.map((k) => [k, round(median(uses.map((u) => u.byKind[k])))])) as Record<ProcessKind, number>),
    };
  }
  const base = medians[pages[0].key].total;
  const ratios = Object.fromEntries(pages.map((page) => [page.key, ratio(medians[page.key].total, base)]));
  return { medians, ratios, loads };
}

export function logCpu(pages: readonly { key: string; label: string }[], cpu: CpuSummary): void {
  log(`\nCPU time of the browser's processes over those loads (ms, median; /proc), by process`);
  table([
    ['', 'total', 'ratio', ...PROCESS_KINDS],
    ...pages.map((page) => [page.label, ms(cpu.medians[page.key].total), cpu.ratios[page.key].toFixed(2), ...PROCESS_KINDS.map((k) => ms(cpu.medians[page.key][k]))]),
  ]);
}
