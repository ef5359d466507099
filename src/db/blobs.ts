import type { DexieOptions } from 'dexie';
import { Observable, Subject } from 'rxjs';
import type { BlobRef } from '../domain/schemas/common';
import { backoffDelayMs, DEFAULT_BACKOFF, onlineEventTarget, waitOrWake, type BackoffOptions } from './backoff';
import { ApiError, apiErrorFrom, NetworkError } from './http';
import { BlobStore, type BlobRecord, type ImageSize } from './blobStore';
import type { SessionManager } from './session';
import { failedOutcome, type RequestOutcome } from './syncErrors';

// Uploads running at once: enough to fill the link, few enough to leave browser connections
// for replication (six per server on HTTP/1.1, two of them held by pull streams).
export const UPLOAD_CONCURRENCY = 3;
const UPLOAD_PAGE_SIZE = 30;

/** The content of a photo view: the image, or a placeholder while the bytes are on their way. */
export type BlobView =
  | { status: 'loading' }
  | { status: 'ready'; url: string }
  /** Not on this tablet and not downloadable yet (the other tablet has not uploaded it, or offline); retried. */
  | { status: 'waiting'; code: 'not_uploaded_yet' | 'offline' | 'error' };

/** The server has no blob with this hash yet: the tablet that took the photo has not uploaded it. */
export class BlobNotFoundError extends Error {
  readonly code = 'blob_not_found';

  constructor(readonly sha256: string) {
    super(`blob ${sha256} is not on the server yet; the tablet that took it has not uploaded it`);
    this.name = 'BlobNotFoundError';
  }
}

export interface BlobServiceOptions {
  dealerId: string;
  session: SessionManager;
  /** Dexie options, for example `{ indexedDB, IDBKeyRange }` from fake-indexeddb in Node tests. */
  dexieOptions?: DexieOptions;
  backoff?: BackoffOptions;
}

/**
 * Photos and signature images of the tablet: stored locally by SHA-256 (src/db/blobStore.ts),
 * uploaded by a queue that survives reloads and offline periods, and downloaded lazily
 * when a document from another tablet refers to an image this tablet lacks.
 */
export class BlobService {
  readonly store: BlobStore;
  private readonly session: SessionManager;
  private readonly backoff: BackoffOptions;
  private readonly outcomes = new Subject<RequestOutcome>();
  private readonly downloads = new Map<string, Promise<Uint8Array>>();
  private readonly stopped = new AbortController();
  private draining = false;
  private drainAgain = false;
  private uploadFailures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly wakeOnline = () => this.startUploads();

  /** The result of every upload and download request, for the sync indicator. */
  readonly outcomes$: Observable<RequestOutcome> = this.outcomes.asObservable();

  constructor(options: BlobServiceOptions) {
    this.store = new BlobStore(options.dealerId, options.dexieOptions);
    this.session = options.session;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    onlineEventTarget()?.addEventListener('online', this.wakeOnline);
  }

  /** Stores an image and queues its upload; returns the BlobRef to put in a document. */
  async putBlob(bytes: Uint8Array | ArrayBuffer, mimeType: string, size?: ImageSize): Promise<BlobRef> {
    const ref = await this.store.put(bytes, mimeType, size);
    this.startUploads();
    return ref;
  }

  /** Returns the image bytes, from this tablet or downloaded from the server (then kept locally). */
  async getBlobBytes(ref: BlobRef): Promise<Uint8Array> {
    const local = await this.store.getData(ref.sha256);
    if (local) return new Uint8Array(local);

    let download = this.downloads.get(ref.sha256);
    if (!download) {
      download = this.download(ref).finally(() => this.downloads.delete(ref.sha256));
      this.downloads.set(ref.sha256, download);
    }
    return download;
  }

  /** Returns an object URL of the image for an <img>; the caller revokes it with URL.revokeObjectURL. */
  async getBlobUrl(ref: BlobRef): Promise<string> {
    const bytes = await this.getBlobBytes(ref);
    return URL.createObjectURL(new Blob([bytes.slice().buffer], { type: ref.mimeType }));
  }

  /**
   * Emits what a view of the image shows: `loading`, then `ready` with an object URL, or
   * `waiting` while the image is missing here and on the server, retrying with back-off.
   * Unsubscribing stops the retries and revokes the URL.
   */
  watchBlob(ref: BlobRef): Observable<BlobView> {
    return new Observable<BlobView>((subscriber) => {
      const cancelled = new AbortController();
      let url: string | undefined;

      const run = async () => {
        subscriber.next({ status: 'loading' });
        for (let attempt = 0; !cancelled.signal.aborted; attempt++) {
          try {
            url = await this.getBlobUrl(ref);
            if (cancelled.signal.aborted) break;
            subscriber.next({ status: 'ready', url });
            // No complete(): RxJS runs the teardown below on completion, which would revoke
            // the URL while an <img> still shows it. The view unsubscribes when it unmounts.
            return;
          } catch (error) {
            const code = error instanceof BlobNotFoundError ? 'not_uploaded_yet' : error instanceof NetworkError ? 'offline' : 'error';
            subscriber.next({ status: 'waiting', code });
            await waitOrWake(backoffDelayMs(attempt, this.backoff), cancelled.signal, onlineEventTarget());
          }
        }
      };
      void run();

      return () => {
        cancelled.abort();
        if (url) URL.revokeObjectURL(url);
      };
    });
  }

