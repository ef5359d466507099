/**
 * Throughput part of `npm run bench:sync`. Check-ins with a signature and four photos each
 * are recorded offline on tablet A, pushed through the real server and pulled by tablet B,
 * all with the product's own client (RxDB replication, blob upload queue, downloads). The
 * same bytes uploaded raw, with plain HTTP requests and no RxDB, give the reference figure.
 */
import { randomBytes } from 'node:crypto';
import { IDBKeyRange } from 'fake-indexeddb';
import { firstValueFrom } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { BlobService } from '../src/db/blobs';
import type { ServiceLaneDatabase } from '../src/db/database';
import { countPendingDocuments } from '../src/db/pendingChanges';
import { startReplication, type ServiceLaneReplication } from '../src/db/replication';
import { saveDocument, type DocumentDraft } from '../src/db/repository';
import { login, SessionManager } from '../src/db/session';
import { CHECKIN_UNSIGNED_FIELDS, type BlobRef, type Signature } from '../src/domain';
import { contentHash } from '../src/domain/signing';
import { checkinDraft, customerDraft, vehicleDraft } from '../tests/integration/support/fixtures';
import { memoryStorage } from '../tests/integration/support/harness';
import { createTabletStorage, openTabletDatabase } from '../tests/integration/support/storage';
import type { BenchAccount } from './sync-server';

export const PHOTOS_PER_CHECKIN = 4;
const PHOTO_BYTES = 200 * 1024;
const SIGNATURE_IMAGE_BYTES = 24 * 1024;
export const RAW_UPLOAD_CONCURRENCY = 4;
const RAW_DOCUMENT_BATCH = 100;

export interface ThroughputResult {
  checkins: number;
  blobs: number;
  documentBytes: number;
  blobBytes: number;
  /** Raw uploads before and after the sync, to other dealers, so the order of the runs does not favour either side. */
  rawUploadSeconds: [number, number];
  rawServerCpuSeconds: number;
  pushSeconds: number;
  /** Until tablet B has every check-in. */
  documentsOnSecondTabletSeconds: number;
  /** Until tablet B also downloaded every photo and signature image. */
  everythingOnSecondTabletSeconds: number;
  serverCpuSeconds: number;
}

interface Tablet {
  db: ServiceLaneDatabase;
  session: SessionManager;
  blobs: BlobService;
  replication: ServiceLaneReplication | null;
  dealerId: string;
  username: string;
}

async function openBenchTablet(url: string, account: BenchAccount): Promise<Tablet> {
  const storage = memoryStorage();
  const tabletStorage = createTabletStorage();
  const session = new SessionManager({ storage });
  const loggedIn = await session.login(url, account);
  const db = await openTabletDatabase(tabletStorage.rxStorage);
  const blobs = new BlobService({ dealerId: loggedIn.dealer.id, session, dexieOptions: { indexedDB: tabletStorage.indexedDB, IDBKeyRange } });
  return { db, session, blobs, replication: null, dealerId: loggedIn.dealer.id, username: loggedIn.user.username };
}

function startTabletReplication(tablet: Tablet, url: string): ServiceLaneReplication {
  tablet.replication = startReplication(tablet.db, { baseUrl: url, session: tablet.session, storage: memoryStorage(), waitForLeadership: false });
  return tablet.replication;
}

async function closeTablet(tablet: Tablet): Promise<void> {
  await tablet.replication?.cancel();
  tablet.blobs.close();
  await tablet.db.close();
}

