/**
 * The small, eager part of story mode: the header button, and the slot where the story panel
 * appears. The panel itself (and the chapter schema) is a chunk of its own, loaded when a reader
 * opens the story or follows a `#chapter=` link.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppStore, useStoreApi } from '../../state/store';
import { strings } from '../../i18n/strings';
import { fetchStory, firstChapterId } from './storyData';

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

/** "Story" in the header: shown once the story is known to have chapters. */
export function StoryButton() {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.chapterId !== null);
  // Asked only once the layers have settled, so the chapters never compete with the map's data.
  const settled = useAppStore((s) => s.config !== null && Object.values(s.layers).every((l) => l?.status !== 'loading'));
  const [first, setFirst] = useState<string | null>(null);
  const t = strings[lang];

  useEffect(() => {
    if (!settled && !open) return;
    let live = true;
    fetchStory().then((raw) => live && setFirst(firstChapterId(raw)));
    return () => {
      live = false;
    };
  }, [settled, open]);

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
