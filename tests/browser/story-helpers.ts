/**
 * What the story and export browser tests share: the chapters and feature positions read from
 * data/, waiting for a chapter, checking what it shows, and reading back exported PNGs and PDFs.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { idle, mapPixelsAround } from './harness';

export interface Chapter {
  id: string;
  date: string;
  view: { center: [number, number]; zoom: number };
  highlight: string[];
  layers?: string[];
  title: { ar: string; en: string };
}

export const chapters: Chapter[] = JSON.parse(readFileSync('data/story.json', 'utf8')).chapters;
const coordinates = new Map<string, [number, number]>();
for (const file of ['places', 'air-bases', 'strikes', 'events'])
  for (const f of JSON.parse(readFileSync(`data/${file}.geojson`, 'utf8')).features) coordinates.set(f.properties.id, f.geometry.coordinates);

export const LAYERS = ['places', 'air-bases', 'strikes', 'events', 'front-lines', 'control-areas'];
export const dateText = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

export async function waitForChapter(page: Page, n: number): Promise<void> {
  await page.getByTestId('story-progress').filter({ hasText: new RegExp(`^${n} / ${chapters.length}$`) }).waitFor({ timeout: 20_000 });
  // The camera eases to the chapter (or jumps under reduced motion): wait until it has arrived.
  await page.waitForFunction(() => {
    const map = (window as any).__tripoliMap?.map;
    return map && !map.isMoving();
  });
  await idle(page);
}

/** Pixels of the ring's yellow within 40 px of a place on the map canvas. */
async function ringPixels(page: Page, [lng, lat]: [number, number]): Promise<number> {
  const data = await mapPixelsAround(page, lng, lat, 40);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] > 225 && data[i + 1] > 170 && data[i + 1] < 225 && data[i + 2] < 90) count++;
  return count;
}

/** Checks what a chapter shows: progress, date on the slider, layers, highlighted ids, a visible ring, the link. */
export async function expectChapter(page: Page, index: number, locale = 'en-GB'): Promise<void> {
  const chapter = chapters[index];
  await waitForChapter(page, index + 1);
  expect(await page.getByRole('slider').getAttribute('aria-valuetext')).toBe(dateText(chapter.date, locale));
  const state = await page.evaluate(() => {
    const s = (window as any).__tripoliStore.getState();
    return { chapterId: s.chapterId, highlightIds: s.highlightIds, visible: s.visible, selectedId: s.selectedId };
  });
  expect(state.chapterId).toBe(chapter.id);
  expect(state.highlightIds).toEqual(chapter.highlight);
  for (const id of LAYERS) expect(state.visible[id], `${chapter.id}: ${id}`).toBe(chapter.layers ? chapter.layers.includes(id) : true);
  const rings = await Promise.all(chapter.highlight.map((id) => ringPixels(page, coordinates.get(id)!)));
  expect(Math.max(...rings), `${chapter.id}: a ring is drawn around a highlighted feature`).toBeGreaterThan(40);
  await page.waitForFunction((id) => location.hash.includes(`chapter=${id}`), chapter.id);
}

/** Decodes a PNG with the browser itself and counts pixels of the basemap's land and sea, of LNA strikes and of the ring. */
export async function decodePng(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const near = (i: number, r: number, g: number, b: number, tolerance: number) =>
      Math.abs(data[i] - r) <= tolerance && Math.abs(data[i + 1] - g) <= tolerance && Math.abs(data[i + 2] - b) <= tolerance;
    let land = 0;
    let sea = 0;
    let strike = 0;
    let ring = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, 0xf4, 0xf1, 0xea, 3)) land++;
      else if (near(i, 0xc9, 0xdb, 0xe6, 3)) sea++;
      // #d55e00 at the strikes' opacity over land, or over a control area's tint.
      else if (data[i] > 190 && data[i + 1] > 80 && data[i + 1] < 140 && data[i + 2] < 80) strike++;
      else if (data[i] > 225 && data[i + 1] > 170 && data[i + 1] < 225 && data[i + 2] < 90) ring++;
    }
    return { width: canvas.width, height: canvas.height, land, sea, strike, ring };
  }, png.toString('base64'));
}

/** A real PDF, one or two pages, with the map as an image at least `minImageWidth` pixels wide. */
export function expectHandoutPdf(pdf: Buffer, minImageWidth: number) {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const pages = text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(4);
  const widths = [...text.matchAll(/\/Subtype\s*\/Image[\s\S]{0,200}?\/Width\s+(\d+)|\/Width\s+(\d+)[\s\S]{0,200}?\/Subtype\s*\/Image/g)].map((m) => Number(m[1] ?? m[2]));
  expect(Math.max(0, ...widths)).toBeGreaterThanOrEqual(minImageWidth);
  expect(pdf.length).toBeGreaterThan(30_000);
}
