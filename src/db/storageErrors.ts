/*
 * Failures of local IndexedDB writes, as RxDB and Dexie surface them. A browser reports a
 * full disk as a DOMException named QuotaExceededError. Dexie and RxDB wrap it (in `inner`,
 * `cause`, `failures` or RxError `parameters`), so the whole chain of wrapped errors is searched.
 */

/** The browser refused to store more data: the quota is used up or storage is disabled (private mode). */
export class StorageFullError extends Error {
  readonly code = 'storage_full';

  constructor(options?: { cause?: unknown }) {
    super('local storage is full: the browser refused to store more data; free space or sync and clear old data', options);
    this.name = 'StorageFullError';
  }
}

// IndexedDB errors that a second attempt can clear: an aborted or inactive transaction,
// Chromium's UnknownError for a busy or briefly unavailable backing store, a timeout.
const TRANSIENT_ERROR_NAMES = new Set(['AbortError', 'TransactionInactiveError', 'UnknownError', 'TimeoutError']);
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Default waits between attempts; the whole series stays within the 1 s budget for saving a field. */
export const STORAGE_RETRY_DELAYS_MS = [40, 80, 160, 320] as const;

function nestedErrors(error: object): unknown[] {
  const record = error as Record<string, unknown>;
  const nested: unknown[] = [record.inner, record.cause];
  if (Array.isArray(record.failures)) nested.push(...record.failures);
  const parameters = record.parameters;
  if (parameters && typeof parameters === 'object') {
    const parameterRecord = parameters as Record<string, unknown>;
    nested.push(parameterRecord.error, parameterRecord.writeError);
    if (Array.isArray(parameterRecord.errors)) nested.push(...parameterRecord.errors);
  }
  return nested;
}

/** Returns the names of an error and of every error it wraps. */
export function errorNames(error: unknown): string[] {
  const names: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    queue.push(...nestedErrors(current));
  }
  return names;
}

export type StorageErrorKind = 'quota' | 'transient' | 'other';

/** Classifies a failed local write: a full quota, a failure worth retrying, or anything else. */
export function classifyStorageError(error: unknown): StorageErrorKind {
  if (error instanceof StorageFullError) return 'quota';
  const names = errorNames(error);
  if (names.some((name) => QUOTA_ERROR_NAMES.has(name))) return 'quota';
  if (names.some((name) => TRANSIENT_ERROR_NAMES.has(name))) return 'transient';
  return 'other';
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs a local write, retrying transient IndexedDB failures after each of `delaysMs`.
 * A full quota is raised at once as StorageFullError: a retry cannot free space, and the
 * failed transaction changed nothing, so every earlier write is still stored.
 */
export async function withStorageRetry<T>(write: () => Promise<T>, delaysMs: readonly number[] = STORAGE_RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const kind = classifyStorageError(error);
      if (kind === 'quota') throw error instanceof StorageFullError ? error : new StorageFullError({ cause: error });
      const delay = delaysMs[attempt];
      if (kind !== 'transient' || delay === undefined) throw error;
      await wait(delay);
    }
  }
}
