/** Links in story data: only absolute http(s) URLs are ever accepted or rendered. */

/** An absolute http: or https: URL; everything else (javascript:, data:, relative paths) is refused. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What to show for a link without a label: its host name, without "www.". */
export function hostOf(value: string): string {
  try {
    return new URL(value).hostname.replace(/^www\./, '');
  } catch {
    return value;
  }
}
