/**
 * A leaner projection for deck.gl's shaders, for this map's one case: longitude/latitude positions
 * on a flat Web Mercator map (MapLibre's default projection; this app never turns on the globe).
 *
 * deck.gl's own function handles every projection and coordinate system with branches chosen by
 * uniforms, so every shader carries all of them, and it calls the Mercator formula (a log and a tan)
 * on two of them. The path layer projects six points per vertex, so its vertex shader inlines that
 * formula twelve times. Shader compilers that cannot drop uniform branches pay for every copy: in
 * software rendering (SwiftShader) the first draw of the path program fell from about 0.7 s to
 * 0.4 s with this version, the other programs by 0.05–0.1 s each. The results are the same for the
 * two modes a Mercator map uses: plain (zoom < 12) and auto-offset (zoom ≥ 12, where deck.gl
 * projects points near the view's centre relative to it, in 32-bit floats without the log and tan).
 * The globe's rotation of offsets (`project_needs_rotation`) is answered "never" for the same reason.
 */
import { project } from '@deck.gl/core';

const SIGNATURE = 'vec4 project_position(vec4 position, vec3 position64Low) {';
const NEXT_FUNCTION = 'vec4 project_position(vec4 position) {';
/** Pieces of deck.gl's version this replacement reproduces; if one goes, deck.gl has changed. */
const EXPECTED = [
  'if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR) {',
  'project_mercator_(position_world.xy) - project.commonOrigin.xy,',
  'if (abs(position_world.y - project.coordinateOrigin.y) > 0.25) {',
  'return project_offset_(position_world) + project_offset_(project.modelMatrix * vec4(position64Low, 0.0));',
];

export const MERCATOR_PROJECT_POSITION = `${SIGNATURE}
vec4 position_world = project.modelMatrix * position;
bool autoOffset = project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET;
if (autoOffset && abs(position_world.y - project.coordinateOrigin.y) <= 0.25) {
position_world.xyz -= project.coordinateOrigin;
return project_offset_(position_world) + project_offset_(project.modelMatrix * vec4(position64Low, 0.0));
}
vec2 common_xy = project_mercator_(position_world.xy);
return autoOffset
? vec4(common_xy - project.commonOrigin.xy, project_size(position_world.z), position_world.w)
: vec4(common_xy, project_size_at_latitude(position_world.z, position_world.y), position_world.w);
}
`;

const GLOBE_ROTATION = `bool project_needs_rotation(vec3 commonPosition, out mat3 transform) {
if (project.projectionMode == PROJECTION_MODE_GLOBE) {
transform = project_get_orientation_matrix(commonPosition);
return true;
}
return false;
}`;
const NO_ROTATION = `bool project_needs_rotation(vec3 commonPosition, out mat3 transform) {
return false;
}`;

/**
 * deck.gl's project module source with `project_position` and `project_needs_rotation` replaced, or
 * null when the source is not the one this was written against (then deck.gl's own is kept).
 */
export function withMercatorProjection(source: string): string | null {
  const start = source.indexOf(SIGNATURE);
  const end = source.indexOf(NEXT_FUNCTION, start);
  if (start < 0 || end < 0 || !source.includes(GLOBE_ROTATION)) return null;
  const original = source.slice(start, end);
  if (!EXPECTED.every((piece) => original.includes(piece))) return null;
  return (source.slice(0, start) + MERCATOR_PROJECT_POSITION + source.slice(end)).replace(GLOBE_ROTATION, NO_ROTATION);
}

let applied: boolean | null = null;

/**
 * Swaps the function into deck.gl's shared project module. Must run before the first layer is
 * drawn (shaders are assembled then); the engine's chunk does it when it loads.
 */
export function installMercatorProjection(): boolean {
  if (applied !== null) return applied;
  const module = project as { vs?: string };
  const patched = module.vs ? withMercatorProjection(module.vs) : null;
  if (patched) module.vs = patched;
  else console.warn('[map] deck.gl project module not recognised; keeping its own project_position');
  return (applied = patched !== null);
}
