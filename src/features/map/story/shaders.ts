/**
 * The one program that draws the whole story: filled areas, dashed lines of a width in pixels,
 * outlined circles and symbols from an atlas, filtered by time on the GPU, with deck.gl's picking.
 *
 * Why one small program of our own rather than deck.gl's layers: compiling shader programs is most
 * of the cost of the first view where WebGL runs in software, and deck.gl's layers need four large
 * ones (docs/performance.md). Areas and lines lie flat on the map; circles and symbols face the
 * screen. The map never tilts or turns (MapEngine sets no pitch or rotation), which this relies on.
 */

const uniformBlock = `layout(std140) uniform storyUniforms {
  mat4 viewProjection;
  vec2 viewportSize;
  float pixelsToWorld;
  float day;
  float fadeDays;
  float filterMode;
  float opacity;
  float strokeWidth;
  vec2 dash;
  vec2 highlighted;
  float highlightScale;
  vec2 atlasGrid;
} story;
`;

/** The program's uniforms, as a luma.gl shader module (deck.gl sets `picking`'s beside it). */
export const storyUniforms = {
  name: 'story',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: {
    viewProjection: 'mat4x4<f32>',
    viewportSize: 'vec2<f32>',
    pixelsToWorld: 'f32',
    day: 'f32',
    fadeDays: 'f32',
    filterMode: 'f32',
    opacity: 'f32',
    strokeWidth: 'f32',
    dash: 'vec2<f32>',
    highlighted: 'vec2<f32>',
    highlightScale: 'f32',
    atlasGrid: 'vec2<f32>',
  },
} as const;

/** How a layer's features are filtered by date: not at all, recent ones fading out, or all that have begun. */
export const FILTER = { none: 0, recent: 1, trace: 2 } as const;

export const vs = `#version 300 es
#define SHADER_NAME story-layer-vertex-shader
in vec2 a;
in vec2 b;
in vec2 c;
in vec2 spans;
in vec4 fillColors;
in vec4 lineColors;
in vec2 style;
in float pickIndex;
out vec4 vFill;
out vec4 vLine;
out vec2 vLocal;
out vec2 vUv;
flat out float vKind;
flat out float vSize;
flat out float vLength;
flat out float vDashStart;
out float vAlpha;

// Corners of a quad drawn as a strip of two triangles, from -1 to 1.
vec2 quadCorner(int vertex) {
  return vec2(vertex == 1 || vertex == 3 ? 1.0 : -1.0, vertex >= 2 ? 1.0 : -1.0);
}

void main(void) {
  int vertex = gl_VertexID;
  float kind = style.x;
  vAlpha = 1.0;
  if (story.filterMode > 0.5) {
    float age = story.day - spans.y;
    bool recent = story.filterMode < 1.5;
    if (spans.x > story.day || (recent && age > story.fadeDays)) {
      gl_Position = vec4(0.0);
      return;
    }
    // Eased as deck.gl's DataFilterExtension eases a soft range.
    if (recent && age > 0.0) vAlpha = 1.0 - smoothstep(0.0, story.fadeDays, age);
  }
  bool highlighted = abs(pickIndex - story.highlighted.x) < 0.5 || abs(pickIndex - story.highlighted.y) < 0.5;
  float size = style.y * (highlighted ? story.highlightScale : 1.0);
  vec2 corner = quadCorner(vertex);
  vFill = fillColors;
  vLine = lineColors;
  vKind = kind;
  vSize = size;
  vLength = 0.0;
  vDashStart = 0.0;
  vLocal = vec2(0.0);
  vUv = vec2(0.0);

  if (kind < 0.5) {
    // A triangle: the strip's fourth corner repeats the third, so its second triangle is empty.
    vec2 position = vertex == 0 ? a : (vertex == 1 ? b : c);
    gl_Position = story.viewProjection * vec4(position, 0.0, 1.0);
  } else if (kind < 1.5) {
    // A segment, as a rectangle half its width longer at each end: round ends make round joins.
    vec2 along = b - a;
    float worldLength = length(along);
    vec2 direction = worldLength > 0.0 ? along / worldLength : vec2(1.0, 0.0);
    vec2 normal = vec2(-direction.y, direction.x);
    float halfWidth = size * 0.5;
    float lengthPx = worldLength / story.pixelsToWorld;
    vec2 local = vec2(corner.x < 0.0 ? -halfWidth : lengthPx + halfWidth, corner.y * halfWidth);
    vec2 position = a + (direction * local.x + normal * local.y) * story.pixelsToWorld;
    gl_Position = story.viewProjection * vec4(position, 0.0, 1.0);
    vLocal = local;
    vLength = lengthPx;
    vDashStart = c.x / story.pixelsToWorld;
  } else {
    // Circles and symbols keep their size on screen.
    float extent = kind < 2.5 ? size + story.strokeWidth * 0.5 + 1.0 : size * 0.5;
    vec4 clip = story.viewProjection * vec4(a, 0.0, 1.0);
    clip.xy += corner * extent / story.viewportSize * 2.0 * clip.w;
    gl_Position = clip;
    vLocal = corner * extent;
    vUv = (c + vec2(corner.x + 1.0, 1.0 - corner.y) * 0.5) / story.atlasGrid;
  }
  picking_setPickingColor(picking_getPickingColorFromIndex(pickIndex));
}`;

export const fs = `#version 300 es
#define SHADER_NAME story-layer-fragment-shader
precision highp float;
uniform sampler2D storyAtlas;
in vec4 vFill;
in vec4 vLine;
in vec2 vLocal;
in vec2 vUv;
flat in float vKind;
flat in float vSize;
flat in float vLength;
flat in float vDashStart;
in float vAlpha;
out vec4 fragColor;

void main(void) {
  vec4 color = vFill;
  if (vKind > 2.5) {
    color.a *= texture(storyAtlas, vUv).a;
    if (color.a < 0.05) discard;
  } else if (vKind > 1.5) {
    // Outline centred on the radius, edges smoothed over a pixel.
    float d = length(vLocal);
    float outer = vSize + story.strokeWidth * 0.5;
    float inner = vSize - story.strokeWidth * 0.5;
    if (story.strokeWidth > 0.0) color = mix(vFill, vLine, smoothstep(inner - 0.5, inner + 0.5, d));
    color.a *= 1.0 - smoothstep(outer - 0.5, outer + 0.5, d);
    if (color.a < 0.01) discard;
  } else if (vKind > 0.5) {
    float x = vLocal.x;
    float fromLine = x < 0.0 ? length(vLocal) : (x > vLength ? length(vLocal - vec2(vLength, 0.0)) : abs(vLocal.y));
    if (fromLine > vSize * 0.5) discard;
    // Dash lengths are in half widths of the line, as deck.gl's PathStyleExtension has them.
    if (story.dash.x > 0.0) {
      float dashes = (vDashStart + clamp(x, 0.0, vLength)) / (vSize * 0.5);
      if (mod(dashes, story.dash.x + story.dash.y) > story.dash.x) discard;
    }
    color = vLine;
  }
  fragColor = vec4(color.rgb, color.a * vAlpha * story.opacity);
  fragColor = picking_filterPickingColor(fragColor);
}`;