  /** Emits the number of images not on the server yet. */
  notUploaded$(): Observable<number> {
    return this.store.notUploaded$();
  }

  /** Uploads every pending image, oldest first. Safe to call often: one queue runs at a time. */
  startUploads(): void {
    if (this.stopped.signal.aborted) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    clearTimeout(this.retryTimer);
    void this.drain();
  }

  /** Resolves when no image waits for upload, or rejects after `timeoutMs`. For tests and the benchmark. */
  async awaitUploaded(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.store.countNotUploaded()) > 0) {
      if (Date.now() > deadline) throw new Error(`images still waiting for upload after ${timeoutMs} ms`);
      await waitOrWake(50, this.stopped.signal);
    }
  }

  /** Stops uploads and retries and closes the local store. */
  close(): void {
    this.stopped.abort();
    clearTimeout(this.retryTimer);
    onlineEventTarget()?.removeEventListener('online', this.wakeOnline);
    this.outcomes.complete();
    this.store.close();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    let failed = false;
    try {
      do {
        this.drainAgain = false;
        const pending = await this.store.pendingUploads(UPLOAD_PAGE_SIZE);
        const uploaded: string[] = [];
        let next = 0;
        // A pool of workers, so one slow upload does not hold back the others.
        const worker = async () => {
          while (!failed && !this.stopped.signal.aborted && next < pending.length) {
            const record = pending[next++]!;
            if (!(await this.uploadOne(record, uploaded))) failed = true;
          }
        };
        try {
          await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
        } finally {
          // One write for the page: a crash before it only means the same PUTs again, which
          // the server accepts as no-ops.
          if (uploaded.length > 0) await this.store.markUploaded(uploaded);
        }
        if (pending.length === UPLOAD_PAGE_SIZE) this.drainAgain = true;
      } while (this.drainAgain && !failed && !this.stopped.signal.aborted);
    } catch (error) {
      // A failure of the local store (closed database, full quota) ends this round; the retry
      // timer below starts another.
      failed = true;
      this.outcomes.next(failedOutcome(error));
    } finally {
      this.draining = false;
    }

    if (this.stopped.signal.aborted) return;
    if (failed) {
      const delay = backoffDelayMs(this.uploadFailures, this.backoff);
      this.uploadFailures += 1;
      this.retryTimer = setTimeout(() => this.startUploads(), delay);
    } else {
      this.uploadFailures = 0;
    }
  }

  /**
   * Uploads one image and adds its hash to `uploaded`; returns false when it should be retried
   * later. The PUT is idempotent. A retried upload sends HEAD first, so bytes the server
   * already stored from an attempt whose response was lost are not sent again.
   */
  private async uploadOne(record: BlobRecord, uploaded: string[]): Promise<boolean> {
    const { sha256, mimeType } = record;
    const path = `/api/blobs/${sha256}`;
    try {
      const data = await this.store.getData(sha256);
      if (!data) {
        await this.store.markRejected(sha256, 'missing_local_bytes');
        return true;
      }
      if (record.uploadFailures > 0) {
        const head = await this.session.fetch(path, { method: 'HEAD' });
        if (head.ok) {
          uploaded.push(sha256);
          this.outcomes.next({ ok: true, at: new Date() });
          return true;
        }
        if (head.status !== 404) throw await apiErrorFrom(head, 'HEAD');
      }

      const put = await this.session.fetch(path, { method: 'PUT', headers: { 'Content-Type': mimeType }, body: data });
      if (!put.ok) throw await apiErrorFrom(put, 'PUT');
      await put.body?.cancel().catch(() => undefined);
      uploaded.push(sha256);
      this.outcomes.next({ ok: true, at: new Date() });
      return true;
    } catch (error) {
      this.outcomes.next(failedOutcome(error));
      // A 4xx other than an auth or rate-limit response will fail the same way every time.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 408 && error.status !== 429) {
        await this.store.markRejected(sha256, error.code);
        return true;
      }
      await this.store.recordUploadFailure(sha256).catch(() => undefined);
      return false;
    }
  }

  private async download(ref: BlobRef): Promise<Uint8Array> {
    try {
      const response = await this.session.fetch(`/api/blobs/${ref.sha256}`);
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        throw new BlobNotFoundError(ref.sha256);
      }
      if (!response.ok) throw await apiErrorFrom(response, 'GET');

      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        throw new NetworkError(`/api/blobs/${ref.sha256}`, { cause: error });
      }
      if (!(await this.store.putDownloaded(ref, bytes))) {
        throw new Error(`downloaded blob ${ref.sha256} does not match its SHA-256; it was not stored`);
      }
      this.outcomes.next({ ok: true, at: new Date() });
      return bytes;
    } catch (error) {
      if (!(error instanceof BlobNotFoundError)) this.outcomes.next(failedOutcome(error));
      throw error;
    }
  }
}
