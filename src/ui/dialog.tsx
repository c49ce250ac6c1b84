/** Shared pieces of the app's modal dialogs (native <dialog>: focus trap, Escape and focus return). */
import { useEffect, useRef, type RefObject } from 'react';

/** Opens the dialog as a modal when it mounts and calls `onClose` however it is closed. */
export function useModalDialog(onClose: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    const close = () => onClose();
    dialog.addEventListener('close', close);
    return () => dialog.removeEventListener('close', close);
  }, [onClose]);
  return ref;
}

export function DialogHead(props: { id: string; title: string; closeLabel: string; dialog: RefObject<HTMLDialogElement | null> }) {
  return (
    <div className="dialog-head">
      <h2 id={props.id}>{props.title}</h2>
      <button type="button" className="icon-button" onClick={() => props.dialog.current?.close()} aria-label={props.closeLabel}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
