import { lazy, Suspense, useState } from 'react';
import { useAppStore, useStoreApi } from '../../state/store';
import { strings } from '../../i18n/strings';
import { shareUrl } from './links';
import { replaceUrl } from '../../state/safeHistory';

// The dialog is only needed by journalists, so it loads when first opened.
const EmbedDialog = lazy(() => import('./EmbedDialog'));

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareButtons() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const t = strings[lang];
  const [status, setStatus] = useState('');
  const [embedOpen, setEmbedOpen] = useState(false);

  const share = async () => {
    const url = shareUrl(store.getState());
    replaceUrl(url);
    setStatus((await copyText(url)) ? t.linkCopied : `${t.copyFailed} ${url}`);
    setTimeout(() => setStatus(''), 4000);
  };

  return (
    <>
      <button type="button" className="text-button" onClick={share}>
        {t.share}
      </button>
      <button type="button" className="text-button" onClick={() => setEmbedOpen(true)} aria-haspopup="dialog">
        {t.embed}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && <p className="toast" aria-hidden="true">{status}</p>}
      {embedOpen && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setEmbedOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
