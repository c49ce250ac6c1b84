/**
 * The bench's third reference page (`npm run bench`): the baseline page (bench/baseline) plus five
 * deck.gl layers of our own that share ONE small shader program, which draws every kind of thing
 * the story draws: filled areas, dashed lines of a width in pixels, outlined circles, icons from an
 * atlas, with a time filter that fades old features, and deck.gl's picking. The geometry is a
 * stand-in grid (what costs time in software rendering is the first draw of each program, not the
 * few hundred vertices). Its time to first idle over the baseline's, beside bench/story-layers
 * (the story drawn with deck.gl's own layers: four programs), tells how much a renderer of our own
 * would save (docs/performance.md, "One program of our own").
 */
import { Layer, picking, type UpdateParameters } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import { referencePageWithLayers } from '../referenceMap';

/** deck.gl's world coordinates: Web Mercator, 512 units around the equator, y growing northwards. */
function lngLatToWorld(lng: number, lat: number): [number, number] {
  const x = (512 * (lng / 180 + 1)) / 2;
  const y = (512 * (Math.PI + Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)))) / (2 * Math.PI);
  return [x, y];
}

/** Positions go to the GPU relative to this point, so 32-bit floats keep them exact. */
const ORIGIN = lngLatToWorld(13.2, 32.8);

const KIND = { fill: 0, line: 1, circle: 2, icon: 3 } as const;
const FILTER = { none: 0, recent: 1, trace: 2 } as const;

const uniformBlock = `layout(std140) uniform storyUniforms {
  mat4 viewProjection;
  vec2 viewportSize;
  float pixelsToWorld;
  float day;
  float fadeDays;
  float filterMode;
  float strokeWidth;
  vec2 dash;
} story;
`;

const storyUniforms = {
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
    strokeWidth: 'f32',
    dash: 'vec2<f32>',
  },
} as const;

// Fills and lines lie flat (extruded in world units per pixel); circles and icons face the screen.
const vs = `#version 300 es
in vec2 positions;
in vec2 extrusions;
in float widths;
in vec4 colors;
in vec4 strokeColors;
in vec2 uvs;
in float kinds;
in vec2 spans;
in vec3 pickingColors;
out vec4 vColor;
out vec4 vStroke;
out vec2 vUv;
out float vKind;
out float vWidth;
out float vAlpha;
void main(void) {
  float alpha = 1.0;
  if (story.filterMode > 0.5) {
    float age = story.day - spans.y;
    if (spans.x > story.day || (story.filterMode < 1.5 && age > story.fadeDays)) {
      gl_Position = vec4(0.0);
      return;
    }
    if (story.filterMode < 1.5 && age > 0.0) alpha = 1.0 - age / story.fadeDays;
  }
  vec4 clip;
  if (kinds < 1.5) {
    clip = story.viewProjection * vec4(positions + extrusions * widths * 0.5 * story.pixelsToWorld, 0.0, 1.0);
  } else {
    clip = story.viewProjection * vec4(positions, 0.0, 1.0);
    clip.xy += extrusions * widths / story.viewportSize * 2.0 * clip.w;
  }
  gl_Position = clip;
  vColor = colors;
  vStroke = strokeColors;
  vUv = kinds > 0.5 && kinds < 1.5 ? uvs / story.pixelsToWorld : uvs;
  vKind = kinds;
  vWidth = widths;
  vAlpha = alpha;
  picking_setPickingColor(pickingColors);
}`;

const fs = `#version 300 es
precision highp float;
uniform sampler2D storyAtlas;
in vec4 vColor;
in vec4 vStroke;
in vec2 vUv;
in float vKind;
in float vWidth;
in float vAlpha;
out vec4 fragColor;
void main(void) {
  vec4 color = vColor;
  if (vKind > 2.5) {
    color.a *= texture(storyAtlas, vUv).a;
    if (color.a < 0.05) discard;
  } else if (vKind > 1.5) {
    float d = length(vUv) * vWidth;
    if (d > vWidth) discard;
    if (d > vWidth - story.strokeWidth) color = vStroke;
  } else if (vKind > 0.5 && story.dash.x > 0.0) {
    if (mod(vUv.x, story.dash.x + story.dash.y) > story.dash.x) discard;
  }
  fragColor = vec4(color.rgb, color.a * vAlpha);
  fragColor = picking_filterPickingColor(fragColor);
}`;

const FLOATS = { positions: 2, extrusions: 2, widths: 1, uvs: 2, kinds: 1, spans: 2 } as const;
const BYTES = { colors: 4, strokeColors: 4, pickingColors: 3 } as const;
// deck.gl allocates 8-bit attributes as Uint8ClampedArray and warns about any other array type.
type Arrays = Record<keyof typeof FLOATS, Float32Array> & Record<keyof typeof BYTES, Uint8ClampedArray> & { vertices: number };

