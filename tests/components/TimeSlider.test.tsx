import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { TimeSlider } from '../../src/features/timeline/TimeSlider';
import { dayOfDate, isoOfDay, makeTimeScale } from '../../src/data/time';

const scale = makeTimeScale({ contextStart: '2017-10-01', start: '2019-04-01', end: '2019-12-31' });
const marks = ['2019-04-04', '2019-06-26', '2019-12-20'].map(dayOfDate);

function setup(lang: 'en' | 'ar', date = '2019-06-10') {
  const onChange = vi.fn();
  render(<TimeSlider scale={scale} day={dayOfDate(date)} markDays={marks} lang={lang} onChange={onChange} />);
  const slider = screen.getByRole('slider');
  const press = (key: string, shiftKey = false) => {
    onChange.mockClear();
    fireEvent.keyDown(slider, { key, shiftKey });
    return onChange.mock.calls.length ? isoOfDay(onChange.mock.calls[0][0]) : null;
  };
  return { slider, press };
}

describe('TimeSlider', () => {
  it('exposes the date in words to assistive technology', () => {
    const { slider } = setup('en');
    expect(slider.getAttribute('aria-valuetext')).toBe('10 June 2019');
    expect(Number(slider.getAttribute('aria-valuenow'))).toBe(dayOfDate('2019-06-10'));
    expect(slider).toHaveProperty('tabIndex', 0);
  });

  it('says the date in Arabic when the page is in Arabic', () => {
    const { slider } = setup('ar');
    expect(slider.getAttribute('aria-valuetext')).toMatch(/يونيو|حزيران/);
  });

  it('steps by day, month and event from the keyboard', () => {
    const { press } = setup('en');
    expect(press('ArrowRight')).toBe('2019-06-11');
    expect(press('ArrowLeft')).toBe('2019-06-09');
    expect(press('ArrowUp')).toBe('2019-06-11');
    expect(press('PageUp')).toBe('2019-07-10');
    expect(press('PageDown')).toBe('2019-05-10');
    expect(press('ArrowRight', true)).toBe('2019-06-26');
    expect(press('ArrowLeft', true)).toBe('2019-04-04');
    expect(press('Home')).toBe('2017-10-01');
    expect(press('End')).toBe('2019-12-31');
    expect(press('a')).toBeNull();
  });

  it('follows the reading direction in Arabic: left is later', () => {
    const { press } = setup('ar');
    expect(press('ArrowLeft')).toBe('2019-06-11');
    expect(press('ArrowRight')).toBe('2019-06-09');
    expect(press('ArrowUp')).toBe('2019-06-11');
  });

  it('draws a tick for every event day', () => {
    const { container } = render(<TimeSlider scale={scale} day={marks[0]} markDays={marks} lang="en" onChange={() => {}} />);
    expect([...container.querySelectorAll('.slider-tick')].map((t) => t.getAttribute('data-day'))).toEqual(['2019-04-04', '2019-06-26', '2019-12-20']);
  });
});
