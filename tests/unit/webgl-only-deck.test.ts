/**
 * The build leaves out deck.gl's WebGPU attribute packing (and with it luma.gl's GPGPU package):
 * safe only while deck.gl constructs it for WebGPU devices alone, and the story draws with WebGL.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { WEBGL_ONLY_MESSAGE, WEBGPU_ATTRIBUTE_GROUPS, webglOnlyDeck } from '../../vite.config';

const DECK_CORE = resolve('node_modules/@deck.gl/core/dist');
const MODULE = join(DECK_CORE, 'lib/attribute/attribute-buffer-groups.js');

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') && name !== 'dist.dev.js' ? [path] : [];
  });
}

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'resolveId' | 'load') => plugin[name] as unknown as Hook;

describe('the WebGL-only deck.gl build', () => {
  it('leaves out a module deck.gl builds only for a WebGPU device', () => {
    const manager = readFileSync(join(DECK_CORE, 'lib/attribute/attribute-manager.js'), 'utf8');
    const constructions = manager.match(/new AttributeBufferGroups\(/g) ?? [];
    expect(constructions).toHaveLength(1);
    // If a deck.gl upgrade drops this guard, WebGL layers would construct the stub and throw: revisit vite.config.ts.
    expect(manager).toMatch(/device\.type === 'webgpu'\s*\?\s*new AttributeBufferGroups\(/);
  });

  it('takes all of luma.gl GPGPU with it: no other deck.gl module imports it', () => {
    const importers = jsFiles(DECK_CORE).filter((file) => /from ['"]@luma\.gl\/gpgpu/.test(readFileSync(file, 'utf8')));
    expect(importers).toEqual([MODULE]);
  });

  it('recognises the module by its path, with either separator', () => {
    expect(WEBGPU_ATTRIBUTE_GROUPS.test(MODULE)).toBe(true);
    expect(WEBGPU_ATTRIBUTE_GROUPS.test(MODULE.replaceAll('/', '\\'))).toBe(true);
    expect(WEBGPU_ATTRIBUTE_GROUPS.test(join(DECK_CORE, 'lib/attribute/attribute-manager.js'))).toBe(false);
  });

  it('swaps that module, and only it, for a class that explains itself', async () => {
    const plugin = webglOnlyDeck();
    const context = { resolve: async (source: string) => ({ id: source.startsWith('./') ? join(DECK_CORE, 'lib/attribute', source) : source }) };
    const importer = join(DECK_CORE, 'lib/attribute/attribute-manager.js');
    const stubId = await hook(plugin, 'resolveId').call(context, './attribute-buffer-groups.js', importer, {});
    expect(stubId).toEqual(expect.any(String));
    expect(await hook(plugin, 'resolveId').call(context, './attribute.js', importer, {})).toBeNull();
    expect(await hook(plugin, 'resolveId').call(context, '/elsewhere/attribute-buffer-groups.js', '/src/x.ts', {})).toBeNull();
    const code = hook(plugin, 'load').call(context, stubId) as string;
    const stub = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    expect(() => new stub.default()).toThrow(WEBGL_ONLY_MESSAGE);
    expect(hook(plugin, 'load').call(context, importer)).toBeNull();
  });
});
