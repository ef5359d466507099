import { useCallback, useEffect, useRef, useState } from 'react';
import { canonicalJson } from '../../domain/canonical';
import { mergeDocuments } from '../../domain/merge';
import type { Checkin } from '../../domain/schemas/checkin';
import { registerDraftFlusher } from '../drafts/flush';
import { clearDraftBackup, readDraftBackup, writeDraftBackup } from './draftBackup';
import { saveCheckin, watchCheckin, type CheckinDatabase, type WriteContext } from './store';

/** Delay between the last change and its save; with the write itself well under the 1 s budget. */
export const DRAFT_SAVE_DELAY_MS = 250;

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: unknown };

export type DraftState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'ready'; checkin: Checkin };

export interface CheckinDraft {
  state: DraftState;
  save: SaveState;
  /** Applies a change to the sheet; it reaches IndexedDB within DRAFT_SAVE_DELAY_MS plus the write. */
  update: (change: (checkin: Checkin) => Checkin) => void;
  /** Writes any pending change now and waits for it. */
  flush: () => Promise<void>;
}

const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', '_meta', '_rev', '_attachments', '_deleted']);

/** Returns the sheet's content without bookkeeping, to tell this tab's own writes from other writers'. */
function contentKey(checkin: Checkin): string {
  return canonicalJson(Object.fromEntries(Object.entries(checkin).filter(([key]) => !BOOKKEEPING.has(key))));
}

/** Returns the sheet with the unsaved change of an earlier page merged in, or null when there is none. */
function recoverBackup(checkinId: string, stored: Checkin): Checkin | null {
  const backup = readDraftBackup(checkinId);
  if (!backup) return null;
  if (contentKey(backup.draft) === contentKey(stored)) {
    clearDraftBackup(checkinId);
    return null;
  }
  const storedMovedOn = backup.base !== null && contentKey(backup.base) !== contentKey(stored);
  return storedMovedOn ? mergeDocuments(backup.base!, backup.draft, stored, new Date().toISOString()) : backup.draft;
}

/**
 * Holds the sheet being edited and saves every change: debounced, flushed when the page is
 * hidden or closed and when the app reloads for an update, and copied synchronously to
 * localStorage until IndexedDB has it. A change written by another
 * writer (replication, another tab) is adopted, merged with pending local edits when there
 * are any.
 */
export function useCheckinDraft(database: CheckinDatabase, context: WriteContext, checkinId: string): CheckinDraft {
  const [state, setState] = useState<DraftState>({ kind: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const currentRef = useRef<Checkin | null>(null);
  const savedRef = useRef<Checkin | null>(null);
  const pendingRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writingRef = useRef<Promise<void>>(Promise.resolve());
  const ownWritesRef = useRef<string[]>([]);

  const write = useCallback((): Promise<void> => {
    if (timerRef.current !== null) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    // Writes run one after another, so an older state never lands after a newer one.
    writingRef.current = writingRef.current.then(async () => {
      const next = currentRef.current;
      if (!pendingRef.current || !next) return;
      pendingRef.current = false;
      ownWritesRef.current = [...ownWritesRef.current.slice(-19), contentKey(next)];
      setSave({ kind: 'saving' });
      try {
        savedRef.current = await saveCheckin(database, context, next);
        if (!pendingRef.current) clearDraftBackup(checkinId);
        setSave({ kind: 'saved' });
      } catch (error) {
        // Keep the change in memory and pending, so the next change or flush retries it.
        if (currentRef.current === next) pendingRef.current = true;
        setSave({ kind: 'failed', error });
      }
    });
    return writingRef.current;
  }, [database, context, checkinId]);

  const update = useCallback((change: (checkin: Checkin) => Checkin) => {
    const current = currentRef.current;
    if (!current) return;
    const next = change(current);
    if (next === current) return;
    currentRef.current = next;
    pendingRef.current = true;
    writeDraftBackup(checkinId, { base: savedRef.current, draft: next });
    setState({ kind: 'ready', checkin: next });
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void write(), DRAFT_SAVE_DELAY_MS);
  }, [write, checkinId]);

  useEffect(() => {
    const subscription = watchCheckin(database, checkinId, (stored) => {
      if (!stored) {
        if (!currentRef.current) setState({ kind: 'missing' });
        return;
      }

      if (!currentRef.current) {
        // First load: a change left unsaved by a reload or a closed tab goes on top of the stored sheet.
        savedRef.current = stored;
        const recovered = recoverBackup(checkinId, stored);
        currentRef.current = recovered ?? stored;
        setState({ kind: 'ready', checkin: currentRef.current });
        if (recovered) {
          pendingRef.current = true;
          void write();
        }
        return;
      }

      const key = contentKey(stored);
      if (ownWritesRef.current.includes(key)) return;
      if (contentKey(currentRef.current) === key) return;

      // Another writer changed the sheet: take its version, keeping pending local edits on top.
      const base = savedRef.current ?? stored;
      const next = pendingRef.current ? mergeDocuments(base, currentRef.current, stored, new Date().toISOString()) : stored;
      currentRef.current = next;
      savedRef.current = stored;
      setState({ kind: 'ready', checkin: next });
    });
    return () => subscription.unsubscribe();
  }, [database, checkinId, write]);

  useEffect(() => {
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') void write();
    };
    const flushOnPageHide = () => void write();
    document.addEventListener('visibilitychange', flushWhenHidden);
    window.addEventListener('pagehide', flushOnPageHide);
    const unregister = registerDraftFlusher(write);
    return () => {
      document.removeEventListener('visibilitychange', flushWhenHidden);
      window.removeEventListener('pagehide', flushOnPageHide);
      unregister();
      void write();
    };
  }, [write]);

  return { state, save, update, flush: write };
}
