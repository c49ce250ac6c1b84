/**
 * A deck.gl layer that draws a StoryGeometry with the story's one program (shaders.ts). Scrubbing
 * the timeline changes its uniforms only; its buffers change when its geometry object does.
 */
import { Layer, picking, type DefaultProps, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import type { Buffer, Device, Texture } from '@luma.gl/core';
import { ATTRIBUTES, ORIGIN, type AttributeName, type StoryGeometry } from './geometry';
import { FILTER, fs, storyUniforms, vs } from './shaders';

export interface StoryLayerProps {
  /** What picking returns: `data[pickIndex]`. */
  data: readonly unknown[];
  geometry: StoryGeometry;
  filterMode?: number;
  day?: number;
  fadeDays?: number;
  /** Outline of circles, in pixels. */
  strokeWidth?: number;
  /** Dash and gap, in half widths of the line (as deck.gl's PathStyleExtension); [0, 0] for solid lines. */
  dash?: [number, number];
  /** Indices in `data` drawn `highlightScale` times their size (the hovered and the selected). */
  highlighted?: [number, number];
  highlightScale?: number;
  /** The symbol atlas, for layers that draw symbols. */
  atlas?: HTMLCanvasElement;
  atlasGrid?: [number, number];
  /** MapLibre layer drawn above this one (the interleaved overlay reads it). */
  beforeId?: string;
}

const defaultProps: DefaultProps<StoryLayerProps> = {
  filterMode: FILTER.none,
  day: 0,
  fadeDays: 0,
  strokeWidth: 0,
  dash: { type: 'array', value: [0, 0], compare: true },
  highlighted: { type: 'array', value: [-1, -1], compare: true },
  highlightScale: 1,
  atlasGrid: { type: 'array', value: [1, 1], compare: true },
};

/**
 * One texture per atlas and device, shared by every layer that draws from it, and one blank texture
 * for the layers that draw no symbols (WebGL wants the sampler bound all the same). Uploading the
 * atlas and making its mipmaps once rather than once a layer spares the GPU at load; the textures
 * live as long as the map's WebGL device.
 */
const atlasTextures = new WeakMap<Device, WeakMap<object, Texture>>();
const NO_ATLAS = {};
function atlasTexture(device: Device, canvas: HTMLCanvasElement | undefined): Texture {
  let textures = atlasTextures.get(device);
  if (!textures) atlasTextures.set(device, (textures = new WeakMap()));
  const key = canvas ?? NO_ATLAS;
  let texture = textures.get(key);
  if (texture) return texture;
  const width = canvas?.width || 1;
  const height = canvas?.height || 1;
  texture = device.createTexture({
    format: 'rgba8unorm',
    width,
    height,
    mipLevels: device.getMipLevelCount(width, height),
    sampler: { minFilter: 'linear', magFilter: 'linear', mipmapFilter: 'linear', addressModeU: 'clamp-to-edge', addressModeV: 'clamp-to-edge' },
  });
  if (canvas) {
    texture.copyExternalImage({ image: canvas });
    (texture as unknown as { generateMipmapsWebGL?(): void }).generateMipmapsWebGL?.();
  }
  textures.set(key, texture);
  return texture;
}

/** The index picking treats as nothing (deck.gl's PICKING_INVALID_INDEX). */
const NOT_PICKABLE = 16777215;

const NAMES = Object.keys(ATTRIBUTES) as AttributeName[];

interface State {
  model?: Model;
  buffers?: Record<string, Buffer>;
  atlas?: Texture;
  /** Instances taken out of picking while deck.gl picks several objects at one point. */
  disabled: number[];
  [key: string]: unknown;
}

export class StoryLayer extends Layer<StoryLayerProps & LayerProps> {
  static layerName = 'StoryLayer';
  static defaultProps = defaultProps;
  declare state: State;

  getShaders() {
    return super.getShaders({ vs, fs, modules: [storyUniforms, picking] });
  }

  initializeState(): void {
    const model = new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: NAMES.map((name) => ({ name, format: ATTRIBUTES[name].format, stepMode: 'instance' as const })),
      topology: 'triangle-strip',
      vertexCount: 4,
      isInstanced: true,
      instanceCount: 0,
      // deck.gl sets its own modules' props (project, layer) on every model; this one has none of them.
      disableWarnings: true,
    } as any);
    this.setState({ model, disabled: [] });
  }

  updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    const { props, oldProps } = params;
    if (props.geometry !== oldProps.geometry) this.upload(props.geometry);
    if (!this.state.atlas || props.atlas !== oldProps.atlas) this.bindAtlas(props.atlas);
  }

  /** deck.gl sets the instance count from this after every update. */
  getNumInstances(): number {
    return this.props.geometry.count;
  }

  private upload(geometry: StoryGeometry): void {
    const device = this.context.device;
    for (const buffer of Object.values(this.state.buffers ?? {})) buffer.destroy();
    // A layer with nothing to draw still gets a buffer of one element: WebGL wants every attribute bound.
    const buffers = Object.fromEntries(
      NAMES.map((name) => [name, device.createBuffer({ data: geometry[name].length ? geometry[name] : new (geometry[name].constructor as Float32ArrayConstructor)(ATTRIBUTES[name].size) })]),
    );
    this.state.model!.setAttributes(buffers);
    this.state.model!.setInstanceCount(geometry.count);
    this.setState({ buffers, disabled: [] });
  }

  private bindAtlas(canvas: HTMLCanvasElement | undefined): void {
    const atlas = atlasTexture(this.context.device, canvas);
    this.state.model!.setBindings({ storyAtlas: atlas });
    this.setState({ atlas });
  }

  draw(): void {
    const { viewport, renderPass } = this.context;
    const { props } = this;
    // The view's matrix after a move to ORIGIN: its last column takes the translation.
    const viewProjection = Array.from(viewport.viewProjectionMatrix as number[]);
    for (let row = 0; row < 4; row++) viewProjection[12 + row] += viewProjection[row] * ORIGIN[0] + viewProjection[4 + row] * ORIGIN[1];
    const model = this.state.model!;
    model.shaderInputs.setProps({
      story: {
        viewProjection,
        viewportSize: [viewport.width, viewport.height],
        pixelsToWorld: 1 / viewport.scale,
        day: props.day,
        fadeDays: props.fadeDays,
        filterMode: props.filterMode,
        // As deck.gl's own layers take it: a layer's opacity is gamma-corrected.
        opacity: Math.pow(props.opacity, 1 / 2.2),
        strokeWidth: props.strokeWidth,
        dash: props.dash,
        highlighted: props.highlighted,
        highlightScale: props.highlightScale,
        atlasGrid: props.atlasGrid,
      },
    } as any);
    model.draw(renderPass);
  }

  /** Takes one object out of picking, so that deck.gl can pick what lies beneath it. */
  disablePickingIndex(objectIndex: number): void {
    const { geometry } = this.props;
    const buffer = this.state.buffers?.pickIndex;
    if (!buffer) return;
    for (let i = 0; i < geometry.count; i++) {
      if (geometry.pickIndex[i] !== objectIndex) continue;
      buffer.write(new Float32Array([NOT_PICKABLE]), i * 4);
      this.state.disabled.push(i);
    }
  }

  restorePickingColors(): void {
    const { geometry } = this.props;
    const buffer = this.state.buffers?.pickIndex;
    for (const i of this.state.disabled) buffer?.write(geometry.pickIndex.subarray(i, i + 1), i * 4);
    this.state.disabled = [];
  }

  finalizeState(context: Parameters<Layer['finalizeState']>[0]): void {
    super.finalizeState(context);
    for (const buffer of Object.values(this.state.buffers ?? {})) buffer.destroy();
    this.state.model?.destroy();
  }
}
