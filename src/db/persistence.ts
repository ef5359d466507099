/** Outcome of asking the browser to keep the tablet's data when it runs short of space. */
export type PersistenceStatus =
  /** The browser granted persistent storage just now or earlier. */
  | 'persisted'
  /** The browser refused; data may be evicted under storage pressure. */
  | 'denied'
  /** The browser has no StorageManager (old browser, or an insecure http page other than localhost). */
  | 'unsupported';

export interface PersistenceResult {
  status: PersistenceStatus;
  /** Bytes the origin uses, when the browser reports an estimate. */
  usageBytes: number | null;
  /** Bytes the origin may use, when the browser reports an estimate. */
  quotaBytes: number | null;
}

/**
 * Asks the browser to keep this origin's data (navigator.storage.persist()) and reports the
 * outcome with the current usage and quota, for the UI to show. Never throws: a browser that
 * fails the request counts as a refusal.
 */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<PersistenceResult> {
  if (!storage || typeof storage.persist !== 'function') {
    return { status: 'unsupported', usageBytes: null, quotaBytes: null };
  }

  let persisted = false;
  try {
    persisted = (await storage.persisted?.()) === true || (await storage.persist()) === true;
  } catch {
    persisted = false;
  }

  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  try {
    const estimate = await storage.estimate?.();
    usageBytes = estimate?.usage ?? null;
    quotaBytes = estimate?.quota ?? null;
  } catch {
    // Estimates are informative only, so the persistence status is returned without them.
  }

  return { status: persisted ? 'persisted' : 'denied', usageBytes, quotaBytes };
}
