import { useId, useMemo, useState } from 'react';
import { DialogHead, useModalDialog } from '../../ui/dialog';
import { useAppStore, useStoreApi } from '../../state/store';
import { strings, type Lang } from '../../i18n/strings';
import { EMBED_SIZES, embedSnippet, shareUrl } from './links';
import { copyText } from './ShareButtons';

/** Builds an iframe code for the current state, with a live preview. A modal, native <dialog>. */
export default function EmbedDialog({ onClose }: { onClose(): void }) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const config = useAppStore((s) => s.config);
  const t = strings[lang];
  const ref = useModalDialog(onClose);
  const titleId = useId();
  const [sizeId, setSizeId] = useState(EMBED_SIZES[1].id);
  const [embedLang, setEmbedLang] = useState<Lang>(lang);
  const [copied, setCopied] = useState('');
  // The code captures the state at the moment the dialog opened, as the journalist saw it.
  const src = useMemo(() => shareUrl(store.getState(), { embed: true, lang: embedLang }), [store, embedLang]);
  const size = EMBED_SIZES.find((s) => s.id === sizeId)!;
  const title = `${t.mapOf} ${config?.title[embedLang] ?? ''}`.trim();
  const code = embedSnippet(src, title, size);

  return (
    <dialog ref={ref} className="embed-dialog" aria-labelledby={titleId} data-testid="embed-dialog">
      <DialogHead id={titleId} title={t.embedTitle} closeLabel={t.close} dialog={ref} />
      <p>{t.embedHelp}</p>
      <div className="embed-options">
        <label>
          {t.embedSize}{' '}
          <select value={sizeId} onChange={(e) => setSizeId(e.target.value)}>
            {EMBED_SIZES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.width === '100%' ? t.embedResponsive : `${s.width} × ${s.height}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.language}{' '}
          <select value={embedLang} onChange={(e) => setEmbedLang(e.target.value as Lang)}>
            <option value="ar">العربية</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <label className="embed-code">
        <span>{t.embedCode}</span>
        <textarea readOnly value={code} rows={5} dir="ltr" onFocus={(e) => e.currentTarget.select()} data-testid="embed-code" />
      </label>
      <div className="dialog-actions">
        <button type="button" className="text-button" onClick={async () => setCopied((await copyText(code)) ? t.codeCopied : t.copyFailed)}>
          {t.copyCode}
        </button>
        <span role="status">{copied}</span>
      </div>
      <h3>{t.preview}</h3>
      <div className="embed-preview">
        <iframe
          key={src + size.id}
          src={src}
          title={title}
          style={{ width: size.width === '100%' ? '100%' : `${size.width}px`, height: `${size.height}px`, border: 0 }}
        />
      </div>
    </dialog>
  );
}
