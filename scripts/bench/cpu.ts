/**
 * CPU time the browser's processes spend on a load, read from Linux's /proc. On two shared cores
 * with WebGL rendered in software, time to first idle follows the work every process of the
 * browser does before it (docs/performance.md): this says how much work, and which process did it,
 * beside the wall-clock times. Elsewhere (no /proc) the bench leaves it out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The processes Chromium starts, by their `--type=` (the browser's own process has none). */
export type ProcessKind = 'browser' | 'gpu' | 'renderer' | 'other';
export const PROCESS_KINDS: readonly ProcessKind[] = ['renderer', 'gpu', 'browser', 'other'];

export interface ProcessTime {
  kind: ProcessKind;
  /** User and system time so far, ms. */
  cpuMs: number;
}

/** One line of the process table: what /proc says of a process. */
interface ProcessEntry {
  ppid: number;
  ticks: number;
  cmdline: string;
}

/** A snapshot: every live process under the bench's own, by pid. */
export type CpuSnapshot = Map<number, ProcessTime>;

export interface CpuUse {
  totalMs: number;
  byKind: Record<ProcessKind, number>;
}

/** Parent pid and user + system clock ticks from a /proc/<pid>/stat line. */
export function parseStat(stat: string): { ppid: number; ticks: number } {
  // The command name in parentheses may itself hold spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the state (field 3 of proc(5)); ppid is field 4, utime 14 and stime 15.
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

export function processKind(cmdline: string): ProcessKind {
  const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
  if (!type) return 'browser';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'renderer') return 'renderer';
  return 'other';
}

/**
 * Work done between two snapshots, counting only processes alive at the second: one that exited in
 * between (the blank page's renderer, swapped out by the navigation) did its work before the first.
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const byKind = Object.fromEntries(PROCESS_KINDS.map((k) => [k, 0])) as Record<ProcessKind, number>;
  for (const [pid, now] of after) byKind[now.kind] += Math.max(0, now.cpuMs - (before.get(pid)?.cpuMs ?? 0));
  return { totalMs: PROCESS_KINDS.reduce((sum, k) => sum + byKind[k], 0), byKind };
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100; // USER_HZ on every Linux build in use
    }
  }
  return ticksPerSecond;
}

export const canMeasureCpu = (): boolean => existsSync('/proc/self/stat');

/**
 * The browsers the bench launched (Playwright drives each through a pipe; their processes are
 * children of the bench's own) and every process they started.
 */
export function snapshot(bench = process.pid): CpuSnapshot {
  const stats = new Map<number, ProcessEntry>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { ppid, ticks } = parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      stats.set(Number(entry), { ppid, ticks, cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // gone while being read
    }
  }
  return browserProcesses(stats, bench, 1000 / clockTicks());
}

/** The part of `snapshot` that needs no /proc: picks the browsers' processes out of a process table. */
export function browserProcesses(stats: Map<number, ProcessEntry>, bench: number, msPerTick: number): CpuSnapshot {
  const browsers = new Set([...stats].filter(([, s]) => s.ppid === bench && s.cmdline.includes('--remote-debugging-pipe')).map(([pid]) => pid));
  const inBrowser = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && hops < 64; p = stats.get(p)?.ppid, hops++) if (browsers.has(p)) return true;
    return false;
  };
  const out: CpuSnapshot = new Map();
  for (const [pid, s] of stats) if (inBrowser(pid)) out.set(pid, { kind: processKind(s.cmdline), cpuMs: s.ticks * msPerTick });
  return out;
}