/** Bytes shaped like a JPEG photo (start marker, then incompressible data, as compressed pixels are). */
function imageBytes(size: number, marker: number[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(randomBytes(size));
  bytes.set(marker);
  return bytes;
}

function signatureStrokes(): Signature['strokes'] {
  return Array.from({ length: 6 }, (_, stroke) => ({
    points: Array.from({ length: 50 }, (_, point) => ({
      x: Math.min(1, 0.1 + stroke * 0.13 + point * 0.002),
      y: 0.4 + Math.sin(point / 5) * 0.2,
      pressure: 0.5,
      time: stroke * 400 + point * 8,
    })),
  }));
}

interface PreparedCheckin {
  draft: DocumentDraft<'checkins'>;
  blobs: Array<{ ref: BlobRef; bytes: Uint8Array<ArrayBuffer> }>;
}

/** Records one signed check-in with four photos on the tablet, as the walkaround does, offline. */
async function recordCheckin(tablet: Tablet, index: number): Promise<PreparedCheckin> {
  const customer = customerDraft({ mobile: `139${String(10_000_000 + index).slice(-8)}` });
  const vehicle = vehicleDraft(customer);
  const photos: PreparedCheckin['blobs'] = [];
  for (let photo = 0; photo < PHOTOS_PER_CHECKIN; photo++) {
    const bytes = imageBytes(PHOTO_BYTES, [0xff, 0xd8, 0xff, 0xe0]);
    photos.push({ bytes, ref: await tablet.blobs.store.put(bytes, 'image/jpeg', { width: 1600, height: 1200 }) });
  }
  const signatureImage = imageBytes(SIGNATURE_IMAGE_BYTES, [0x89, 0x50, 0x4e, 0x47]);
  const signatureRef = await tablet.blobs.store.put(signatureImage, 'image/png', { width: 1200, height: 480 });

  const base = checkinDraft(customer, vehicle, {
    number: `JC20261204-${String(index).padStart(4, '0')}`,
    dealerId: tablet.dealerId,
    createdAt: new Date().toISOString(),
  });
  const [firstMark, secondMark] = base.damageMarks;
  const unsigned: DocumentDraft<'checkins'> = {
    ...base,
    damageMarks: [
      { ...firstMark!, photos: photos.slice(0, 2).map((photo) => photo.ref) },
      { ...secondMark!, photos: photos.slice(2, 3).map((photo) => photo.ref) },
    ],
    photos: photos.slice(3).map((photo) => photo.ref),
  };
  const signature: Signature = {
    id: uuidv7(),
    signerName: customer.name,
    signedAt: new Date().toISOString(),
    contentHash: await contentHash(unsigned, CHECKIN_UNSIGNED_FIELDS),
    padAspectRatio: 2.5,
    strokes: signatureStrokes(),
    image: signatureRef,
  };
  const draft = { ...unsigned, signatures: [signature] };
  await saveDocument(tablet.db, 'checkins', draft, { user: tablet.username, dealerId: tablet.dealerId });
  return { draft, blobs: [...photos, { ref: signatureRef, bytes: signatureImage }] };
}

async function waitUntil(description: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`benchmark timed out after ${timeoutMs} ms waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runWithConcurrency<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await work(item);
      }
    }),
  );
}

/** Uploads the same images and documents with plain fetch calls: no RxDB, no local store, no HEAD check. */
async function rawUpload(url: string, account: BenchAccount, prepared: readonly PreparedCheckin[]): Promise<number> {
  const session = await login(url, account, { storage: memoryStorage() });
  const headers = { Authorization: `Bearer ${session.accessToken}` };
  const started = performance.now();

  await runWithConcurrency(prepared.flatMap((checkin) => checkin.blobs), RAW_UPLOAD_CONCURRENCY, async ({ ref, bytes }) => {
    const response = await fetch(`${url}/api/blobs/${ref.sha256}`, { method: 'PUT', headers: { ...headers, 'Content-Type': ref.mimeType }, body: bytes });
    if (!response.ok) throw new Error(`raw upload of blob ${ref.sha256} failed with status ${response.status}`);
    await response.arrayBuffer();
  });

  const now = new Date().toISOString();
  // New ids, because a document id belongs to one dealer and the sync run uses the originals.
  const rows = prepared.map(({ draft }) => ({
    newDocumentState: { ...draft, id: uuidv7(), dealerId: session.dealer.id, updatedAt: now, updatedBy: session.user.username, mergeConflicts: [], _deleted: false },
  }));
  for (let start = 0; start < rows.length; start += RAW_DOCUMENT_BATCH) {
    const response = await fetch(`${url}/api/sync/checkins/push`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(rows.slice(start, start + RAW_DOCUMENT_BATCH)),
    });
    const answer = (await response.json()) as unknown[];
    if (!response.ok || answer.length > 0) throw new Error(`raw document upload failed with status ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return (performance.now() - started) / 1000;
}

export async function measureThroughput(options: {
  url: string;
  checkins: number;
  writer: BenchAccount;
  reader: BenchAccount;
  raw: [BenchAccount, BenchAccount];
  serverCpuSeconds: () => number;
  log: (line: string) => void;
}): Promise<ThroughputResult> {
  const { url, log } = options;
  const writer = await openBenchTablet(url, options.writer);
  const reader = await openBenchTablet(url, options.reader);

  try {
    log(`recording ${options.checkins} check-ins with ${PHOTOS_PER_CHECKIN} photos and a signature each on tablet A (offline)…`);
    const prepared: PreparedCheckin[] = [];
    for (let index = 0; index < options.checkins; index++) prepared.push(await recordCheckin(writer, index));
    const blobs = prepared.flatMap((checkin) => checkin.blobs);
    const blobBytes = blobs.reduce((sum, blob) => sum + blob.bytes.byteLength, 0);
    const documentBytes = prepared.reduce((sum, checkin) => sum + JSON.stringify(checkin.draft).length, 0);

    // Tablet B is online and idle before A reconnects, as another advisor's tablet would be.
    const readerReplication = startTabletReplication(reader, url);
    await readerReplication.awaitInSync();

    log('raw bulk upload of the same bytes…');
    const rawCpuBefore = options.serverCpuSeconds();
    const rawBeforeSeconds = await rawUpload(url, options.raw[0], prepared);
    const rawServerCpuSeconds = options.serverCpuSeconds() - rawCpuBefore;
    log(`  ${rawBeforeSeconds.toFixed(1)} s`);

    log('tablet A reconnects: replication and the upload queue start…');
    const cpuBefore = options.serverCpuSeconds();
    const started = performance.now();
    const writerReplication = startTabletReplication(writer, url);
    writer.blobs.startUploads();

    const expected = options.checkins;
    let documentsOnSecondTabletSeconds = Number.NaN;
    const readerHasAll = waitUntil('tablet B holds every check-in', async () => (await reader.db.checkins.count().exec()) >= expected, 30 * 60_000).then(() => {
      documentsOnSecondTabletSeconds = (performance.now() - started) / 1000;
    });
    await waitUntil(
      'tablet A has pushed every document and image',
      async () => (await writer.blobs.store.countNotUploaded()) === 0 && (await countPendingDocuments(writerReplication.states.checkins)) === 0,
      30 * 60_000,
    );
    const pushSeconds = (performance.now() - started) / 1000;
    log(`  pushed in ${pushSeconds.toFixed(1)} s`);
    const rejected = await firstValueFrom(writerReplication.rejections$);
    if (rejected.length > 0) throw new Error(`the server rejected ${rejected.length} documents, first: ${rejected[0]?.message}`);
    await readerHasAll;

    const received = await reader.db.checkins.find().exec();
    const refs = received.flatMap((checkin) => [...checkin.damageMarks.flatMap((mark) => mark.photos), ...checkin.photos, ...checkin.signatures.map((signature) => signature.image)]);
    await runWithConcurrency(refs, 4, async (ref) => {
      await reader.blobs.getBlobBytes(ref);
    });
    const everythingOnSecondTabletSeconds = (performance.now() - started) / 1000;
    const serverCpuSeconds = options.serverCpuSeconds() - cpuBefore;
    if (refs.length !== blobs.length) throw new Error(`tablet B found ${refs.length} image references, expected ${blobs.length}`);
    log(`  tablet B had every image after ${everythingOnSecondTabletSeconds.toFixed(1)} s`);

    log('raw bulk upload again, to a third dealer…');
    const rawAfterSeconds = await rawUpload(url, options.raw[1], prepared);
    log(`  ${rawAfterSeconds.toFixed(1)} s`);

    return {
      checkins: options.checkins,
      blobs: blobs.length,
      documentBytes,
      blobBytes,
      rawUploadSeconds: [rawBeforeSeconds, rawAfterSeconds],
      rawServerCpuSeconds,
      pushSeconds,
      documentsOnSecondTabletSeconds,
      everythingOnSecondTabletSeconds,
      serverCpuSeconds,
    };
  } finally {
    await closeTablet(writer);
    await closeTablet(reader);
  }
}
