import { formatHash } from '../../state/hash';
import type { AppState } from '../../state/store';

/** The app's own address without hash or query: where links and embed codes point. */
export function appBaseUrl(): string {
  const url = new URL(document.baseURI);
  url.hash = '';
  url.search = '';
  return url.href;
}

/** A link that reopens exactly what the reader sees now. */
export function shareUrl(state: AppState, options: { embed?: boolean; lang?: AppState['lang'] } = {}): string {
  return appBaseUrl() + formatHash({ ...state, lang: options.lang ?? state.lang, embed: options.embed ?? false });
}

export interface EmbedSize {
  id: string;
  width: string;
  height: number;
}

export const EMBED_SIZES: EmbedSize[] = [
  { id: 'responsive', width: '100%', height: 520 },
  { id: 'medium', width: '600', height: 450 },
  { id: 'small', width: '300', height: 250 },
];

export function embedSnippet(src: string, title: string, size: EmbedSize): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const style = size.width === '100%' ? 'border:0;width:100%' : `border:0;width:100%;max-width:${size.width}px`;
  const script = new URL('embed.js', appBaseUrl()).href;
  return [
    `<iframe src="${attr(src)}" title="${attr(title)}" width="${size.width}" height="${size.height}" loading="lazy" style="${style}" allow="fullscreen" referrerpolicy="no-referrer" data-tripoli-map></iframe>`,
    `<script src="${attr(script)}" async></script>`,
  ].join('\n');
}
