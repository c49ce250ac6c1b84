/**
 * The two camps must stay apart for colour-blind readers. Colours are passed through the Machado
 * et al. (2009) simulations of protanopia, deuteranopia and tritanopia (full severity, in linear
 * RGB) and compared by CIE76 ΔE in Lab: over 20 reads as clearly different.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SIDE_COLORS } from '../../src/features/map/colors';

type RGB = [number, number, number];
const MACHADO: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
  none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
};

const hex = (h: string): RGB => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as RGB;
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function lab(rgb: RGB): RGB {
  const [r, g, b] = rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function simulate(h: string, kind: string): RGB {
  const lin = hex(h).map(toLinear);
  const m = MACHADO[kind];
  return m.map((row) => Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]))) as RGB;
}
const deltaE = (a: string, b: string, kind: string) => {
  const [p, q] = [lab(simulate(a, kind)), lab(simulate(b, kind))];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

const actors = JSON.parse(readFileSync('data/config.json', 'utf8')).actors as { id: string; side: string; color: string }[];

describe('colour-blind safe palette', () => {
  for (const kind of Object.keys(MACHADO)) {
    it(`keeps the GNA and LNA sides apart under ${kind}`, () => {
      expect(deltaE(SIDE_COLORS.gna, SIDE_COLORS.lna, kind)).toBeGreaterThan(20);
    });

    it(`keeps every GNA-side actor apart from every LNA-side actor under ${kind}`, () => {
      const gna = actors.filter((a) => a.side === 'gna');
      const lna = actors.filter((a) => a.side === 'lna');
      for (const a of gna) for (const b of lna) expect(deltaE(a.color, b.color, kind), `${a.id} vs ${b.id}`).toBeGreaterThan(15);
    });
  }

  it('can tell a bad palette from a good one (red and green merge for deuteranopes)', () => {
    expect(deltaE('#d62728', '#2ca02c', 'none')).toBeGreaterThan(20);
    expect(deltaE('#d62728', '#2ca02c', 'deuteranopia')).toBeLessThan(deltaE('#d62728', '#2ca02c', 'none') / 2);
  });
});
