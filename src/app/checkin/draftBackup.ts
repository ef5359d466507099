import { checkinSchema, type Checkin } from '../../domain/schemas/checkin';

/*
 * A synchronous copy of the sheet's unsaved change in localStorage. IndexedDB writes are
 * asynchronous, and Chromium drops a write still running when the page unloads, so a reload
 * right after typing would lose it. localStorage.setItem completes before it returns. The
 * copy is removed once IndexedDB has the change.
 */

const BACKUP_PREFIX = 'service-lane.checkin-unsaved.';

export interface DraftBackup {
  /** The stored version the change was made on, for a three-way merge when both moved on. */
  base: Checkin | null;
  draft: Checkin;
}

/** Keeps the unsaved sheet; returns false when the browser refuses (private mode, full quota). */
export function writeDraftBackup(id: string, backup: DraftBackup): boolean {
  try {
    localStorage.setItem(BACKUP_PREFIX + id, JSON.stringify(backup));
    return true;
  } catch {
    return false;
  }
}

export function clearDraftBackup(id: string): void {
  try {
    localStorage.removeItem(BACKUP_PREFIX + id);
  } catch {
    // Nothing to clean up when storage is refused.
  }
}

/** Returns the unsaved change left by a closed or reloaded page, if it is a valid sheet. */
export function readDraftBackup(id: string): DraftBackup | null {
  try {
    const text = localStorage.getItem(BACKUP_PREFIX + id);
    if (!text) return null;
    const value = JSON.parse(text) as { base?: unknown; draft?: unknown };
    const draft = checkinSchema.safeParse(value.draft);
    if (!draft.success) return null;
    const base = value.base === null ? null : checkinSchema.safeParse(value.base);
    return { draft: draft.data, base: base?.success ? base.data : null };
  } catch {
    return null;
  }
}
