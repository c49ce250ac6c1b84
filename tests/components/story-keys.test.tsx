/**
 * Story mode's keys (src/features/story/keys.ts): what a clicker and a keyboard do, in both reading
 * directions, and the places whose own keys it must leave alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { storyKeyMove } from '../../src/features/story/keys';

function press(key: string, target: Element = document.body, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

function element(html: string, selector: string): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

afterEach(() => (document.body.innerHTML = ''));

describe('story keys', () => {
  it('moves with a clicker, Space, Home and End', () => {
    const ltr = { rtl: false, presenting: false };
    expect(storyKeyMove(press('PageDown'), ltr)).toBe('next');
    expect(storyKeyMove(press('PageUp'), ltr)).toBe('previous');
    expect(storyKeyMove(press(' '), ltr)).toBe('next');
    expect(storyKeyMove(press(' ', document.body, { shiftKey: true }), ltr)).toBe('previous');
    expect(storyKeyMove(press('Home'), ltr)).toBe('first');
    expect(storyKeyMove(press('End'), ltr)).toBe('last');
    expect(storyKeyMove(press('a'), ltr)).toBeNull();
  });

  it('follows the reading direction with the arrows', () => {
    expect(storyKeyMove(press('ArrowRight'), { rtl: false, presenting: false })).toBe('next');
    expect(storyKeyMove(press('ArrowLeft'), { rtl: false, presenting: false })).toBe('previous');
    expect(storyKeyMove(press('ArrowRight'), { rtl: true, presenting: false })).toBe('previous');
    expect(storyKeyMove(press('ArrowLeft'), { rtl: true, presenting: false })).toBe('next');
  });

  it('leaves the slider, form fields, dialogs, pressed buttons and modified keys alone', () => {
    const any = { rtl: false, presenting: true };
    expect(storyKeyMove(press('PageDown', element('<div role="slider" tabindex="0"></div>', '[role="slider"]')), any)).toBeNull();
    expect(storyKeyMove(press('End', element('<input>', 'input')), any)).toBeNull();
    expect(storyKeyMove(press('PageDown', element('<div role="dialog"><p>x</p></div>', 'p')), any)).toBeNull();
    expect(storyKeyMove(press(' ', element('<button>Next</button>', 'button')), any)).toBeNull();
    expect(storyKeyMove(press('PageDown', document.body, { ctrlKey: true }), any)).toBeNull();
    document.body.innerHTML = '<dialog open></dialog>';
    expect(storyKeyMove(press('PageDown'), any)).toBeNull();
  });

  it('lets the arrows pan the map outside presenter mode, and Escape leave presenter mode', () => {
    const onMap = () => element('<div class="maplibregl-map"><canvas></canvas></div>', 'canvas');
    expect(storyKeyMove(press('ArrowRight', onMap()), { rtl: false, presenting: false })).toBeNull();
    expect(storyKeyMove(press('ArrowRight', onMap()), { rtl: false, presenting: true })).toBe('next');
    expect(storyKeyMove(press('Escape'), { rtl: false, presenting: true })).toBe('stop');
    expect(storyKeyMove(press('Escape'), { rtl: false, presenting: false })).toBeNull();
  });
});
