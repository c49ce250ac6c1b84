/**
 * config.json is asked for as the page starts (main.tsx), before React has rendered: the loader takes
 * that response instead of asking again, and a failure of it is reported like any other.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { createAppStore } from '../../src/state/store';

type Reply = (file: string) => Response;
const fromDataFolder: Reply = (file) => new Response(readFileSync(`data/${file}`, 'utf8'), { status: 200 });

function stubFetch(reply: Reply = fromDataFolder) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const file = new URL(url).pathname.replace(/^.*\/data\//, '');
    requests.push(file);
    return reply(file);
  });
  return requests;
}

// The module keeps the early request: each test starts from a fresh copy of it.
async function freshLoader() {
  vi.resetModules();
  return import('../../src/app/useStoryLoader');
}

afterEach(() => vi.unstubAllGlobals());

describe('story loader', () => {
  it('asks for config.json once, at once, and loads the story from that answer', async () => {
    const requests = stubFetch();
    const { prefetchStory, useStoryLoader } = await freshLoader();
    prefetchStory();
    expect(requests).toEqual(['config.json']);
    const store = createAppStore({ lang: 'en' });
    renderHook(() => useStoryLoader(store, undefined));
    await waitFor(() => expect(store.getState().config).not.toBeNull());
    const { config } = store.getState();
    await waitFor(() => expect(config!.layers.every((l) => store.getState().layers[l.id]?.status === 'ready')).toBe(true));
    expect(requests.filter((file) => file === 'config.json')).toHaveLength(1);
    expect(requests).toHaveLength(1 + config!.layers.length);
  });

  it('asks for config.json itself when nothing asked early', async () => {
    const requests = stubFetch();
    const { useStoryLoader } = await freshLoader();
    const store = createAppStore({ lang: 'en' });
    renderHook(() => useStoryLoader(store, undefined));
    await waitFor(() => expect(store.getState().config).not.toBeNull());
    expect(requests.filter((file) => file === 'config.json')).toHaveLength(1);
  });

  it('reports an early request that failed, naming the file', async () => {
    stubFetch((file) => (file === 'config.json' ? new Response('gone', { status: 404 }) : fromDataFolder(file)));
    const { prefetchStory, useStoryLoader } = await freshLoader();
    prefetchStory();
    const store = createAppStore({ lang: 'en' });
    renderHook(() => useStoryLoader(store, undefined));
    await waitFor(() => expect(store.getState().configProblems).toHaveLength(1));
    expect(store.getState().configProblems?.[0]).toMatchObject({ file: 'config.json', message: expect.stringMatching(/HTTP 404/) });
    expect(store.getState().config).toBeNull();
  });
});
