/**
 * The story is drawn by one small program of our own (src/features/map/story/) to make the first
 * view cheap to compile. These tests check, in the built app, that it draws every feature where
 * MapLibre puts the same coordinates, at the zooms where deck.gl's own projection changes mode, and
 * that one program with one vertex layout is really all the browser compiles for the story.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, useBrowser, openApp, waitForMap } from './harness';

const MITIGA = [13.276, 32.8941] as const;
/**
 * Straight stretches of the western edges of two LNA areas, with the area to their east. In deck.gl's
 * auto-offset mode the first one's ends, a degree from its middle, take the full Mercator formula;
 * the second one's, an eighth of a degree from it, the offset from the view's centre.
 */
const EDGES = [
  { id: 'control-east-lna', ends: [[17.8, 29.0], [18.5, 27.0]] },
  { id: 'control-tarhuna-lna', ends: [[13.42, 32.55], [13.4, 32.3]] },
] as const;

let browser: Browser;
useBrowser((launched) => (browser = launched));

/** Ids picked at a screen point of the map canvas (not a coordinate), as a click there would. */
async function pickAtPixel(page: Page, x: number, y: number, radius = 4): Promise<string[]> {
  return page.evaluate(
    ([px, py, r]) => {
      const engine = (window as any).__tripoliMap;
      const { lng, lat } = engine.map.unproject([px, py]);
      return engine.pickIdsAt(lng, lat, r);
    },
    [x, y, radius] as const,
  );
}

async function project(page: Page, lngLat: readonly [number, number]): Promise<[number, number]> {
  return page.evaluate(([lng, lat]) => {
    const p = (window as any).__tripoliMap.map.project([lng, lat]);
    return [p.x, p.y] as [number, number];
  }, lngLat);
}

describe('the story program', () => {
  // Zoom 12 and above is where deck.gl's own layers switch to positions relative to the view's
  // centre; ours are relative to a fixed origin, which must hold at every zoom.
  for (const zoom of [5.5, 9, 12.6]) {
    it(`at zoom ${zoom}, draws a symbol and a line where MapLibre puts their coordinates`, async () => {
      const { page, errors } = await openApp(browser, { hash: `date=2019-12-21&lang=en&layers=air-bases,control-areas&view=${MITIGA.join(',')},${zoom}` });
      expect(await pickAtPixel(page, ...(await project(page, MITIGA)))).toContain('base-mitiga');

      for (const { id, ends } of EDGES) {
        // The middle of the edge, taken in screen space, with the view centred on it.
        const middle = [(ends[0][0] + ends[1][0]) / 2, (ends[0][1] + ends[1][1]) / 2] as const;
        await page.evaluate(([lng, lat, z]) => (window as any).__tripoliMap.map.jumpTo({ center: [lng, lat], zoom: z }), [...middle, zoom] as const);
        await page.evaluate(() => (window as any).__tripoliMap.whenIdle());
        const [a, b] = [await project(page, ends[0]), await project(page, ends[1])];
        const onEdge: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        expect(await pickAtPixel(page, ...onEdge, 3), id).toContain(id);
        // 12 pixels to the west, outside the area, there is nothing of it.
        expect(await pickAtPixel(page, onEdge[0] - 12, onEdge[1], 3), id).not.toContain(id);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('compiles one program for the whole story, with one vertex layout, and nothing of deck.gl\'s own layers', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.addInitScript(RECORD_PROGRAMS);
    await page.goto(appUrl('date=2019-12-21&lang=en'));
    await waitForMap(page);
    const programs: { name: string; source: string; layouts: string[]; draws: number }[] = await page.evaluate(() => (window as any).__programs());
    const story = programs.filter((p) => p.name !== 'maplibre');
    expect(story.map((p) => p.name)).toEqual(['story-layer-vertex-shader']);
    // Every layer of the story draws with it: areas, front line, bases, strikes, events, halos.
    expect(story[0].draws).toBeGreaterThanOrEqual(10);
    // A layer that met a layout of its own would make a software renderer compile again.
    expect(story[0].layouts).toHaveLength(1);
    await context.close();
  });
});

/**
 * Installed before the page's scripts: remembers each vertex shader's source and, for every draw,
 * which attributes the bound program read and in which format (size, type, normalised, stride,
 * divisor, or constant).
 */
const RECORD_PROGRAMS = `(() => {
  const P = WebGL2RenderingContext.prototype;
  const sources = new WeakMap();
  const programs = new Map();
  let current = null;
  const shaderSource = P.shaderSource;
  P.shaderSource = function (shader, source) { sources.set(shader, source); return shaderSource.call(this, shader, source); };
  const attachShader = P.attachShader;
  P.attachShader = function (program, shader) {
    const source = sources.get(shader) || '';
    if (source.includes('gl_Position')) {
      const name = (source.match(/SHADER_NAME (\\S+)/) || [])[1] || 'maplibre';
      programs.set(program, { name, source, layouts: new Set(), draws: 0 });
    }
    return attachShader.call(this, program, shader);
  };
  const useProgram = P.useProgram;
  P.useProgram = function (program) { current = program; return useProgram.call(this, program); };
  for (const draw of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
    const original = P[draw];
    P[draw] = function (...args) {
      const entry = current && programs.get(current);
      if (entry) entry.draws++;
      if (entry && entry.layouts.size < 20) {
        const layout = [];
        for (let i = 0; i < 16; i++) {
          if (!this.getVertexAttrib(i, this.VERTEX_ATTRIB_ARRAY_ENABLED)) { layout.push('constant'); continue; }
          layout.push([this.VERTEX_ATTRIB_ARRAY_SIZE, this.VERTEX_ATTRIB_ARRAY_TYPE, this.VERTEX_ATTRIB_ARRAY_NORMALIZED,
            this.VERTEX_ATTRIB_ARRAY_STRIDE, this.VERTEX_ATTRIB_ARRAY_DIVISOR].map((q) => String(this.getVertexAttrib(i, q))).join(':'));
        }
        entry.layouts.add(layout.join(' '));
      }
      return original.apply(this, args);
    };
  }
  window.__programs = () => [...programs.values()].map((p) => ({ name: p.name, source: p.source, layouts: [...p.layouts], draws: p.draws }));
})();`;
