/**
 * The imperative map: MapLibre for the basemap and labels, deck.gl interleaved into the same WebGL
 * context for the story layers. React never touches it directly; MapView feeds it state.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { strings, type Lang } from '../../i18n/strings';
import type { PlaceFeature } from '../../data/schema';
import { buildStyle, nameField, PLACES_SOURCE } from './style';
import { pickedFeature, type Picked } from './layers';
import { MapHealth, type MapStatus } from './health';
import { handOverLayers } from './handOver';
import { fitZoom } from './fitZoom';

// After a production build MapLibre cannot find its worker on its own (see notes/platform.md).
setWorkerUrl(new URL(workerUrl, document.baseURI).href);
// The map is created only once config.json is checked; its workers can boot while that loads.
prewarm();

export interface MapEngineOptions {
  container: HTMLElement;
  baseUrl: string;
  lang: Lang;
  center: [number, number];
  zoom: number;
  bounds: [number, number, number, number];
  attribution: string;
  /** The story's places, if they have loaded before the map is made (later ones come through setPlaces). */
  places?: PlaceFeature[];
  /** In an embed, one-finger drags and plain wheel scroll the host page, not the map. */
  cooperativeGestures?: boolean;
  /** A view from a link wins over the story's default, and is not refitted to the screen. */
  initialView?: { center: [number, number]; zoom: number } | null;
  onViewChange?(view: { center: [number, number]; zoom: number }): void;
  onPick(id: string | null): void;
  onHover(hit: { id: string; x: number; y: number } | null): void;
  onError(message: string): void;
  /** The map cannot start, is slow to, or has lost its WebGL context (see health.ts). */
  onStatus?(status: MapStatus): void;
}

/** Symbols have holes (the plane in a base's square) and fingers are broad: pick near misses too. */
const PICK_RADIUS = 6;

const LABEL_LAYERS = ['basemap-labels', 'story-places-labels'];

/** MapLibre's own interface text (zoom buttons, the cooperative-gesture hint) in the reader's language. */
function mapUiStrings(lang: Lang): Record<string, string> {
  const t = strings[lang];
  return {
    'NavigationControl.ZoomIn': t.mapZoomIn,
    'NavigationControl.ZoomOut': t.mapZoomOut,
    'CooperativeGesturesHandler.WindowsHelpText': t.mapCtrlScroll,
    'CooperativeGesturesHandler.MacHelpText': t.mapCmdScroll,
    'CooperativeGesturesHandler.MobileHelpText': t.mapTwoFingers,
  };
}

/** The places as the label layer reads them: a name in each language and a rank. */
function placesData(places: PlaceFeature[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: places.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { id: f.properties.id, name_ar: f.properties.title.ar, name_en: f.properties.title.en, rank: f.properties.rank },
    })),
  };
}

export class MapEngine {
  readonly map: MapLibreMap;
  private readonly overlay: MapLibreOverlay;
  private readonly health: MapHealth;
  private layers: Layer[] = [];
  private drawnOnce = false;
  private styleParsed = false;
  /** deck.gl refuses to pick (it throws) until it has its device; until then nothing of the story is drawn. */
  private deckReady = false;
  private settleDeck: () => void = () => {};
  /**
   * deck.gl gets its WebGL device from a chunk of its own, and until then draws nothing: MapLibre
   * can go idle before the story is on screen. Settles when deck.gl is ready, or has failed.
   */
  private readonly deckSettled = new Promise<void>((resolve) => (this.settleDeck = resolve));
  private navigation: NavigationControl | null = null;

