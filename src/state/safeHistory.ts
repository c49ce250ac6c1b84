/**
 * history.replaceState, where it may throw: a map in a sandboxed iframe without allow-same-origin
 * runs in an opaque origin, where browsers can refuse it with a SecurityError. The address then
 * simply stays as it was; nothing else depends on it.
 */
export function replaceUrl(url: string): boolean {
  try {
    history.replaceState(history.state, '', url);
    return true;
  } catch (error) {
    console.warn('[app] the address could not be updated:', (error as Error).message);
    return false;
  }
}
