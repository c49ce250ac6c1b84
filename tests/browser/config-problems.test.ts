/**
 * Without a usable config.json there is no story and no map to wait for: the page names the file,
 * the field and what to do, and stops saying that the map is loading.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { appUrl, useBrowser } from './harness';

let browser: Browser;
useBrowser((launched) => (browser = launched));

async function pageWithConfig(reply: { status: number; body: string }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/data/config.json', (route) => route.fulfill({ ...reply, contentType: 'application/json' }));
  await page.goto(appUrl());
  const alert = page.getByTestId('layer-errors');
  await alert.waitFor();
  return { context, alert: (await alert.textContent()) ?? '', loading: await page.locator('.loading').count(), errors };
}

describe('config.json problems', () => {
  it('a missing config.json is named, with a hint that fits it, and nothing says "loading"', async () => {
    const { context, alert, loading, errors } = await pageWithConfig({ status: 404, body: 'not here' });
    expect(alert).toContain('config.json: could not be fetched (HTTP 404)');
    expect(alert).toContain('every story needs a config.json in its data folder');
    expect(alert).not.toContain('misnamed in config.json layers');
    expect(loading).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a config.json with a wrong field names the field', async () => {
    const { context, alert, loading, errors } = await pageWithConfig({ status: 200, body: '{"title": 3}' });
    expect(alert).toMatch(/config\.json, field "title"/);
    expect(loading).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
