import { createHash, randomBytes } from 'node:crypto';
import { IDBKeyRange } from 'fake-indexeddb';
import { firstValueFrom, filter, toArray, takeWhile } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BlobService, type BlobView } from '../../src/db/blobs';
import { saveDocument } from '../../src/db/repository';
import type { BlobRef } from '../../src/domain';
import { walkaround } from './support/fixtures';
import { startLossyProxy } from './support/lossyProxy';
import { openTablet, removeTestServer, startTestServer, statusWhere, TEST_BACKOFF, waitFor, type Tablet, type TestServer } from './support/harness';

let server: TestServer;
const tablets: Tablet[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await Promise.all(tablets.splice(0).map((tablet) => tablet.close()));
});

afterAll(async () => {
  await removeTestServer(server);
});

async function tablet(): Promise<Tablet> {
  const opened = await openTablet({ baseUrl: server.url });
  tablets.push(opened);
  return opened;
}

/** Bytes shaped like a shrunk JPEG photo: the JPEG start marker, then incompressible data. */
function photoBytes(size = 200 * 1024): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

const PHOTO_SIZE = { width: 1600, height: 1200 };

function checkinWithPhoto(photo: BlobRef) {
  const { checkin } = walkaround();
  const [mark, ...otherMarks] = checkin.damageMarks;
  return { ...checkin, damageMarks: [{ ...mark!, photos: [photo] }, ...otherMarks] };
}

describe('photos between tablets', () => {
  it('uploads a photo and downloads it on another tablet', async () => {
    const first = await tablet();
    const second = await tablet();
    const bytes = photoBytes();

    const ref = await first.blobs.putBlob(bytes, 'image/jpeg', PHOTO_SIZE);
    const checkin = checkinWithPhoto(ref);
    await saveDocument(first.db, 'checkins', checkin, first.writer);

    await statusWhere(first, (status) => status.state === 'synced' && status.pendingBlobs === 0);
    await waitFor('the second tablet has the check-in', async () => Boolean(await second.db.checkins.findOne(checkin.id).exec()));
    const received = await second.db.checkins.findOne(checkin.id).exec();
    const receivedRef = received?.damageMarks[0]?.photos[0];
    expect(receivedRef).toEqual(ref);
    expect(await second.blobs.getBlobBytes(receivedRef!)).toEqual(bytes);
    expect((await second.blobs.store.get(ref.sha256))?.uploadState).toBe('uploaded');
  });

  it('shows a placeholder until the photo is uploaded', async () => {
    const first = await tablet();
    const second = await tablet();
    // Stored without starting the upload queue, as when the photo's upload is still waiting.
    const ref = await first.blobs.store.put(photoBytes(), 'image/jpeg', PHOTO_SIZE);
    const checkin = checkinWithPhoto(ref);
    await saveDocument(first.db, 'checkins', checkin, first.writer);
    await waitFor('the second tablet has the check-in', async () => Boolean(await second.db.checkins.findOne(checkin.id).exec()));

    const views = second.blobs.watchBlob(ref).pipe(takeWhile((view) => view.status !== 'ready', true), toArray());
    const viewsDone = firstValueFrom(views);
    await firstValueFrom(second.blobs.watchBlob(ref).pipe(filter((view): view is Extract<BlobView, { status: 'waiting' }> => view.status === 'waiting')));
    first.blobs.startUploads();

    const seen = await viewsDone;
    expect(seen[0]).toEqual({ status: 'loading' });
    expect(seen.some((view) => view.status === 'waiting' && view.code === 'not_uploaded_yet')).toBe(true);
    expect(seen.at(-1)?.status).toBe('ready');
  });

  it('resumes an interrupted upload after a reload', async () => {
    const first = await tablet();
    first.network.setOnline(false);
    const ref = await first.blobs.putBlob(photoBytes(), 'image/jpeg', PHOTO_SIZE);
    await statusWhere(first, (status) => status.pendingBlobs === 1 && status.state === 'offline');
    first.blobs.close();

    // The app reloads with the network back: a new blob service on the same IndexedDB.
    first.network.setOnline(true);
    const reloaded = new BlobService({
      dealerId: first.writer.dealerId,
      session: first.session,
      dexieOptions: { indexedDB: first.indexedDB, IDBKeyRange },
      backoff: TEST_BACKOFF,
    });
    try {
      reloaded.startUploads();
      await reloaded.awaitUploaded(10_000);
      expect(await server.running.store.hasBlob(first.writer.dealerId, ref.sha256)).toBe(true);
    } finally {
      reloaded.close();
    }
  });

  it('asks before re-sending after a lost response', async () => {
    const proxy = await startLossyProxy(server.url);
    try {
      const first = await openTablet({ baseUrl: proxy.url });
      tablets.push(first);
      const bytes = photoBytes();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      proxy.dropAnswers('PUT', `/api/blobs/${sha256}`, 1);

      await first.blobs.putBlob(bytes, 'image/jpeg', PHOTO_SIZE);
      await first.blobs.awaitUploaded(10_000);

      const transfers = proxy.forwarded.filter((entry) => entry.request.endsWith(`/api/blobs/${sha256}`));
      expect(transfers.map((entry) => [entry.request.split(' ')[0], entry.status, entry.dropped])).toEqual([
        ['PUT', 201, true],
        ['HEAD', 200, false],
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('keeps a photo the server refuses as waiting with an error', async () => {
    const first = await tablet();
    // Over the server's 15 MB limit for one image.
    const ref = await first.blobs.putBlob(photoBytes(16 * 1024 * 1024), 'image/jpeg', PHOTO_SIZE);

    const status = await statusWhere(first, (current) => current.error === 'rejected');

    expect(status.pendingBlobs).toBe(1);
    expect(status.state).not.toBe('synced');
    expect((await first.blobs.store.get(ref.sha256))?.uploadError).toBe('payload_too_large');
  });
});
