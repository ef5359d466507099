import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveDocument, updateDocument } from '../../src/db/repository';
import { COLLECTION_NAMES, type Checkin } from '../../src/domain';
import { walkaround } from './support/fixtures';
import { openTablet, removeTestServer, startTestServer, statusWhere, waitFor, type Tablet, type TestServer } from './support/harness';
import { startLossyProxy, type LossyProxy } from './support/lossyProxy';

let server: TestServer;
const tablets: Tablet[] = [];
const proxies: LossyProxy[] = [];

beforeAll(async () => {
  server = await startTestServer({ heartbeatMs: 200 });
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

async function checkinOn(target: Tablet, id: string): Promise<Checkin | undefined> {
  return (await target.db.checkins.findOne(id).exec())?.toMutableJSON();
}

/** Returns the store's latest checkpoint sequence. One sequence serves every collection, so any write raises it by one. */
async function latestSequence(): Promise<number> {
  const dealer = await dealerId();
  const sequences = await Promise.all(COLLECTION_NAMES.map((name) => server.running.store.latestSeq(dealer, name)));
  return Math.max(...sequences);
}

async function dealerId(): Promise<string> {
  const dealer = await server.running.store.getDealerByCode('DEMO');
  if (!dealer) throw new Error('demo dealer missing');
  return dealer.id;
}

describe('sync after failures', () => {
  it('retries a push whose answer was lost without a duplicate write', async () => {
    const proxy = await startLossyProxy(server.url);
    proxies.push(proxy);
    proxy.dropAnswers('POST', '/api/sync/checkins/push', 1);
    const writer = await tablet(proxy.url);
    const reader = await tablet();
    const seqBefore = await latestSequence();
    const { checkin } = walkaround();

    await saveDocument(writer.db, 'checkins', checkin, writer.writer);

    await statusWhere(writer, (status) => status.state === 'synced' && status.pendingChanges === 0);
    const pushes = proxy.forwarded.filter((entry) => entry.request === 'POST /api/sync/checkins/push');
    expect(pushes.map((entry) => [entry.status, entry.dropped])).toEqual([
      [200, true],
      [200, false],
    ]);
    expect(await latestSequence()).toBe(seqBefore + 1);
    const stored = await server.running.store.pullDocuments(await dealerId(), 'checkins', seqBefore, 100);
    expect(stored.map((document) => document.id)).toEqual([checkin.id]);
    await waitFor('the other tablet has the check-in', async () => Boolean(await checkinOn(reader, checkin.id)));
  });

  it('resumes after the server restarts on the same port', async () => {
    const first = await tablet();
    const second = await tablet();
    const { checkin } = walkaround();
    await saveDocument(first.db, 'checkins', checkin, first.writer);
    await waitFor('the second tablet has the check-in', async () => Boolean(await checkinOn(second, checkin.id)));

    await server.stop();
    await updateDocument(first.db, 'checkins', checkin.id, (current) => ({ ...(current as Checkin), mileageKm: 32200 }), first.writer);
    await statusWhere(first, (status) => status.pendingChanges === 1 && status.state !== 'synced');
    await server.restart();

    await waitFor('the edit made while the server was down reaches the second tablet', async () => (await checkinOn(second, checkin.id))?.mileageKm === 32200);
    // The live stream is open again: a later edit arrives without any poll.
    await updateDocument(second.db, 'checkins', checkin.id, (current) => ({ ...(current as Checkin), fuelEighths: 1 }), second.writer);
    await waitFor('the edit after the restart reaches the first tablet', async () => (await checkinOn(first, checkin.id))?.fuelEighths === 1);
    await statusWhere(first, (status) => status.state === 'synced');
  });
});
