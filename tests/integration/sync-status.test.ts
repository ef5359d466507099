import { randomBytes } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveDocument, updateDocument } from '../../src/db/repository';
import { createSyncStatus, LAST_SYNCED_STORAGE_KEY, type SyncStatus } from '../../src/db/syncStatus';
import type { Checkin } from '../../src/domain';
import { walkaround } from './support/fixtures';
import { openTablet, removeTestServer, startTestServer, statusWhere, waitFor, type Tablet, type TestServer } from './support/harness';
import { startLossyProxy, type LossyProxy } from './support/lossyProxy';

let server: TestServer;
const tablets: Tablet[] = [];
const proxies: LossyProxy[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await Promise.all(tablets.splice(0).map((tablet) => tablet.close()));
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

afterAll(async () => {
  await removeTestServer(server);
});

async function tablet(baseUrl = server.url): Promise<Tablet> {
  const opened = await openTablet({ baseUrl });
  tablets.push(opened);
  return opened;
}

async function serverHas(dealerId: string, id: string): Promise<boolean> {
  const stored = await server.running.store.pullDocuments(dealerId, 'checkins', 0, 1000);
  return stored.some((document) => document.id === id);
}

describe('sync status', () => {
  it('never reports synced while a change waits', async () => {
    // The response to the first push is lost, so the check-in waits through a retry as well.
    const proxy = await startLossyProxy(server.url);
    proxies.push(proxy);
    proxy.dropAnswers('POST', '/api/sync/checkins/push', 1);
    const advisor = await tablet(proxy.url);
    await statusWhere(advisor, (status) => status.state === 'synced');
    const seen: Array<SyncStatus & { serverHasCheckin: boolean }> = [];
    const { checkin } = walkaround();
    // Set once the server has stored the check-in; each status records the flag as it was.
    let acknowledged = false;
    const subscription = advisor.status$.subscribe((status) => {
      seen.push({ ...status, serverHasCheckin: acknowledged });
    });

    advisor.network.setOnline(false);
    await saveDocument(advisor.db, 'checkins', checkin, advisor.writer);
    await advisor.blobs.putBlob(new Uint8Array(randomBytes(4096)), 'image/png', { width: 64, height: 64 });
    const offline = await statusWhere(advisor, (status) => status.pendingChanges === 2);
    expect(offline.pendingDocuments).toBe(1);
    expect(offline.pendingBlobs).toBe(1);
    expect(offline.state).toBe('offline');
    expect(offline.online).toBe(false);

    advisor.network.setOnline(true);
    await waitFor('the server stored the check-in', () => serverHas(advisor.writer.dealerId, checkin.id));
    acknowledged = true;
    await statusWhere(advisor, (status) => status.state === 'synced');
    subscription.unsubscribe();

    expect(seen.filter((status) => status.state === 'synced' && status.pendingChanges !== 0)).toEqual([]);
    expect(seen.filter((status) => status.state === 'synced' && !status.serverHasCheckin)).toEqual([]);
    expect(seen.some((status) => status.state === 'syncing' && status.pendingChanges! > 0)).toBe(true);
  });

  it('keeps the last sync time across a reload', async () => {
    const advisor = await tablet();
    const { checkin } = walkaround();
    await saveDocument(advisor.db, 'checkins', checkin, advisor.writer);
    const synced = await statusWhere(advisor, (status) => status.state === 'synced' && status.lastSyncedAt !== null);
    advisor.network.setOnline(false);

    const reopened = await firstValueFrom(
      createSyncStatus({ replication: advisor.replication, blobs: advisor.blobs, storage: advisor.storage, navigator: { onLine: false } }),
    );

    expect(advisor.storage.getItem(LAST_SYNCED_STORAGE_KEY)).toBe(synced.lastSyncedAt);
    expect(reopened.lastSyncedAt).toBe(synced.lastSyncedAt);
    expect(reopened.state).toBe('offline');
  });

  it('reports a rejected change without blocking the queue', async () => {
    const advisor = await tablet();
    const reader = await tablet();
    const foreign = walkaround().checkin;
    const valid = walkaround().checkin;

    // A document naming another dealer: the server stores nothing and returns the reason.
    await saveDocument(advisor.db, 'checkins', foreign, { ...advisor.writer, dealerId: 'another-dealer' });
    const rejected = await statusWhere(advisor, (status) => status.rejections.length === 1);
    await saveDocument(advisor.db, 'checkins', valid, advisor.writer);

    expect(rejected.error).toBe('rejected');
    expect(rejected.state).toBe('error');
    expect(rejected.rejections[0]).toMatchObject({ collection: 'checkins', documentId: foreign.id, error: 'dealer_mismatch', field: 'dealerId' });
    await waitFor('the valid check-in reaches the other tablet', async () => Boolean(await reader.db.checkins.findOne(valid.id).exec()));
    expect(await serverHas(advisor.writer.dealerId, foreign.id)).toBe(false);
  });

  it('clears a rejection once a corrected version is stored', async () => {
    const advisor = await tablet();
    const { checkin } = walkaround();
    await saveDocument(advisor.db, 'checkins', checkin, advisor.writer);
    await statusWhere(advisor, (status) => status.state === 'synced');

    // A signature history rewritten on the tablet: the server keeps signed content append-only.
    const signature = {
      id: '0193a1b2-0000-7000-8000-00000000c001',
      signerName: '张伟',
      signedAt: '2026-12-04T01:20:00.000Z',
      contentHash: 'a'.repeat(64),
      padAspectRatio: 2.5,
      strokes: [{ points: [{ x: 0.1, y: 0.5, pressure: 0.5, time: 0 }, { x: 0.4, y: 0.6, pressure: 0.5, time: 120 }] }],
      image: { sha256: 'b'.repeat(64), mimeType: 'image/png' as const, bytes: 5120, width: 600, height: 240 },
    };
    await updateDocument(advisor.db, 'checkins', checkin.id, (current) => ({ ...(current as Checkin), signatures: [signature] }), advisor.writer);
    await statusWhere(advisor, (status) => status.state === 'synced');
    await updateDocument(advisor.db, 'checkins', checkin.id, (current) => ({ ...(current as Checkin), signatures: [{ ...signature, signerName: '李四' }] }), advisor.writer);
    const rejected = await statusWhere(advisor, (status) => status.rejections.length === 1);
    expect(rejected.rejections[0]?.error).toBe('signature_rewritten');

    await updateDocument(advisor.db, 'checkins', checkin.id, (current) => ({ ...(current as Checkin), signatures: [signature], mileageKm: 32170 }), advisor.writer);

    const cleared = await statusWhere(advisor, (status) => status.rejections.length === 0 && status.state === 'synced');
    expect(cleared.error).toBeNull();
  });
});
