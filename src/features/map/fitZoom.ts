/** The configured zoom suits a desktop; narrower screens zoom out so the same stretch of coast fits. */
export function fitZoom(zoom: number, width: number, referenceWidth = 900): number {
  return width > 0 && width < referenceWidth ? zoom - Math.log2(referenceWidth / width) : zoom;
}
