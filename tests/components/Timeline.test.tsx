import { describe, expect, it } from 'vitest';
import { act, fireEvent, render } from '@testing-library/react';
import { StoreContext } from '../../src/state/store';
import { Timeline } from '../../src/features/timeline/Timeline';
import { loadedStore } from './fixtures';

/** Characters no font that ships with the map has; a reader's own fonts may draw them as boxes or emoji. */
const UNSHIPPED_SYMBOLS = /[\u2190-\u2bff]/u;

describe('the timeline buttons', () => {
  it('draw their symbols, in any language, with no character left to the reader’s fonts', () => {
    for (const lang of ['en', 'ar'] as const) {
      const store = loadedStore(lang);
      const { container, unmount } = render(
        <StoreContext.Provider value={store}>
          <Timeline />
        </StoreContext.Provider>,
      );
      const buttons = [...container.querySelectorAll<HTMLButtonElement>('.timeline-buttons button')];
      expect(buttons.map((b) => b.querySelector('svg')?.dataset.icon)).toEqual(['previous', 'play', 'next']);
      for (const b of buttons) expect(b.textContent ?? '', b.getAttribute('aria-label') ?? '').not.toMatch(UNSHIPPED_SYMBOLS);
      // Playing swaps the symbol; the name says what the button does.
      act(() => void fireEvent.click(buttons[1]));
      expect(buttons[1].querySelector('svg')?.dataset.icon).toBe('pause');
      expect(buttons[1].getAttribute('aria-pressed')).toBe('true');
      act(() => store.getState().setPlaying(false));
      unmount();
    }
  });
});
