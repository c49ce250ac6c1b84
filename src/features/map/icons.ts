/**
 * Symbol shapes, as SVG paths on a 24x24 grid: the legend draws them as SVG and the map draws them
 * into one icon atlas, so both always match. Shapes differ by kind as well as colour, so the map
 * never relies on colour alone.
 */
export const SHAPES = {
  'air-base': 'M3 3h18v18H3z M12 5.5l1.4 4.6 5.6 3.2v1.6l-5.6-1.4-.4 3.6 1.8 1.3V20L12 19l-2.8 1v-1.6l1.8-1.3-.4-3.6-5.6 1.4v-1.6l5.6-3.2z',
  ground: 'M12 2l10 10-10 10L2 12z',
  capture: 'M12 2l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 17l-6.1 3.4 1.5-6.8L2.2 9l6.9-.7z',
  'drone-loss': 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20z M7.5 9.6l2.1-2.1 2.4 2.4 2.4-2.4 2.1 2.1-2.4 2.4 2.4 2.4-2.1 2.1-2.4-2.4-2.4 2.4-2.1-2.1 2.4-2.4z',
  mobilisation: 'M12 2l10.5 19H1.5z',
  declaration: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20z M10.5 5.5h3l-.5 8h-2z M12 15.5a1.6 1.6 0 1 1 0 3.2 1.6 1.6 0 0 1 0-3.2z',
  'foreign-presence': 'M12 2l8.7 5v10L12 22l-8.7-5V7z',
  diplomacy: 'M2 6h20v12H2z M5 9h14v2H5z M5 13h10v2H5z',
} as const;

export type ShapeId = keyof typeof SHAPES;
export const SHAPE_IDS = Object.keys(SHAPES) as ShapeId[];

/** Holes in the shapes above are cut with the even-odd rule. */
export const FILL_RULE = 'evenodd';

const CELL = 64;
const PAD = 6;

export interface IconAtlas {
  atlas: HTMLCanvasElement;
  mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean }>;
}

/** Draws every shape, and a wider "halo" of each, into one canvas: the story's symbol atlas (story/StoryLayer.ts). */
export function buildIconAtlas(): IconAtlas {
  const canvas = document.createElement('canvas');
  canvas.width = CELL * SHAPE_IDS.length;
  canvas.height = CELL * 2;
  // A canvas drawn on the CPU: a GPU-backed one would cost a second GPU context at start-up, and its
  // pixels a copy back before WebGL can upload them as the atlas.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const mapping: IconAtlas['mapping'] = {};
  SHAPE_IDS.forEach((id, i) => {
    for (const [row, halo] of [[0, false], [1, true]] as const) {
      const x = i * CELL;
      const y = row * CELL;
      mapping[halo ? `${id}-halo` : id] = { x, y, width: CELL, height: CELL, mask: true };
      if (!ctx) continue;
      ctx.save();
      ctx.translate(x + PAD, y + PAD);
      ctx.scale((CELL - 2 * PAD) / 24, (CELL - 2 * PAD) / 24);
      const path = new Path2D(SHAPES[id]);
      ctx.fillStyle = '#fff';
      if (halo) {
        ctx.lineWidth = 4;
        ctx.lineJoin = 'round';
        ctx.strokeStyle = '#fff';
        ctx.stroke(path);
        ctx.fill(path, 'nonzero');
      } else {
        ctx.fill(path, FILL_RULE);
      }
      ctx.restore();
    }
  });
  return { atlas: canvas, mapping };
}
