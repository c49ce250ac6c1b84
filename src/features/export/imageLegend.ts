/**
 * The legend drawn into a saved image (composeImage.ts): the keys of the visible layers, measured
 * first so that the image can give the legend a column of its own, then painted on a 2D canvas.
 */
import type { AppState } from '../../state/store';
import { enumLabels, strings } from '../../i18n/strings';
import { LAYER_IDS } from '../../data/ids';
import { FILL_RULE, SHAPES, type ShapeId } from '../map/icons';
import { legendKeys, type KeySymbol } from '../legend/legendKeys';

/** Colours of the drawn page around the map. */
export const INK = '#1b1b1b';
export const MUTED = '#555555';
const RING = '#ffc400';

type LegendState = Pick<AppState, 'config' | 'layers' | 'lang' | 'visible' | 'highlightIds'>;

export interface LegendBox {
  rtl: boolean;
  k: number;
  font(px: number, bold?: boolean): string;
  maxHeight: number;
  maxWidth: number;
}

interface Row {
  draw?(ctx: CanvasRenderingContext2D, cx: number, cy: number, size: number): void;
  label: string;
  heading?: boolean;
  /** A line that introduces the lines after it, in the muted colour. */
  subheading?: boolean;
}

/** The legend of the visible layers, measured: its size, and how to paint it at a place. */
export function layoutLegend(ctx: CanvasRenderingContext2D, state: LegendState, box: LegendBox): { width: number; height: number; paint(left: number, top: number): void } | null {
  const lang = state.lang;
  const t = strings[lang];
  const labels = enumLabels[lang];
  const rows: Row[] = [];
  const shape = (id: ShapeId, color: string) => (c: CanvasRenderingContext2D, cx: number, cy: number, size: number) => drawShape(c, id, color, cx, cy, size);
  const swatch = (color: string) => (c: CanvasRenderingContext2D, cx: number, cy: number, size: number) => {
    c.fillStyle = `${color}44`;
    c.fillRect(cx - size / 2, cy - size / 3, size, (size * 2) / 3);
    c.strokeStyle = color;
    c.lineWidth = 1.5 * box.k;
    c.setLineDash([4 * box.k, 3 * box.k]);
    c.strokeRect(cx - size / 2, cy - size / 3, size, (size * 2) / 3);
    c.setLineDash([]);
  };
  const dot = (color: string, filled = true) => (c: CanvasRenderingContext2D, cx: number, cy: number, size: number) => {
    c.beginPath();
    c.arc(cx, cy, size / 3, 0, Math.PI * 2);
    if (filled) {
      c.fillStyle = color;
      c.fill();
    }
    c.strokeStyle = filled ? '#ffffff' : color;
    c.lineWidth = 1.5 * box.k;
    c.stroke();
  };
  const ring = (color: string, halo?: string) => (c: CanvasRenderingContext2D, cx: number, cy: number, size: number) => {
    if (halo) {
      c.beginPath();
      c.arc(cx, cy, size / 2.6, 0, Math.PI * 2);
      c.strokeStyle = halo;
      c.lineWidth = 5 * box.k;
      c.stroke();
    }
    c.beginPath();
    c.arc(cx, cy, size / 2.6, 0, Math.PI * 2);
    c.strokeStyle = color;
    c.lineWidth = 2.5 * box.k;
    c.stroke();
  };
  const line = (c: CanvasRenderingContext2D, cx: number, cy: number, size: number) => {
    c.strokeStyle = '#1e1e1e';
    c.lineWidth = 3 * box.k;
    c.setLineDash([5 * box.k, 3 * box.k]);
    c.beginPath();
    c.moveTo(cx - size / 2, cy);
    c.lineTo(cx + size / 2, cy);
    c.stroke();
    c.setLineDash([]);
  };

  const draw = (symbol: KeySymbol): Row['draw'] => {
    switch (symbol.kind) {
      case 'area':
        return swatch(symbol.color);
      case 'shape':
        return shape(symbol.shape, symbol.color);
      case 'dot':
        return dot(symbol.color);
      case 'faded-dot':
        return dot(symbol.color, false);
      case 'front-line':
        return line;
      case 'attack-ring':
        return ring(symbol.color);
    }
  };
  const keys = legendKeys(state.config, state.layers, lang);
  for (const id of LAYER_IDS.slice().reverse()) {
    if (!state.visible[id] || !keys[id].length) continue;
    rows.push({ label: labels[`layer.${id}`], heading: true });
    for (const key of keys[id]) rows.push(key.symbol ? { draw: draw(key.symbol), label: key.label } : { label: key.label, subheading: true });
  }
  if (state.highlightIds.length) rows.push({ draw: ring(RING, '#1b1b1b'), label: t.highlighted, heading: true });
  if (!rows.length) return null;

  const { k, rtl } = box;
  const pad = 10 * k;
  const titleH = 24 * k;
  const lineOf = (px: number) => (px + 8) * k;
  const fits = (px: number, tallest: number) => titleH + tallest * lineOf(px) + 2 * pad <= box.maxHeight;
  // Shrink the type, not the map, when many layers are on in a small image; below 11 px, which a
  // projected 1280 × 720 image no longer shows legibly, the keys go into two columns instead.
  let columns = [rows];
  let fontPx = 13;
  while (!fits(fontPx, rows.length) && fontPx > 11) fontPx -= 1;
  if (!fits(fontPx, rows.length)) {
    columns = splitAtHeading(rows);
    const tallest = Math.max(...columns.map((c) => c.length));
    fontPx = 13;
    while (!fits(fontPx, tallest) && fontPx > 9) fontPx -= 1;
  }
  const gap = 14 * k;
  const measure = (px: number) =>
    columns.map((column, c) => {
      const icon = (px + 3) * k;
      let textW = 0;
      if (c === 0) {
        ctx.font = box.font(px + 2, true);
        textW = ctx.measureText(t.legend).width;
      }
      for (const row of column) {
        ctx.font = box.font(px, row.heading);
        textW = Math.max(textW, ctx.measureText(row.label).width + (row.draw ? icon + 6 * k : 0));
      }
      return Math.min(textW, (columns.length > 1 ? 260 : 330) * k);
    });
  const widthOf = (widths: number[]) => widths.reduce((sum, cw) => sum + cw, 0) + gap * (widths.length - 1) + 2 * pad;
  let columnWidths = measure(fontPx);
  // Two columns may take up to box.maxWidth; smaller type first, then labels cut short.
  while (columns.length > 1 && widthOf(columnWidths) > box.maxWidth && fontPx > 10) columnWidths = measure(--fontPx);
  if (widthOf(columnWidths) > box.maxWidth) {
    const scale = (box.maxWidth - widthOf(columnWidths.map(() => 0))) / columnWidths.reduce((sum, cw) => sum + cw, 0);
    columnWidths = columnWidths.map((cw) => cw * Math.min(1, scale));
  }
  const lineH = lineOf(fontPx);
  const icon = (fontPx + 3) * k;
  const w = widthOf(columnWidths);
  const h = titleH + Math.max(...columns.map((c) => c.length)) * lineH + 2 * pad;
  const paint = (left: number, top: number) => {
    const dir = rtl ? -1 : 1;
    let start = rtl ? left + w - pad : left + pad;
    ctx.fillStyle = INK;
    ctx.font = box.font(fontPx + 2, true);
    ctx.fillText(t.legend, start, top + pad + 16 * k);
    columns.forEach((column, c) => {
      let y = top + pad + titleH + lineH * 0.7;
      for (const row of column) {
        let textX = start;
        if (row.draw) {
          row.draw(ctx, start + (dir * icon) / 2, y - lineH * 0.3, icon);
          textX = start + dir * (icon + 6 * k);
        }
        ctx.fillStyle = row.subheading ? MUTED : INK;
        ctx.font = box.font(fontPx, row.heading);
        ctx.fillText(fit(ctx, row.label, columnWidths[c] - (row.draw ? icon + 6 * k : 0)), textX, y);
        y += lineH;
      }
      start += dir * (columnWidths[c] + gap);
    });
  };
  return { width: w, height: h, paint };
}

/** Two columns of about the same length, each starting with a layer's name. */
function splitAtHeading(rows: Row[]): Row[][] {
  let best = -1;
  rows.forEach((row, i) => {
    if (i > 0 && row.heading && (best < 0 || Math.abs(rows.length - 2 * i) < Math.abs(rows.length - 2 * best))) best = i;
  });
  return best < 0 ? [rows] : [rows.slice(0, best), rows.slice(best)];
}

function drawShape(ctx: CanvasRenderingContext2D, id: ShapeId, color: string, cx: number, cy: number, size: number): void {
  ctx.save();
  ctx.translate(cx - size / 2, cy - size / 2);
  ctx.scale(size / 24, size / 24);
  const path = new Path2D(SHAPES[id]);
  ctx.fillStyle = color;
  ctx.fill(path, FILL_RULE);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 0.8;
  ctx.stroke(path);
  ctx.restore();
}

/** The text, cut with an ellipsis to fit `max` pixels. */
export function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > max) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
