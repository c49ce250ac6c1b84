/**
 * Accessibility in the built app: axe-core at WCAG 2.1 A/AA in both languages, in embed mode and
 * with details open; keyboard-only use; the event list as the map's text alternative.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { idle, useBrowser, openApp, pickAt } from './harness';

let browser: Browser;
useBrowser((launched) => (browser = launched));

async function axe(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // The map canvas is a graphic with a label; its pixels are not text for contrast checks.
    .exclude('.maplibregl-canvas')
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

describe('axe-core finds no WCAG 2.1 A/AA violations', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`in ${lang}, with details and the event list open`, async () => {
      const { page } = await openApp(browser, { hash: `date=2019-12-21&lang=${lang}&event=strike-misrata-2019-12-20` });
      await page.getByTestId('details').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.getByRole('button', { name: lang === 'en' ? 'Events' : 'الأحداث', exact: true }).click();
      await page.getByTestId('event-list').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.context().close();
    });

    it(`in ${lang} embed mode`, async () => {
      const { page } = await openApp(browser, { hash: `date=2019-12-21&lang=${lang}&embed=1`, width: 600, height: 450 });
      expect(await axe(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('keyboard only', () => {
  it('reaches the slider, moves time, opens an event from the list and closes it again', async () => {
    const { page } = await openApp(browser, { hash: 'date=2019-12-21&lang=en' });
    const focusedRole = () => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);
    let presses = 0;
    while ((await focusedRole()) !== 'slider' && presses++ < 40) await page.keyboard.press('Tab');
    expect(await focusedRole()).toBe('slider');
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    await page.keyboard.press('PageDown');
    expect(await page.getByRole('slider').getAttribute('aria-valuetext')).toBe('30 November 2019');
    await page.keyboard.press('Shift+ArrowRight');
    const next = await page.getByRole('slider').getAttribute('aria-valuetext');
    expect(next).not.toBe('30 November 2019');
    // The date is announced once it settles.
    await expect.poll(() => page.getByTestId('date-announcer').textContent()).toBe(`Map shows ${next}`);

    await page.keyboard.press('End');
    const eventsButton = page.getByRole('button', { name: 'Events', exact: true });
    await eventsButton.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('event-list').waitFor();
    const inList = () => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-id'));
    presses = 0;
    while (!(await inList()) && presses++ < 30) await page.keyboard.press('Tab');
    const item = await inList();
    expect(item).toBeTruthy();
    await page.keyboard.press('Enter');
    const details = page.getByTestId('details');
    await details.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    expect(await page.evaluate(() => (window as any).__tripoliStore.getState().selectedId)).toBe(item);
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-id'))).toBe(item);

    // Every control shows where the focus is.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.context().close();
  });

  it('switches layers and language from the keyboard', async () => {
    const { page } = await openApp(browser, { hash: 'date=2019-12-21&lang=en' });
    await page.getByRole('checkbox', { name: 'Air strikes' }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Air strikes' }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Show the map in Arabic' }).or(page.getByRole('button', { name: 'اعرض الخريطة بالعربية' })).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // In Arabic, Left moves the slider forward in time.
    const slider = page.getByRole('slider');
    await slider.focus();
    const before = Number(await slider.getAttribute('aria-valuenow'));
    await page.keyboard.press('ArrowLeft');
    expect(Number(await slider.getAttribute('aria-valuenow'))).toBe(before + 1);
    await page.context().close();
  });
});

describe('the event list matches the map', () => {
  const features = ['events', 'strikes'].flatMap((layer) => JSON.parse(readFileSync(`data/${layer}.geojson`, 'utf8')).features) as {
    geometry: { coordinates: [number, number] };
    properties: { id: string; start: string };
  }[];

  it('at several dates, lists exactly what has happened and the map draws each of those', async () => {
    const { page } = await openApp(browser, { hash: 'date=2019-04-10&lang=en&view=13.9,32.6,6.5', width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Events', exact: true }).click();
    for (const date of ['2019-04-10', '2019-07-01', '2019-11-22']) {
      await page.evaluate((d) => (location.hash = `date=${d}&lang=en&view=13.9,32.6,6.5`), date);
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(date);
      await idle(page);
      const listed = await page.getByTestId('event-list').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-id')!));
      const expected = features.filter((f) => f.properties.start <= date).map((f) => f.properties.id);
      expect(listed.sort()).toEqual(expected.sort());
      const visibleOnMap = async (id: string) => {
        const f = features.find((x) => x.properties.id === id)!;
        return (await pickAt(page, f.geometry.coordinates[0], f.geometry.coordinates[1], 8)).includes(id);
      };
      for (const id of listed) {
        const f = features.find((x) => x.properties.id === id)!;
        const [lng, lat] = f.geometry.coordinates;
        if (lng < 9 || lng > 19 || lat < 30 || lat > 35) continue; // off screen at this view
        expect(await visibleOnMap(id), `${id} on ${date}`).toBe(true);
      }
      const future = features.filter((f) => f.properties.start > date && f.geometry.coordinates[0] > 9 && f.geometry.coordinates[0] < 19);
      for (const f of future.slice(0, 5)) expect(await visibleOnMap(f.properties.id), `${f.properties.id} before ${date}`).toBe(false);
    }
    await page.context().close();
  });
});

describe('on a phone', () => {
  it('opens details as a sheet that leaves the selected feature in sight', async () => {
    const { page } = await openApp(browser, { hash: 'date=2019-12-21&lang=ar', width: 375, height: 740 });
    // The strikes across western Libya sit low on a phone's map, where the sheet will cover.
    const target = [13.75, 31.95] as const;
    const { x, y } = await page.evaluate(([lng, lat]) => {
      const engine = (window as any).__tripoliMap;
      const p = engine.map.project([lng, lat]);
      const r = engine.map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, target);
    await page.mouse.click(x, y);
    const sheet = page.getByTestId('details');
    await sheet.waitFor();
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.width).toBeGreaterThan(360); // a full-width sheet, not a side panel
    await expect
      .poll(async () => {
        const p = await page.evaluate(([lng, lat]) => {
          const engine = (window as any).__tripoliMap;
          const pt = engine.map.project([lng, lat]);
          return engine.map.getCanvas().getBoundingClientRect().top + pt.y;
        }, target);
        return p < sheetBox.y - 10;
      }, { timeout: 5000 })
      .toBe(true);
    // Touch targets: 44 px at least (the slider thumb's hit area extends 10 px beyond its dot).
    const small = await page.locator('button:visible, select:visible, input:visible').evaluateAll((els) =>
      els
        .map((e) => ({ name: e.getAttribute('aria-label') ?? e.textContent, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && Math.min(r.width, r.height) < 44)
        .map(({ name, r }) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    await page.context().close();
  });
});

describe('a phone held sideways', () => {
  it('keeps the map, the timeline and the controls usable at 740x360', async () => {
    const { page, errors } = await openApp(browser, { hash: 'date=2019-12-21&lang=ar', width: 740, height: 360 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const map = (await page.locator('.map').boundingBox())!;
    expect(map.height).toBeGreaterThan(120);
    expect(await page.getByRole('slider').isVisible()).toBe(true);
    const slider = (await page.getByRole('slider').boundingBox())!;
    expect(slider.y + slider.height).toBeLessThanOrEqual(360);
    expect((await pickAt(page, 15.0925, 32.3754, 10)).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
