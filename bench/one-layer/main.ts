/**
 * The bench's third reference page (`npm run bench`): the baseline page (bench/baseline) plus the
 * least a map can add to it: one deck.gl layer of 50 triangles with the smallest shaders possible
 * (positions projected on the CPU, one matrix uniform, none of deck.gl's shader modules), handed
 * to the overlay as soon as the style is parsed. Its time to first idle over the baseline's is
 * what any addition to the basemap costs this browser before it draws anything of the story: in
 * software rendering, the first draw of a new program alone (docs/performance.md, "One layer of
 * anything").
 */
import { Layer, type UpdateParameters } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import { exposeToBench, referenceMap } from '../referenceMap';

/** deck.gl's world coordinates: Web Mercator, 512 units around the equator, y growing northwards. */
function lngLatToWorld([lng, lat]: [number, number]): [number, number] {
  const x = (512 * (lng / 180 + 1)) / 2;
  const y = (512 * (Math.PI + Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)))) / (2 * Math.PI);
  return [x, y];
}

/** Positions go to the GPU relative to this point, so 32-bit floats keep them exact. */
const ORIGIN = lngLatToWorld([13.2, 32.8]);
const TRIANGLES = 50;

const uniforms = {
  name: 'oneLayer',
  vs: 'uniform oneLayerUniforms { mat4 viewProjection; } oneLayer;',
  uniformTypes: { viewProjection: 'mat4x4<f32>' },
} as const;

const vs = `#version 300 es
in vec2 positions;
in vec4 colors;
out vec4 vColor;
void main(void) {
  gl_Position = oneLayer.viewProjection * vec4(positions, 0.0, 1.0);
  vColor = colors;
}`;

const fs = `#version 300 es
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
  fragColor = vColor;
}`;

/** Small triangles in a grid south of Tripoli, in world coordinates relative to ORIGIN. */
function triangles(): { positions: Float32Array; colors: Float32Array } {
  const positions = new Float32Array(TRIANGLES * 6);
  const colors = new Float32Array(TRIANGLES * 12);
  for (let i = 0; i < TRIANGLES; i++) {
    const lng = 13 + (i % 10) * 0.05;
    const lat = 32.5 + Math.floor(i / 10) * 0.05;
    [[lng, lat], [lng + 0.04, lat], [lng, lat + 0.04]].forEach(([x, y], corner) => {
      const [wx, wy] = lngLatToWorld([x, y]);
      positions.set([wx - ORIGIN[0], wy - ORIGIN[1]], i * 6 + corner * 2);
      colors.set([0.8, 0.1, 0.1, 0.8], i * 12 + corner * 4);
    });
  }
  return { positions, colors };
}

class OneLayer extends Layer {
  static layerName = 'OneLayer';

  getShaders() {
    return super.getShaders({ vs, fs, modules: [uniforms] });
  }

  initializeState(): void {
    const { positions, colors } = triangles();
    this.getAttributeManager()!.add({
      positions: { size: 2, type: 'float32', noAlloc: true, update: (attribute: any) => void (attribute.value = positions) },
      colors: { size: 4, type: 'float32', noAlloc: true, update: (attribute: any) => void (attribute.value = colors) },
    } as any);
  }

  updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (!this.state.model) {
      const model = new Model(this.context.device, {
        ...this.getShaders(),
        id: this.props.id,
        bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
        topology: 'triangle-list',
        vertexCount: TRIANGLES * 3,
      });
      this.setState({ model });
    }
  }

  draw(): void {
    const model = this.state.model as Model;
    // The view's matrix times a translation to ORIGIN: only its last column changes.
    const viewProjection = Array.from(this.context.viewport.viewProjectionMatrix as number[]);
    for (let row = 0; row < 4; row++) viewProjection[12 + row] += viewProjection[row] * ORIGIN[0] + viewProjection[4 + row] * ORIGIN[1];
    model.shaderInputs.setProps({ oneLayer: { viewProjection } });
    model.draw(this.context.renderPass);
  }
}

// As in the app, ready means drawn: deck.gl first needs its WebGL device (a chunk of its own).
let deckReady: () => void = () => {};
const deckDevice = new Promise<void>((resolve) => (deckReady = resolve));
const { map, overlay } = referenceMap({ onDeviceInitialized: () => deckReady() });
map.once('style.load', () => overlay.setProps({ layers: [new OneLayer({ id: 'one-layer' })] }));

let ready = false;
void deckDevice.then(() => {
  map.once('idle', () => (ready = true));
  map.triggerRepaint();
});
exposeToBench(map, () => ready);
