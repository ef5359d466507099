import { Dexie, type DexieOptions, type Table } from 'dexie';
import { BehaviorSubject, concatMap, distinctUntilChanged, type Observable } from 'rxjs';
import { blobRefSchema, type BlobRef } from '../domain/schemas/common';
import { sha256Hex } from '../domain/canonical';
import { withStorageRetry } from './storageErrors';

/**
 * Upload state of a stored blob. `pending` waits for upload. `uploaded` is on the server,
 * uploaded here or downloaded from it. `rejected` was rejected by the server for good (too
 * large, wrong type); it stays counted as waiting, so the tablet never reports "synced".
 */
export type UploadState = 'pending' | 'uploaded' | 'rejected';

/** A photo or signature image stored on the tablet, keyed by the SHA-256 of its bytes; the bytes are in BlobData. */
export interface BlobRecord {
  sha256: string;
  mimeType: BlobRef['mimeType'];
  bytes: number;
  width: number;
  height: number;
  uploadState: UploadState;
  /** The server's error code of a rejected upload. */
  uploadError: string | null;
  /**
   * Failed upload attempts. A blob never tried goes straight to PUT. After a failure the
   * server may have stored it anyway (a lost response), so the next attempt sends HEAD first.
   */
  uploadFailures: number;
  /** Epoch milliseconds, so uploads run oldest first. */
  storedAt: number;
}

/**
 * The bytes of a blob, in a table of their own so that upload-state changes rewrite a small
 * record, not the image. An ArrayBuffer because every browser's IndexedDB stores it.
 */
interface BlobData {
  sha256: string;
  data: ArrayBuffer;
}

class BlobDatabase extends Dexie {
  blobs!: Table<BlobRecord, string>;
  blobData!: Table<BlobData, string>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ blobs: 'sha256, uploadState, [uploadState+storedAt]' });
    // Version 2 moved the bytes out of the state records.
    this.version(2)
      .stores({ blobs: 'sha256, uploadState, [uploadState+storedAt]', blobData: 'sha256' })
      .upgrade(async (transaction) => {
        const records = await transaction.table('blobs').toArray();
        for (const { data, ...record } of records as Array<BlobRecord & { data: ArrayBuffer }>) {
          await transaction.table('blobData').put({ sha256: record.sha256, data });
          await transaction.table('blobs').put({ ...record, uploadFailures: 1 });
        }
      });
  }
}

/** Returns the IndexedDB name of a dealer's blob store. */
export function blobDatabaseName(dealerId: string): string {
  return `service-lane-blobs-${dealerId.toLowerCase()}`;
}

export interface ImageSize {
  width: number;
  height: number;
}

function copyToArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

async function readImageSize(data: ArrayBuffer, mimeType: string): Promise<ImageSize> {
  if (typeof createImageBitmap !== 'function') {
    throw new Error('cannot read the image size in this environment: pass width and height to putBlob');
  }
  const bitmap = await createImageBitmap(new Blob([data], { type: mimeType }));
  try {
    return { width: bitmap.width, height: bitmap.height };
  } finally {
    bitmap.close();
  }
}

/**
 * The tablet's local store of photo and signature images: a Dexie database of its own,
 * apart from RxDB, so that documents hold only small BlobRefs and replicate fast.
 */
export class BlobStore {
  private readonly database: BlobDatabase;
  // Dexie's liveQuery does not emit under Node with fake-indexeddb, so this store announces
  // its own writes. Writes by another browser tab are seen at that tab's next write here.
  private readonly changed = new BehaviorSubject<void>(undefined);

  constructor(dealerId: string, dexieOptions?: DexieOptions) {
    this.database = new BlobDatabase(blobDatabaseName(dealerId), dexieOptions);
  }

  /**
   * Stores image bytes and returns their BlobRef. The size is read from the image when not
   * given. Storing the same bytes twice keeps one copy and its upload state.
   */
  async put(bytes: Uint8Array | ArrayBuffer, mimeType: string, size?: ImageSize): Promise<BlobRef> {
    const data = bytes instanceof Uint8Array ? copyToArrayBuffer(bytes) : bytes.slice(0);
    const sha256 = await sha256Hex(data);
    const { width, height } = size ?? (await readImageSize(data, mimeType));
    const ref = blobRefSchema.parse({ sha256, mimeType, bytes: data.byteLength, width, height });

    await withStorageRetry(() =>
      this.database.transaction('rw', this.database.blobs, this.database.blobData, async () => {
        if (await this.database.blobs.get(sha256)) return;
        await this.database.blobData.put({ sha256, data });
        await this.database.blobs.add({ ...ref, uploadState: 'pending', uploadError: null, uploadFailures: 0, storedAt: Date.now() });
      }),
    );
    this.changed.next();
    return ref;
  }

  /** Stores bytes downloaded from the server after checking they hash to `ref.sha256`; returns whether they did. */
  async putDownloaded(ref: BlobRef, bytes: Uint8Array): Promise<boolean> {
    const data = copyToArrayBuffer(bytes);
    if ((await sha256Hex(data)) !== ref.sha256) return false;
    await withStorageRetry(() =>
      this.database.transaction('rw', this.database.blobs, this.database.blobData, async () => {
        await this.database.blobData.put({ sha256: ref.sha256, data });
        await this.database.blobs.put({ ...ref, bytes: data.byteLength, uploadState: 'uploaded', uploadError: null, uploadFailures: 0, storedAt: Date.now() });
      }),
    );
    this.changed.next();
    return true;
  }

  async get(sha256: string): Promise<BlobRecord | undefined> {
    return this.database.blobs.get(sha256);
  }

  /** Returns the bytes of a stored blob, or undefined when this tablet does not have them. */
  async getData(sha256: string): Promise<ArrayBuffer | undefined> {
    return (await this.database.blobData.get(sha256))?.data;
  }

  /** Returns the oldest blobs waiting for upload, rejected ones excluded. */
  async pendingUploads(limit: number): Promise<BlobRecord[]> {
    return this.database.blobs.where('[uploadState+storedAt]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey]).limit(limit).toArray();
  }

  async markUploaded(sha256s: readonly string[]): Promise<void> {
    const changes = sha256s.map((key) => ({ key, changes: { uploadState: 'uploaded' as const, uploadError: null } }));
    await withStorageRetry(() => this.database.blobs.bulkUpdate(changes));
    this.changed.next();
  }

  async recordUploadFailure(sha256: string): Promise<void> {
    await withStorageRetry(() =>
      this.database.blobs.where('sha256').equals(sha256).modify((record) => {
        record.uploadFailures += 1;
      }),
    );
  }

  async markRejected(sha256: string, errorCode: string): Promise<void> {
    await withStorageRetry(() => this.database.blobs.update(sha256, { uploadState: 'rejected', uploadError: errorCode }));
    this.changed.next();
  }

  /** Counts blobs not on the server yet, rejected ones included. */
  async countNotUploaded(): Promise<number> {
    // Two index counts: Dexie runs anyOf() as a cursor walk, which took seconds for 2,000
    // blobs on fake-indexeddb, where an equals() count is one IDBIndex.count call.
    const [pending, rejected] = await Promise.all([
      this.database.blobs.where('uploadState').equals('pending').count(),
      this.database.blobs.where('uploadState').equals('rejected').count(),
    ]);
    return pending + rejected;
  }

  /** Emits the number of blobs not on the server yet, again after every change of the store. */
  notUploaded$(): Observable<number> {
    return this.changed.pipe(
      concatMap(() => this.countNotUploaded()),
      distinctUntilChanged(),
    );
  }

  close(): void {
    this.changed.complete();
    this.database.close();
  }
}
