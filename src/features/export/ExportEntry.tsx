/** The header button for saving an image, printing a handout and downloading the data. Eager and small: the dialog loads on demand. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../../state/store';
import { strings } from '../../i18n/strings';

// A chunk that cannot be fetched (a new version deployed under an open page) costs only this dialog.
const ExportDialog = lazy(() => import('./ExportDialog').catch(() => ({ default: ExportUnavailable })));

function ExportUnavailable({ onClose }: { onClose(): void }) {
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    const timer = setTimeout(onClose, 6000);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <p className="toast" role="alert">
      {strings[lang].partFailed}
    </p>
  );
}

export function ExportButton() {
  const lang = useAppStore((s) => s.lang);
  const ready = useAppStore((s) => s.config !== null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  if (!ready) return null;
  return (
    <>
      <button type="button" className="text-button export-button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="export-button">
        {strings[lang].exportMenu}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
