/**
 * The storage state the shell shows: whether the browser keeps the tablet's data
 * (persistent storage) and whether the quota is (nearly) used up. Browsers may evict
 * IndexedDB under storage pressure unless the site has persistent storage.
 */
import { requestPersistentStorage, type PersistenceResult } from '../../db/persistence';
import { classifyStorageError } from '../../db/storageErrors';

export type StorageState =
  | { kind: 'ok' }
  | { kind: 'refused' }
  | { kind: 'nearly_full'; usedPercent: number }
  | { kind: 'full' }
  | { kind: 'unknown' };

const NEARLY_FULL_RATIO = 0.9;
const FULL_RATIO = 0.98;

/** Classifies the result of the persistence request and the quota estimate. */
export function classifyStorage(result: PersistenceResult): StorageState {
  const { usageBytes, quotaBytes } = result;
  if (usageBytes !== null && quotaBytes !== null && quotaBytes > 0) {
    const ratio = usageBytes / quotaBytes;
    if (ratio >= FULL_RATIO) return { kind: 'full' };
    if (ratio >= NEARLY_FULL_RATIO) return { kind: 'nearly_full', usedPercent: Math.floor(ratio * 100) };
  }
  switch (result.status) {
    case 'persisted':
      return { kind: 'ok' };
    case 'denied':
      return { kind: 'refused' };
    case 'unsupported':
      return { kind: 'unknown' };
  }
}

type Listener = () => void;

let currentState: StorageState = { kind: 'unknown' };
const listeners = new Set<Listener>();

function setStorageState(next: StorageState): void {
  currentState = next;
  listeners.forEach((listener) => listener());
}

/** Returns the last known storage state, for `useSyncExternalStore`. */
export function getStorageState(): StorageState {
  return currentState;
}

export function subscribeStorageState(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Asks for persistent storage again, reads the quota and publishes the result. */
export async function refreshStorageState(): Promise<StorageState> {
  const next = classifyStorage(await requestPersistentStorage());
  setStorageState(next);
  return next;
}

/**
 * Reports a failed local write. A full quota (StorageFullError or a wrapped
 * QuotaExceededError) marks the storage full at once, until the next periodic check;
 * returns whether it was one.
 */
export function reportStorageError(error: unknown): boolean {
  if (classifyStorageError(error) !== 'quota') return false;
  markStorageFull();
  return true;
}

/** Marks the storage full, for example when replication could not store a pulled document. */
export function markStorageFull(): void {
  if (currentState.kind !== 'full') setStorageState({ kind: 'full' });
}
