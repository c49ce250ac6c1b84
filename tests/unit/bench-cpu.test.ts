import { describe, expect, it } from 'vitest';
import { browserProcesses, cpuBetween, parseStat, processKind, type CpuSnapshot } from '../../scripts/bench/cpu';
import { cpuSummary } from '../../scripts/bench/cpuSummary';
import type { LoadResult } from '../../scripts/bench/browser';

// A /proc/<pid>/stat line as Linux writes it: pid (comm) state ppid … utime stime …
const stat = (comm: string, ppid: number, utime: number, stime: number) =>
  `4242 (${comm}) S ${ppid} 4242 4242 0 -1 4194560 5000 0 0 0 ${utime} ${stime} 0 0 20 0 12 0 777 1000000 2000`;

describe('the bench: CPU time from /proc', () => {
  it('reads the parent and user + system ticks, whatever the command name holds', () => {
    expect(parseStat(stat('chromium', 17, 150, 30))).toEqual({ ppid: 17, ticks: 180 });
    expect(parseStat(stat('Web Content) S 1 (x', 9, 7, 3))).toEqual({ ppid: 9, ticks: 10 });
  });

  it("names Chromium's processes by their --type", () => {
    expect(processKind('/usr/lib/chromium/chromium --headless --remote-debugging-pipe')).toBe('browser');
    expect(processKind('/usr/lib/chromium/chromium --type=gpu-process --use-angle=swiftshader')).toBe('gpu');
    expect(processKind('/usr/lib/chromium/chromium --type=renderer --lang=en-GB')).toBe('renderer');
    expect(processKind('/usr/lib/chromium/chromium --type=utility --utility-sub-type=network.mojom.NetworkService')).toBe('other');
    expect(processKind('/usr/lib/chromium/chromium --type=zygote')).toBe('other');
  });

  it("keeps the processes of browsers the bench launched, and only those", () => {
    const bench = 100;
    const table = new Map([
      [100, { ppid: 1, ticks: 900, cmdline: 'node scripts/bench.ts' }],
      [200, { ppid: 100, ticks: 10, cmdline: 'chromium --headless --remote-debugging-pipe' }],
      [201, { ppid: 200, ticks: 1, cmdline: 'chromium --type=zygote' }],
      [202, { ppid: 201, ticks: 40, cmdline: 'chromium --type=renderer' }],
      [203, { ppid: 200, ticks: 30, cmdline: 'chromium --type=gpu-process' }],
      // The bench's other children, and a browser that is not the bench's, are left out.
      [300, { ppid: 100, ticks: 5, cmdline: 'getconf CLK_TCK' }],
      [400, { ppid: 1, ticks: 99, cmdline: 'chromium --remote-debugging-pipe' }],
      [401, { ppid: 400, ticks: 99, cmdline: 'chromium --type=renderer' }],
    ]);
    const picked = browserProcesses(table, bench, 10);
    expect([...picked.keys()].sort()).toEqual([200, 201, 202, 203]);
    expect(picked.get(202)).toEqual({ kind: 'renderer', cpuMs: 400 });
    expect(picked.get(203)).toEqual({ kind: 'gpu', cpuMs: 300 });
  });

  it('counts the work between two snapshots, new processes whole and exited ones not at all', () => {
    const before: CpuSnapshot = new Map([
      [1, { kind: 'browser', cpuMs: 1000 }],
      [2, { kind: 'gpu', cpuMs: 500 }],
      [3, { kind: 'renderer', cpuMs: 80 }], // the blank page's renderer, gone after the navigation
    ]);
    const after: CpuSnapshot = new Map([
      [1, { kind: 'browser', cpuMs: 1100 }],
      [2, { kind: 'gpu', cpuMs: 1400 }],
      [4, { kind: 'renderer', cpuMs: 700 }],
    ]);
    expect(cpuBetween(before, after)).toEqual({ totalMs: 1700, byKind: { renderer: 700, gpu: 900, browser: 100, other: 0 } });
  });

  it('sums medians per page and states each over the baseline, or nothing when a load went unmeasured', () => {
    const load = (renderer: number, gpu: number): LoadResult => ({
      idleMs: 1,
      layersReadyMs: null,
      fetchedBeforeIdle: [],
      fetchedAfterIdle: [],
      heapMB: 1,
      cpu: { totalMs: renderer + gpu, byKind: { renderer, gpu, browser: 0, other: 0 } },
    });
    const pages = [{ key: 'baseline' }, { key: 'app' }];
    const summary = cpuSummary(pages, {
      baseline: [load(400, 600), load(500, 500), load(300, 500)],
      app: [load(700, 600), load(600, 700), load(800, 700)],
    });
    expect(summary?.medians.baseline).toEqual({ total: 1000, renderer: 400, gpu: 500, browser: 0, other: 0 });
    expect(summary?.medians.app.total).toBe(1300);
    expect(summary?.ratios).toEqual({ baseline: 1, app: 1.3 });
    expect(summary?.loads.app).toEqual([1300, 1300, 1500]);
    expect(cpuSummary(pages, { baseline: [load(1, 1)], app: [{ ...load(1, 1), cpu: null }] })).toBeNull();
  });
});
