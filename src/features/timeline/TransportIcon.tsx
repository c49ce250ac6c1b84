/**
 * The timeline's buttons' symbols, drawn rather than typed: the fonts the map ships have no ⏮ ⏭ ▶
 * ❚❚, and a reader's own fonts draw them as anything from a colour emoji to an empty box.
 */
const PATHS = {
  previous: 'M2.5 2.5h2v11h-2z M13.5 2.5v11L5.5 8z',
  next: 'M11.5 2.5h2v11h-2z M2.5 2.5v11l8-5.5z',
  play: 'M4 2.5v11L13.5 8z',
  pause: 'M3.5 2.5H7v11H3.5z M9 2.5h3.5v11H9z',
} as const;

export function TransportIcon({ kind, className }: { kind: keyof typeof PATHS; className?: string }) {
  return (
    <svg className={`transport-icon${className ? ` ${className}` : ''}`} data-icon={kind} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[kind]} fill="currentColor" />
    </svg>
  );
}