  constructor(private readonly options: MapEngineOptions) {
    const [west, south, east, north] = options.bounds;
    this.map = new MapLibreMap({
      container: options.container,
      style: buildStyle(options.baseUrl, options.lang, placesData(options.places ?? [])),
      center: options.initialView?.center ?? options.center,
      zoom: options.initialView?.zoom ?? fitZoom(options.zoom, options.container.clientWidth),
      cooperativeGestures: options.cooperativeGestures ?? false,
      locale: mapUiStrings(options.lang),
      minZoom: 3,
      maxZoom: 13,
      // Kept inside the shipped basemap, whose clipped edges would otherwise show.
      maxBounds: [[west - 2, south - 1], [east + 2, north + 1]],
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      // Opaque, as the sea fills it: the compositor need not blend it with the page beneath. The
      // drawing buffer is not preserved (that costs every frame a copy): see drawNow.
      canvasContextAttributes: { alpha: false },
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new AttributionControl({ compact: false, customAttribution: options.attribution }), 'bottom-right');
    this.placeNavigation(options.lang);
    this.health = new MapHealth((status) => options.onStatus?.(status));
    this.map.on('error', (event) => {
      const message = event.error?.message ?? 'map error';
      options.onError(message);
      // Before the first frame an error (the worker or the basemap failed to load) means no map.
      this.health.error(message);
    });
    // When the browser takes the WebGL context away, the reader is told; when it gives it back,
    // MapView builds a new engine (deck.gl's overlay cannot be restored in place).
    this.map.getCanvas().addEventListener('webglcontextlost', this.onContextLost);
    this.map.getCanvas().addEventListener('webglcontextrestored', this.onContextRestored);
    const reportView = () => {
      const c = this.map.getCenter();
      options.onViewChange?.({ center: [c.lng, c.lat], zoom: this.map.getZoom() });
    };
    // Reported once at load too, so a link copied before any pan still carries the exact view.
    this.map.once('load', reportView);
    this.map.on('moveend', reportView);

    this.overlay = this.createOverlay();
    this.map.addControl(this.overlay);
    // Clicks are picked here rather than through deck's onClick, which missed the first tap after
    // load when no pointer had moved over the map yet (every tap, on a touch screen).
    this.map.on('click', (event) => {
      const info = this.deckReady ? this.overlay.pickObject({ x: event.point.x, y: event.point.y, radius: PICK_RADIUS }) : null;
      options.onPick(info?.object ? pickedFeature(info.object as Picked).properties.id : null);
    });
    // MapLibre parses a style a frame after it is given one, so this always hears it.
    this.map.once('style.load', () => {
      this.styleParsed = true;
      this.handOver();
    });
    this.map.once('idle', () => this.health.idle());
    void this.whenIdle().then(() => (this.drawnOnce = true));
  }

  private createOverlay(): MapLibreOverlay {
    const { options } = this;
    return new MapLibreOverlay({
      interleaved: true,
      layers: [],
      pickingRadius: PICK_RADIUS,
      onHover: (info: PickingInfo) =>
        options.onHover(info.object ? { id: pickedFeature(info.object as Picked).properties.id, x: info.x, y: info.y } : null),
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
      // Not onLoad: the overlay wraps deck.gl's onLoad to follow the map's camera, and handing it
      // one here would replace that wrapper at the next setProps.
      onDeviceInitialized: () => {
        this.deckReady = true;
        this.settleDeck();
      },
      onError: (error: Error) => {
        console.error('[deck.gl]', error);
        this.settleDeck(); // so that nothing waits for a story that cannot be drawn
      },
    });
  }

  private readonly onContextLost = (event: Event) => {
    event.preventDefault(); // lets the browser give the context back
    this.health.contextLost();
  };

  /**
   * MapLibre can set itself up again on the restored context, but deck.gl's overlay cannot (its GL
   * objects died with the old context): the status change makes MapView replace the whole engine,
   * at the same view, date and selection.
   */
  private readonly onContextRestored = () => this.health.contextRestored();

  /** What the map is going through now: drawing, slow to start, failed, or without its context. */
  get status(): MapStatus {
    return this.health.current;
  }

  setLayers(layers: Layer[]): void {
    this.layers = layers;
    this.handOver();
  }

  private handOver(): void {
    handOverLayers(this.map, this.overlay, this.layers, this.styleParsed);
  }

  /** Zoom buttons sit at the bottom of the reading end, clear of the legend and the details panel. */
  private placeNavigation(lang: Lang): void {
    if (this.navigation) this.map.removeControl(this.navigation);
    this.navigation = new NavigationControl({ showCompass: false });
    this.map.addControl(this.navigation, lang === 'ar' ? 'bottom-left' : 'bottom-right');
  }

  setLang(lang: Lang): void {
    // MapLibre reads its interface text when it builds a control; there is no setter for it.
    const ui = mapUiStrings(lang);
    Object.assign((this.map as unknown as { _locale: Record<string, string> })._locale, ui);
    const hint = this.map.getCanvasContainer().parentElement;
    const desktop = hint?.querySelector('.maplibregl-desktop-message');
    const mobile = hint?.querySelector('.maplibregl-mobile-message');
    if (desktop) desktop.textContent = /Mac|iPhone|iPad/.test(navigator.platform) ? ui['CooperativeGesturesHandler.MacHelpText'] : ui['CooperativeGesturesHandler.WindowsHelpText'];
    if (mobile) mobile.textContent = ui['CooperativeGesturesHandler.MobileHelpText'];
    this.placeNavigation(lang);
    this.whenStyleParsed(() =>
      LABEL_LAYERS.forEach((id) => this.map.getLayer(id) && this.map.setLayoutProperty(id, 'text-field', nameField(lang))),
    );
  }

  setAttribution(text: string): void {
    // The control has no setter; its DOM is ours to update.
    const el = this.options.container.querySelector('.maplibregl-ctrl-attrib-inner');
    if (el) el.textContent = text;
  }

  setPlaces(places: PlaceFeature[]): void {
    const data = placesData(places);
    this.whenStyleParsed(() => (this.map.getSource(PLACES_SOURCE) as any)?.setData(data));
  }

  /**
   * Runs `apply` now if the style has been parsed, else as soon as it is. Not at `load`: that waits
   * for every basemap file, and the places' names would then start their own round of tiling and
   * label placement only after the rest of the map was done.
   */
  private whenStyleParsed(apply: () => void): void {
    if (this.styleParsed) apply();
    else this.map.once('style.load', apply);
  }

  /** The map has been idle once with deck.gl ready: everything handed to it so far is drawn. */
  get ready(): boolean {
    return this.drawnOnce;
  }

  /** Ids of every story feature drawn within `radius` pixels of a place: what a click there could hit. */
  pickIdsAt(lng: number, lat: number, radius = 6): string[] {
    if (!this.deckReady) return [];
    const { x, y } = this.map.project([lng, lat]);
    const hits = this.overlay.pickMultipleObjects({ x, y, radius, depth: 20 });
    return [...new Set(hits.filter((h) => h.object).map((h) => pickedFeature(h.object as Picked).properties.id))];
  }

  /** Resolves once the map has drawn everything it was given, story included (tests and image export wait on it). */
  async whenIdle(): Promise<void> {
    await this.deckSettled;
    await new Promise<void>((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /**
   * Draws the map now and hands its canvas to `read` in the same task, the only time its pixels can
   * be read: the browser clears the drawing buffer once it has shown it (image export, printing).
   */
  drawNow<T>(read: (canvas: HTMLCanvasElement) => T): T {
    this.map.redraw();
    return read(this.map.getCanvas());
  }

  /** Moves the camera; without animation when the reader prefers reduced motion. */
  moveTo(view: { center: [number, number]; zoom: number }): void {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    if (reduced) this.map.jumpTo(view);
    else this.map.easeTo({ ...view, duration: 800 });
  }

  /**
   * Pans just enough that a point is not hidden under a panel covering the bottom `inset` pixels
   * (the details sheet on a phone).
   */
  revealPoint(lngLat: [number, number], inset: number): void {
    const height = this.map.getContainer().clientHeight;
    const { y } = this.map.project(lngLat);
    if (y > 24 && y < height - inset - 24) return;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    this.map.easeTo({ center: lngLat, offset: [0, -inset / 2], duration: reduced ? 0 : 500 });
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.health.dispose();
    this.map.getCanvas().removeEventListener('webglcontextlost', this.onContextLost);
    this.map.getCanvas().removeEventListener('webglcontextrestored', this.onContextRestored);
    try {
      this.map.removeControl(this.overlay);
      this.overlay.finalize();
    } catch (error) {
      // A map whose context is gone (lost, or never made) still has to go: keep removing it.
      console.warn('[map] removing the overlay:', error);
    }
    this.map.remove();
  }
}
