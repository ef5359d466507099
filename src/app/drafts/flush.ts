/**
 * A registry of draft savers. A form that saves its draft with a delay (debounce) registers a
 * flusher that writes the pending change at once. Before the app reloads for an update, the
 * shell calls `flushAllDrafts()`, so nothing the advisor typed is lost.
 */

export type DraftFlusher = () => void | Promise<void>;

const flushers = new Set<DraftFlusher>();

/** Registers a flusher; returns the function that unregisters it (call it on unmount). */
export function registerDraftFlusher(flusher: DraftFlusher): () => void {
  flushers.add(flusher);
  return () => {
    flushers.delete(flusher);
  };
}

export interface FlushResult {
  flushed: number;
  failed: unknown[];
}

/**
 * Runs every registered flusher and waits for all of them. A failing flusher does not stop
 * the others; its error is returned so the caller can decide not to reload.
 */
export async function flushAllDrafts(): Promise<FlushResult> {
  const results = await Promise.allSettled([...flushers].map(async (flusher) => flusher()));
  const failed = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  return { flushed: results.length - failed.length, failed };
}

/**
 * Saves pending drafts whenever the page is hidden (tab switch, app switch, screen off):
 * after that the browser may discard the page without warning. Returns the uninstaller.
 */
export function flushDraftsWhenHidden(target: Document = document): () => void {
  const onChange = () => {
    if (target.visibilityState === 'hidden') void flushAllDrafts();
  };
  target.addEventListener('visibilitychange', onChange);
  return () => target.removeEventListener('visibilitychange', onChange);
}
