/**
 * deck.gl layers with their vertex shaders specialised for a flat map.
 *
 * A deck.gl shader chooses between billboarded and flat geometry (and extruded or flat polygons)
 * with uniforms, so it carries both versions of its main code path. This map only ever uses one:
 * symbols face the screen, paths, circles and polygons lie flat. Fixing those choices in the source
 * lets the shader compiler drop the other version. Compiling these programs is most of the cost of
 * the first view in software rendering (see docs/performance.md): together with the leaner
 * projection (mercatorProjection.ts) it roughly halves it. A layer built from one of these classes
 * with the opposite setting would draw wrongly, so each class pins the prop as well.
 */
import type { Layer, UpdateParameters } from '@deck.gl/core';
import { IconLayer, PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';

type Shaders = { vs: string; inject?: Record<string, string | { injection: string }> } & Record<string, unknown>;

/** Replaces each uniform read in the vertex shader and its injections by a constant; a missing one is reported. */
export function specialise(shaders: Shaders, constants: Record<string, string>, layer: string): Shaders {
  const replace = (source: string) =>
    Object.entries(constants).reduce((text, [uniform, value]) => text.replaceAll(uniform, value), source);
  const missing = Object.keys(constants).filter(
    (uniform) => !shaders.vs.includes(uniform) && !Object.values(shaders.inject ?? {}).some((i) => injectionText(i).includes(uniform)),
  );
  if (missing.length) console.warn(`[map] ${layer}: ${missing.join(', ')} no longer in deck.gl's shader; left unspecialised`);
  const inject = shaders.inject
    ? Object.fromEntries(
        Object.entries(shaders.inject).map(([hook, i]) => [hook, typeof i === 'string' ? replace(i) : { ...i, injection: replace(i.injection) }]),
      )
    : undefined;
  return { ...shaders, vs: replace(shaders.vs), ...(inject ? { inject } : {}) };
}

function injectionText(injection: string | { injection: string }): string {
  return typeof injection === 'string' ? injection : injection.injection;
}

/**
 * The constant each class writes into its shader. tests/browser/deck-shaders.test.ts checks that the
 * programs the browser compiles no longer branch on them.
 */
const FLAT_PATH = { 'path.billboard': 'false' };
const FLAT_SCATTERPLOT = { 'scatterplot.billboard': 'false' };
const BILLBOARD_ICON = { 'icon.billboard': 'true' };
const FLAT_POLYGON = { 'solidPolygon.extruded': 'false' };

type LayerClass = abstract new (...args: any[]) => Layer;

/**
 * `Base` with `constants` written into its vertex shader and `pinned` as its default props; a layer
 * given another value for a pinned prop would draw wrongly, so it fails loudly instead.
 */
function specialised<T extends LayerClass>(Base: T, name: string, constants: Record<string, string>, pinned: Record<string, boolean>): T {
  abstract class Specialised extends Base {
    static layerName = name;
    static defaultProps = pinned;
    getShaders(...args: unknown[]) {
      return specialise((Base.prototype as any).getShaders.apply(this, args) as Shaders, constants, name);
    }
    updateState(params: UpdateParameters<Layer>) {
      (Base.prototype as any).updateState.call(this, params);
      const wrong = Object.entries(pinned).find(([prop, value]) => (this.props as any)[prop] !== value);
      if (wrong) throw new Error(`${name} draws with ${wrong[0]} ${wrong[1]} only`);
    }
  }
  return Specialised as unknown as T;
}

export const FlatPathLayer = specialised(PathLayer, 'FlatPathLayer', FLAT_PATH, { billboard: false });
export const FlatScatterplotLayer = specialised(ScatterplotLayer, 'FlatScatterplotLayer', FLAT_SCATTERPLOT, { billboard: false });
export const BillboardIconLayer = specialised(IconLayer, 'BillboardIconLayer', BILLBOARD_ICON, { billboard: true });
export const FlatSolidPolygonLayer = specialised(SolidPolygonLayer, 'FlatSolidPolygonLayer', FLAT_POLYGON, { extruded: false });