/** `count` quads (two triangles each) of one kind, in a grid south of Tripoli. */
function quads(kind: number, count: number): Arrays {
  const vertices = count * 6;
  const arrays = { vertices } as Arrays;
  for (const [name, size] of Object.entries(FLOATS)) arrays[name as keyof typeof FLOATS] = new Float32Array(vertices * size);
  for (const [name, size] of Object.entries(BYTES)) arrays[name as keyof typeof BYTES] = new Uint8ClampedArray(vertices * size);
  const corners = [[-1, -1], [1, -1], [-1, 1], [-1, 1], [1, -1], [1, 1]];
  const flat = kind === KIND.fill || kind === KIND.line;
  for (let i = 0; i < count; i++) {
    const [x, y] = lngLatToWorld(12.8 + (i % 10) * 0.12, 32.2 + Math.floor(i / 10) * 0.1);
    corners.forEach(([cx, cy], corner) => {
      const v = i * 6 + corner;
      arrays.positions.set(flat ? [x - ORIGIN[0] + cx * 0.02, y - ORIGIN[1] + cy * 0.02] : [x - ORIGIN[0], y - ORIGIN[1]], v * 2);
      arrays.extrusions.set(kind === KIND.line ? [-cy / 2, cx / 2] : flat ? [0, 0] : [cx, cy], v * 2);
      arrays.widths[v] = kind === KIND.line ? 3.5 : 10;
      arrays.uvs.set(kind === KIND.icon ? [(cx + 1) / 2, (cy + 1) / 2] : [cx, cy], v * 2);
      arrays.kinds[v] = kind;
      arrays.spans.set([18000 + i, 18000 + i], v * 2);
      arrays.colors.set([213, 94, 0, 200], v * 4);
      arrays.strokeColors.set([255, 255, 255, 255], v * 4);
      arrays.pickingColors.set([(i + 1) & 255, (i + 1) >> 8, 0], v * 3);
    });
  }
  return arrays;
}

interface OneProgramProps {
  id: string;
  arrays: Arrays;
  filterMode: number;
  dash: [number, number];
  pickable: boolean;
}

class OneProgramLayer extends Layer<OneProgramProps> {
  static layerName = 'OneProgramLayer';

  getShaders() {
    return super.getShaders({ vs, fs, modules: [storyUniforms, picking] });
  }

  initializeState(): void {
    const { arrays } = this.props;
    const attribute = (name: keyof Arrays, size: number, type: string) => ({
      size,
      type,
      noAlloc: true,
      update: (target: { value: unknown }) => void (target.value = arrays[name]),
    });
    this.getAttributeManager()!.add({
      ...Object.fromEntries(Object.entries(FLOATS).map(([name, size]) => [name, attribute(name as keyof Arrays, size, 'float32')])),
      colors: attribute('colors', 4, 'unorm8'),
      strokeColors: attribute('strokeColors', 4, 'unorm8'),
      pickingColors: attribute('pickingColors', 3, 'uint8'),
    } as any);
  }

  updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (this.state.model) return;
    const device = this.context.device;
    this.setState({
      atlas: device.createTexture({ width: 64, height: 64, format: 'rgba8unorm', data: new Uint8Array(64 * 64 * 4).fill(255) }),
      model: new Model(device, {
        ...this.getShaders(),
        id: this.props.id,
        bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
        topology: 'triangle-list',
        vertexCount: this.props.arrays.vertices,
      }),
    });
  }

  draw(): void {
    const viewport = this.context.viewport;
    // The view's matrix times a translation to ORIGIN: only its last column changes.
    const viewProjection = Array.from(viewport.viewProjectionMatrix as number[]);
    for (let row = 0; row < 4; row++) viewProjection[12 + row] += viewProjection[row] * ORIGIN[0] + viewProjection[4 + row] * ORIGIN[1];
    const model = this.state.model as Model;
    model.shaderInputs.setProps({
      story: {
        viewProjection,
        viewportSize: [viewport.width, viewport.height],
        pixelsToWorld: 1 / viewport.scale,
        day: 18030,
        fadeDays: 45,
        filterMode: this.props.filterMode,
        strokeWidth: 2,
        dash: this.props.dash,
        storyAtlas: this.state.atlas,
      },
    } as any);
    model.draw(this.context.renderPass);
  }
}

const layers = [
  new OneProgramLayer({ id: 'areas', arrays: quads(KIND.fill, 8), filterMode: FILTER.none, dash: [0, 0], pickable: true }),
  new OneProgramLayer({ id: 'lines', arrays: quads(KIND.line, 20), filterMode: FILTER.none, dash: [3, 2], pickable: true }),
  new OneProgramLayer({ id: 'strikes', arrays: quads(KIND.circle, 30), filterMode: FILTER.recent, dash: [0, 0], pickable: true }),
  new OneProgramLayer({ id: 'events', arrays: quads(KIND.icon, 30), filterMode: FILTER.trace, dash: [0, 0], pickable: true }),
  new OneProgramLayer({ id: 'bases', arrays: quads(KIND.icon, 8), filterMode: FILTER.none, dash: [0, 0], pickable: true }),
];

referencePageWithLayers((_map, overlay) => overlay.setProps({ layers }));
