/**
 * The small, eager part of story mode: the header button, and the slot where the story panel
 * appears. The panel itself (and the chapter schema) is a chunk of its own, loaded when a reader
 * opens the story or follows a `#chapter=` link.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore, useStoreApi } from '../../state/store';
import { strings } from '../../i18n/strings';
import { fetchStory, firstChapterId } from './storyData';
import { layersSettled } from '../../state/selectors';

// A chunk that cannot be fetched (a new version deployed under an open page) costs only the story.
const StoryMode = lazy(() => import('./StoryMode').catch(() => ({ default: StoryUnavailable })));

function StoryUnavailable() {
  const lang = useAppStore((s) => s.lang);
  const setChapter = useAppStore((s) => s.setChapter);
  const t = strings[lang];
  return (
    <aside className="story-panel story-unavailable" data-testid="story-panel">
      <p role="alert">{t.partFailed}</p>
      <button type="button" className="text-button" onClick={() => setChapter(null)}>
        {t.closeStory}
      </button>
    </aside>
  );
}

/** How long the Story button waits for a first view that does not come. */
const STORY_WAIT_MS = 8000;

/** Runs `task` once the browser is idle (after `delayMs`, if given); returns a cancel. */
function whenBrowserIdle(task: () => void, delayMs = 0): () => void {
  let handle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') handle = requestIdleCallback(task, { timeout: 2000 });
    else task();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (handle !== undefined) cancelIdleCallback(handle);
  };
}

/** "Story" in the header: shown once the story is known to have chapters. */
export function StoryButton() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.chapterId !== null);
  // Asked only once the first view is on screen, so the chapters never compete with the map's data
  // and first draw; a map that never draws (an embed out of sight) holds them back only so long.
  const settled = useAppStore((s) => layersSettled(s.config, s.layers));
  const shown = useAppStore((s) => s.firstViewShown);
  const [first, setFirst] = useState<string | null>(null);
  const t = strings[lang];

  useEffect(() => {
    if (!settled && !open) return;
    let live = true;
    const ask = () => fetchStory().then((raw) => live && setFirst(firstChapterId(raw)));
    if (open) ask();
    // After the first view, when the browser has a moment; without one, only so long.
    const cancel = open ? undefined : whenBrowserIdle(ask, shown ? 0 : STORY_WAIT_MS);
    return () => {
      live = false;
      cancel?.();
    };
  }, [settled, shown, open]);

  if (!first) return null;
  const toggle = () => {
    const s = store.getState();
    s.setChapter(open ? null : (s.chapters?.[0]?.id ?? first));
  };
  return (
    <button type="button" className="text-button story-button" aria-pressed={open} title={t.storyLabel} onClick={toggle} data-testid="story-button">
      {t.story}
    </button>
  );
}

/** Where the story panel goes, inside the map's stage. */
export function StorySlot() {
  const open = useAppStore((s) => s.chapterId !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <StoryMode />
    </Suspense>
  );
}
