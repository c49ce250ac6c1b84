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
import type { UpdateParameters } from '@deck.gl/core';
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

/** The constants each class writes into its shader, exported for the test that checks deck.gl still reads them. */
export const FLAT_PATH = { 'path.billboard': 'false' };
export const FLAT_SCATTERPLOT = { 'scatterplot.billboard': 'false' };
export const BILLBOARD_ICON = { 'icon.billboard': 'true' };
export const FLAT_POLYGON = { 'solidPolygon.extruded': 'false' };

export class FlatPathLayer<D = unknown> extends PathLayer<D> {
  static layerName = 'FlatPathLayer';
  static defaultProps = { billboard: false };
  getShaders() {
    return specialise(super.getShaders() as Shaders, FLAT_PATH, 'FlatPathLayer');
  }
  updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    if (this.props.billboard) throw new Error('FlatPathLayer draws flat paths only');
  }
}

export class FlatScatterplotLayer<D = unknown> extends ScatterplotLayer<D> {
  static layerName = 'FlatScatterplotLayer';
  static defaultProps = { billboard: false };
  getShaders() {
    return specialise(super.getShaders() as Shaders, FLAT_SCATTERPLOT, 'FlatScatterplotLayer');
  }
  updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    if (this.props.billboard) throw new Error('FlatScatterplotLayer draws flat circles only');
  }
}

export class BillboardIconLayer<D = unknown> extends IconLayer<D> {
  static layerName = 'BillboardIconLayer';
  static defaultProps = { billboard: true };
  getShaders() {
    return specialise(super.getShaders() as Shaders, BILLBOARD_ICON, 'BillboardIconLayer');
  }
  updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    if (!this.props.billboard) throw new Error('BillboardIconLayer draws screen-facing icons only');
  }
}

export class FlatSolidPolygonLayer<D = unknown> extends SolidPolygonLayer<D> {
  static layerName = 'FlatSolidPolygonLayer';
  static defaultProps = { extruded: false };
  getShaders(type: 'top' | 'side') {
    return specialise(super.getShaders(type) as Shaders, FLAT_POLYGON, 'FlatSolidPolygonLayer');
  }
  updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    if (this.props.extruded) throw new Error('FlatSolidPolygonLayer draws flat polygons only');
  }
}
