/**
 * "Save image": a PNG of the map as it is now, composed on a 2D canvas at a chosen size, with the
 * title, the date (and open chapter), a legend of the visible layers, the credits and the source
 * drawn into the picture, in the reader's language. Not a screenshot of the page: the map's own
 * WebGL canvas is redrawn at the resolution the image needs, then copied in as it is drawn.
 */
import type { AppState } from '../../state/store';
import type { MapEngine } from '../map/MapEngine';
import { strings, type Lang } from '../../i18n/strings';
import { LOCALES, storyCredit } from '../../i18n/format';
import { formatDay } from '../../data/time';
import { formatHash } from '../../state/hash';
import { fit, INK, layoutLegend, MUTED } from './imageLegend';

export interface ImageSize {
  id: 'screen' | 'projector' | 'a4';
  width: number;
  height: number;
}

export const IMAGE_SIZES: ImageSize[] = [
  { id: 'screen', width: 1280, height: 720 },
  { id: 'projector', width: 1920, height: 1080 },
  // A4 landscape at 150 dots per inch.
  { id: 'a4', width: 1754, height: 1240 },
];

type ComposeState = Pick<AppState, 'config' | 'layers' | 'lang' | 'day' | 'visible' | 'chapters' | 'chapterId' | 'highlightIds' | 'selectedId' | 'view' | 'embed'> & {
  engine: MapEngine | null;
};

export async function composeMapImage(state: ComposeState, size: { width: number; height: number }): Promise<HTMLCanvasElement> {
  const { engine, config, lang } = state;
  if (!engine || !config) throw new Error('the map is not drawn yet');
  const { width, height } = size;
  const rtl = lang === 'ar';
  const t = strings[lang];
  const k = width / 1280; // type and spacing grow with the image
  const family = rtl ? '"Noto Sans Arabic", "Noto Sans", sans-serif' : '"Noto Sans", "Noto Sans Arabic", sans-serif';
  const font = (px: number, bold = false) => `${bold ? '700 ' : ''}${Math.round(px * k)}px ${family}`;
  await loadFonts(family, lang);

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  const margin = Math.round(24 * k);
  const startX = rtl ? width - margin : margin;
  const headerH = Math.round(86 * k);
  const footerH = Math.round(60 * k);
  const mapY = headerH;
  const mapH = height - headerH - footerH;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);

  // The legend gets a column of its own at the reading end, so it never hides part of the map.
  const legend = layoutLegend(ctx, state, { rtl, k, font, maxHeight: mapH - margin, maxWidth: width * 0.38 });
  const gap = Math.round(16 * k);
  const columnW = legend ? Math.round(legend.width + 2 * gap) : 0;
  const mapX = rtl ? columnW : 0;
  await drawMap(ctx, engine, mapX, mapY, width - columnW, mapH);
  if (legend) {
    ctx.fillStyle = '#d0d0d0';
    ctx.fillRect(rtl ? columnW - Math.max(1, Math.round(k)) : width - columnW, mapY, Math.max(1, Math.round(k)), mapH);
    legend.paint(rtl ? gap : width - columnW + gap, mapY + gap);
  }

  // Header: title, then the date and the open chapter.
  const chapter = state.chapters?.find((c) => c.id === state.chapterId);
  ctx.fillStyle = INK;
  ctx.font = font(28, true);
  ctx.fillText(fit(ctx, config.title[lang], width - 2 * margin), startX, Math.round(40 * k));
  ctx.font = font(18);
  ctx.fillStyle = MUTED;
  const date = formatDay(state.day, LOCALES[lang]);
  const dateLine = chapter ? `${date} · ${chapter.title[lang]}` : `${t.date}: ${date}`;
  ctx.fillText(fit(ctx, dateLine, width - 2 * margin), startX, Math.round(70 * k));

  // Footer: credits on the first line, the source and the link on the second.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, height - footerH, width, footerH);
  ctx.fillStyle = '#d0d0d0';
  ctx.fillRect(0, height - footerH, width, Math.max(1, Math.round(k)));
  ctx.fillStyle = MUTED;
  ctx.font = font(14);
  const credit = `${storyCredit(config.source, lang)} · ${t.attributionBasemap}`;
  ctx.fillText(fit(ctx, credit, width - 2 * margin), startX, height - footerH + Math.round(24 * k));
  const link = new URL(document.baseURI);
  link.search = '';
  // A chapter's own link is shorter, and says the same.
  link.hash = chapter ? `chapter=${chapter.id}&lang=${lang}` : formatHash({ ...state, embed: false });
  const quote = rtl ? ['«', '»'] : ['“', '”'];
  const comma = rtl ? '، ' : ', ';
  const source = `${t.source}: ${config.source.publisher[lang]}${comma}${quote[0]}${config.source.title[lang]}${quote[1]} · ${t.interactiveMap}: `;
  ctx.fillText(fit(ctx, source + link.href, width - 2 * margin), startX, height - footerH + Math.round(48 * k));
  return canvas;
}

/** The map alone, nothing drawn around it (for the printed handout, whose page carries the rest as text). */
export async function captureMap(engine: MapEngine | null, width: number, height: number): Promise<HTMLCanvasElement> {
  if (!engine) throw new Error('the map is not drawn yet');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  await drawMap(ctx, engine, 0, 0, width, height);
  return canvas;
}

/**
 * The map at the size of the image area. MapLibre and the interleaved deck.gl layers only agree on
 * scale at the page's own pixel ratio, so the map is briefly laid out at the image's size (behind
 * the export dialog's backdrop) and zoomed so that everything the reader saw stays in view
 * ("contain"), drawn, copied, and put back as it was.
 */
async function drawMap(ctx: CanvasRenderingContext2D, engine: MapEngine, x: number, y: number, w: number, h: number): Promise<void> {
  const map = engine.map;
  const container = map.getContainer();
  const cssW = container.clientWidth || w;
  const cssH = container.clientHeight || h;
  const center = map.getCenter();
  const zoom = map.getZoom();
  // CSSOM, not the style attribute: the page's Content-Security-Policy forbids inline styles.
  const style = container.style.cssText;
  const settle = async () => {
    map.resize();
    // deck.gl learns of the new size from a ResizeObserver: give it two frames before the draw.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await engine.whenIdle();
  };
  try {
    Object.assign(container.style, { position: 'absolute', inset: 'auto', top: '0', left: '0', width: `${w}px`, height: `${h}px` });
    map.jumpTo({ center, zoom: zoom + Math.log2(Math.min(w / cssW, h / cssH)) });
    await settle();
    engine.drawNow((source) => ctx.drawImage(source, 0, 0, source.width, source.height, x, y, w, h));
  } finally {
    container.style.cssText = style;
    map.jumpTo({ center, zoom });
    await settle();
  }
}

/** The page's web fonts, ready before anything is drawn with them (canvas text does not wait). */
async function loadFonts(family: string, lang: Lang): Promise<void> {
  if (!document.fonts) return;
  const sample = lang === 'ar' ? 'خريطة Map' : 'Map';
  try {
    await Promise.all([document.fonts.load(`16px ${family}`, sample), document.fonts.load(`700 16px ${family}`, sample)]);
  } catch {
    // The system's fonts will do.
  }
}

/** A canvas as a PNG blob. */
export function toPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** Offers a blob as a file to save, through a temporary <a download> link. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
