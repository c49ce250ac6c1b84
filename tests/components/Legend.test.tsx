import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { StoreContext } from '../../src/state/store';
import { Legend } from '../../src/features/legend/Legend';
import { hexToRgba, PAST_TRACE_HEX, UNDER_ATTACK_HEX } from '../../src/features/map/colors';
import { loadedStore } from './fixtures';

const rgb = (hex: string) => `rgb(${hexToRgba(hex).slice(0, 3).join(', ')})`;

describe('legend', () => {
  it('draws the under-attack ring and the faded past strike in the colours the map uses', () => {
    const { container } = render(
      <StoreContext.Provider value={loadedStore()}>
        <Legend />
      </StoreContext.Provider>,
    );
    const ring = container.querySelector<HTMLElement>('.legend-ring');
    const trace = container.querySelector<HTMLElement>('.legend-dot.trace');
    expect(ring?.style.borderColor).toBe(rgb(UNDER_ATTACK_HEX));
    expect(trace?.style.borderColor).toBe(rgb(PAST_TRACE_HEX));
  });
});
