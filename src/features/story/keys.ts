/**
 * Story mode's keys. A clicker sends Page Down / Page Up (or arrows); the keyboard adds Space, Home
 * and End. Left and Right follow the reading direction: in Arabic, Left is next.
 */
export type Move = 'next' | 'previous' | 'first' | 'last';

/** What a key press does in story mode: a move, 'stop' (leave presenter mode), or nothing (null). */
export function storyKeyMove(e: KeyboardEvent, { rtl, presenting }: { rtl: boolean; presenting: boolean }): Move | 'stop' | null {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return null;
  const target = e.target instanceof Element ? e.target : null;
  // The slider, form fields and dialogs keep their own keys.
  if (target?.closest('[role="slider"], input, select, textarea, [contenteditable=""], [contenteditable="true"], dialog, [role="dialog"]')) return null;
  if (document.querySelector('dialog[open]')) return null;
  const arrow = e.key === 'ArrowRight' || e.key === 'ArrowLeft';
  // Outside presenter mode, arrows on the map pan it.
  if (arrow && !presenting && target?.closest('.maplibregl-map')) return null;
  if (e.key === 'ArrowRight') return rtl ? 'previous' : 'next';
  if (e.key === 'ArrowLeft') return rtl ? 'next' : 'previous';
  if (e.key === 'PageDown') return 'next';
  if (e.key === 'PageUp') return 'previous';
  if (e.key === 'Home') return 'first';
  if (e.key === 'End') return 'last';
  if (e.key === ' ' || e.key === 'Spacebar') {
    // Space on a button or link presses it.
    if (target?.closest('button, a, summary, [role="button"]')) return null;
    return e.shiftKey ? 'previous' : 'next';
  }
  // In full screen, Escape is the browser's: it leaves full screen, and presenter mode follows.
  if (e.key === 'Escape' && presenting && !document.fullscreenElement) return 'stop';
  return null;
}
