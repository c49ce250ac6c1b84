/**
 * The shader trimming for a flat map: the projection swap against the deck.gl actually installed,
 * and the specialisation of layer shaders. The browser test (tests/browser/deck-shaders.test.ts)
 * checks that what is drawn still lands where MapLibre puts it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { project } from '@deck.gl/core';
import { MERCATOR_PROJECT_POSITION, installMercatorProjection, withMercatorProjection } from '../../src/features/map/mercatorProjection';
import { specialise } from '../../src/features/map/flatLayers';

const deckSource = (project as { vs: string }).vs;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Mercator-only projection', () => {
  it("recognises the installed deck.gl's project module and swaps both functions", () => {
    const patched = withMercatorProjection(deckSource);
    expect(patched).not.toBeNull();
    expect(patched).toContain(MERCATOR_PROJECT_POSITION);
    // The globe, cartesian and meter-offset cases are gone from project_position…
    const body = patched!.slice(patched!.indexOf('vec4 project_position(vec4 position, vec3 position64Low)'));
    expect(body.slice(0, body.indexOf('vec4 project_position(vec4 position) {'))).not.toMatch(/GLOBE|CARTESIAN|METER_OFFSETS|IDENTITY/);
    // …and the globe's rotation of offsets is never asked for.
    expect(patched).toMatch(/bool project_needs_rotation\(vec3 commonPosition, out mat3 transform\) \{\s*return false;\s*\}/);
    // Everything else is deck.gl's own.
    expect(patched!.length).toBeLessThan(deckSource.length);
    expect(patched).toContain('vec2 project_mercator_(vec2 lnglat)');
  });

  it('leaves a source it does not recognise alone', () => {
    expect(withMercatorProjection('void main() {}')).toBeNull();
    const changed = deckSource.replace('if (abs(position_world.y - project.coordinateOrigin.y) > 0.25) {', 'if (true) {');
    expect(withMercatorProjection(changed)).toBeNull();
    const noGlobe = deckSource.replace('transform = project_get_orientation_matrix(commonPosition);', '');
    expect(withMercatorProjection(noGlobe)).toBeNull();
  });

  it('installs once into the shared module, before any layer is drawn', () => {
    expect(installMercatorProjection()).toBe(true);
    expect((project as { vs: string }).vs).toContain(MERCATOR_PROJECT_POSITION);
    const once = (project as { vs: string }).vs;
    expect(installMercatorProjection()).toBe(true);
    expect((project as { vs: string }).vs).toBe(once);
  });
});

describe('specialise', () => {
  const shaders = {
    vs: 'void main() { if (path.billboard) { a(); } else { b(); } }',
    fs: 'uniform bool billboard; void main() { if (path.billboard) {} }',
    inject: {
      'vs:#main-end': 'float w = path.billboard ? 1.0 : 2.0;',
      'vs:#decl': { injection: 'bool x = path.billboard;', order: 1 },
    },
    modules: [],
  };

  it('writes the constant into the vertex shader and its injections, not the fragment shader', () => {
    const out = specialise(shaders, { 'path.billboard': 'false' }, 'TestLayer');
    expect(out.vs).toBe('void main() { if (false) { a(); } else { b(); } }');
    expect(out.inject).toEqual({
      'vs:#main-end': 'float w = false ? 1.0 : 2.0;',
      'vs:#decl': { injection: 'bool x = false;', order: 1 },
    });
    expect(out.fs).toBe(shaders.fs);
    expect(out.modules).toBe(shaders.modules);
  });

  it('says so when deck.gl no longer reads the uniform, and changes nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const out = specialise(shaders, { 'icon.billboard': 'true' }, 'TestLayer');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('TestLayer: icon.billboard'));
    expect(out.vs).toBe(shaders.vs);
  });
});
