/** Save an image of the map, print a handout, download the data. A modal, native <dialog>. */
import { useId, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { DialogHead, useModalDialog } from '../../ui/dialog';
import { useAppStore, useStoreApi, type AppState } from '../../state/store';
import { strings } from '../../i18n/strings';
import { isoOfDay } from '../../data/time';
import { composeMapImage, downloadBlob, IMAGE_SIZES, captureMap, toPngBlob } from './composeImage';
import { buildDataBundle } from './dataBundle';

const SIZE_LABEL = { screen: 'sizeScreen', projector: 'sizeProjector', a4: 'sizeA4' } as const;

/**
 * The map image printed on a handout: about 165 dots per inch across an A4 or Letter page, while
 * the map's labels (drawn at screen size) stay large enough to read on paper.
 */
const HANDOUT_IMAGE = { width: 1200, height: 750 };

export default function ExportDialog({ onClose }: { onClose(): void }) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const t = strings[lang];
  const ref = useModalDialog(onClose);
  const titleId = useId();
  const [sizeId, setSizeId] = useState<(typeof IMAGE_SIZES)[number]['id']>('screen');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const run = async (task: () => Promise<string>) => {
    setBusy(true);
    setStatus(t.preparing);
    try {
      setStatus(await task());
    } finally {
      setBusy(false);
    }
  };

  const saveImage = () =>
    run(async () => {
      const size = IMAGE_SIZES.find((s) => s.id === sizeId)!;
      try {
        const canvas = await composeMapImage(store.getState(), size);
        downloadBlob(await toPngBlob(canvas), fileName(store.getState(), `${size.width}x${size.height}.png`));
        return t.imageSaved;
      } catch (error) {
        console.warn('[export]', error);
        return t.imageFailed;
      }
    });

  const printHandout = () =>
    run(async () => {
      await prepareHandout(store);
      ref.current?.close();
      window.print();
      return '';
    });

  const downloadData = () =>
    run(async () => {
      const config = store.getState().config!;
      const { bundle, missing } = await buildDataBundle(config, new URL('data/', document.baseURI).href);
      if (missing.length === config.layers.length) return t.dataFailed;
      const blob = new Blob([JSON.stringify(bundle, null, 1)], { type: 'application/geo+json' });
      downloadBlob(blob, fileName(store.getState(), 'data.geojson', false));
      return missing.length ? `${t.dataSaved} (${missing.join(', ')}: ${t.dataFailed})` : t.dataSaved;
    });

  return (
    <dialog ref={ref} className="embed-dialog export-dialog" aria-labelledby={titleId} data-testid="export-dialog">
      <DialogHead id={titleId} title={t.exportTitle} closeLabel={t.close} dialog={ref} />
      <section className="export-section">
        <h3>{t.saveImage}</h3>
        <p>{t.imageHelp}</p>
        <fieldset className="export-sizes">
          <legend>{t.imageSize}</legend>
          {IMAGE_SIZES.map((size) => (
            <label key={size.id}>
              <input type="radio" name="export-size" value={size.id} checked={sizeId === size.id} onChange={() => setSizeId(size.id)} />{' '}
              {t[SIZE_LABEL[size.id]]}
            </label>
          ))}
        </fieldset>
        <button type="button" className="text-button" onClick={saveImage} disabled={busy} data-testid="save-image">
          {t.saveImage}
        </button>
      </section>
      <section className="export-section">
        <h3>{t.printHandout}</h3>
        <p>{t.printHelp}</p>
        <button type="button" className="text-button" onClick={printHandout} disabled={busy} data-testid="print-handout-button">
          {t.printHandout}
        </button>
      </section>
      <section className="export-section">
        <h3>{t.downloadData}</h3>
        <p>{t.dataHelp}</p>
        <button type="button" className="text-button" onClick={downloadData} disabled={busy} data-testid="download-data">
          {t.downloadData}
        </button>
      </section>
      <p role="status" className="export-status" data-testid="export-status">
        {status}
      </p>
    </dialog>
  );
}

/**
 * Puts a fresh image of the map into the print-only handout (src/features/export/PrintHandout) and
 * waits until it has decoded, so that printing right after shows it.
 */
export async function prepareHandout(store: StoreApi<AppState>): Promise<void> {
  let image: string | null = null;
  try {
    const canvas = await captureMap(store.getState().engine, HANDOUT_IMAGE.width, HANDOUT_IMAGE.height);
    image = URL.createObjectURL(await toPngBlob(canvas));
  } catch (error) {
    console.warn('[print] no map image', error); // the handout prints without it
  }
  const previous = store.getState().handout?.image;
  if (previous) URL.revokeObjectURL(previous);
  store.setState({ handout: { image } });
  if (!image) return;
  const deadline = Date.now() + 5000;
  for (;;) {
    const img = document.querySelector<HTMLImageElement>('.print-handout img.print-map');
    if (img?.complete && img.naturalWidth > 0) return;
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** `the-2019-battle-for-tripoli-mapped-2019-12-21-en-1280x720.png` */
function fileName(state: AppState, suffix: string, dated = true): string {
  const slug = (state.config?.title.en ?? 'map')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  return dated ? `${slug}-${isoOfDay(state.day)}-${state.lang}-${suffix}` : `${slug}-${suffix}`;
}
