import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { ACCESS_TOKEN_TTL_MS } from '../../src/server/auth/tokens';
import { STREAM_BATCH_MAX } from '../../src/server/sync/pullStreamHub';
import { customerDocument } from './helpers/documents';
import { readSse, type SseReader } from './helpers/sse';
import { STORE_KINDS, waitFor } from './helpers/stores';
import { authInit, createAccount, createTestApp, jsonInit, logIn, type Account, type TestApp } from './helpers/testApp';

interface ChangeEvent {
  documents: Array<Record<string, unknown>>;
  checkpoint: { seq: number };
}

/* Pull-stream rules S11 and S12 of docs/sync-protocol.md, against each store. */
describe.each(STORE_KINDS)('pull stream on %s', (kind) => {
  let test: TestApp;
  let accountA: Account;
  let tokenA: string;
  let tokenB: string;
  const readers: SseReader[] = [];

  beforeAll(async () => {
    test = await createTestApp({ kind, heartbeatMs: 50 });
    accountA = await createAccount(test.store, 'A01');
    await createAccount(test.store, 'B01');
    tokenA = (await logIn(test, 'A01', 'li.wei')).accessToken;
    tokenB = (await logIn(test, 'B01', 'li.wei')).accessToken;
  });

  afterAll(async () => {
    await Promise.all(readers.map((reader) => reader.close()));
    await test?.dispose();
  });

  async function connect(token: string, collection = 'customers', target: Pick<TestApp, 'request'> = test): Promise<SseReader> {
    const response = await target.request(`/api/sync/${collection}/pull-stream`, authInit(token));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    const reader = readSse(response);
    readers.push(reader);
    return reader;
  }

  async function pushCustomers(token: string, docs: Array<Record<string, unknown>>, target: Pick<TestApp, 'request'> = test): Promise<void> {
    const rows = docs.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } }));
    const response = await target.request('/api/sync/customers/push', jsonInit('POST', rows, token));
    expect(await response.json()).toEqual([]);
  }

  it('new connection starts with RESYNC (S11)', async () => {
    const reader = await connect(tokenA);
    expect(await reader.waitForEvents(1)).toEqual(['RESYNC']);
  });

  it('stream sends each commit with its checkpoint (S11)', async () => {
    const reader = await connect(tokenA);
    await reader.waitForEvents(1);
    const doc = customerDocument(accountA.dealer.id);

    await pushCustomers(tokenA, [doc]);
    const [, event] = (await reader.waitForEvents(2)) as [string, ChangeEvent];

    expect(event.documents).toEqual([{ ...doc, _deleted: false }]);
    expect(event.checkpoint.seq).toBe(await test.store.latestSeq(accountA.dealer.id, 'customers'));
  });

  it('stream carries only its own dealer and collection (S1)', async () => {
    const reader = await connect(tokenA);
    await reader.waitForEvents(1);
    const ofB = customerDocument((await test.store.getDealerByCode('B01'))!.id);
    const ofA = customerDocument(accountA.dealer.id);

    await pushCustomers(tokenB, [ofB]);
    await test.request('/api/sync/followups/push', jsonInit('POST', [], tokenA));
    await pushCustomers(tokenA, [ofA]);
    await reader.waitForEvents(2);

    const ids = reader.events.slice(1).flatMap((event) => (event as ChangeEvent).documents.map((doc) => doc.id));
    expect(ids).toEqual([ofA.id]);
  });

  it('stream sends RESYNC when too far behind (S11)', async () => {
    const reader = await connect(tokenA);
    await reader.waitForEvents(1);
    const docs = Array.from({ length: STREAM_BATCH_MAX + 5 }, () => customerDocument(accountA.dealer.id));

    await test.store.writeServerDocuments(accountA.dealer.id, 'customers', docs);

    expect(await reader.waitForEvents(2)).toEqual(['RESYNC', 'RESYNC']);
  });

  it('stream sends heartbeat comments (S11)', async () => {
    const reader = await connect(tokenA);
    await waitFor(() => reader.comments.includes('heartbeat'), 5000, 'a heartbeat');
  });

  it('stream ends when the token expires (S12)', async () => {
    const issuedAt = test.clock.nowMs;
    const { accessToken } = await logIn(test, 'A01', 'li.wei');
    // The token's expiry is in whole seconds, so it can fall up to 1 s before issuedAt + TTL.
    test.clock.nowMs = issuedAt + ACCESS_TOKEN_TTL_MS - 1500;
    try {
      const reader = await connect(accessToken);
      await reader.waitForEvents(1);
      await waitFor(() => reader.ended, 5000, 'the stream to end');
    } finally {
      test.clock.nowMs = issuedAt;
    }
  });

  it('many streams share one query per commit', async () => {
    const streams = await Promise.all(Array.from({ length: 20 }, () => connect(tokenA)));
    await Promise.all(streams.map((reader) => reader.waitForEvents(1)));
    const pullDocuments = test.store.pullDocuments.bind(test.store);
    let queries = 0;
    test.store.pullDocuments = async (...args) => {
      queries += 1;
      return pullDocuments(...args);
    };
    const doc = customerDocument(accountA.dealer.id);

    try {
      await pushCustomers(tokenA, [doc]);
      const events = await Promise.all(streams.map(async (reader) => (await reader.waitForEvents(2))[1] as ChangeEvent));

      expect(events.every((event) => event.documents.length === 1 && event.documents[0]!.id === doc.id)).toBe(true);
      expect(queries).toBeLessThanOrEqual(2);
    } finally {
      test.store.pullDocuments = pullDocuments;
      await Promise.all(streams.map((reader) => reader.close()));
    }
  });

  it('stream needs a token and a known collection', async () => {
    expect((await test.request('/api/sync/customers/pull-stream')).status).toBe(401);
    expect((await test.request('/api/sync/invoices/pull-stream', authInit(tokenA))).status).toBe(404);
  });

  it('disconnected stream is released', async () => {
    const reader = await connect(tokenA);
    await reader.waitForEvents(1);
    const openBefore = test.openStreamCount();

    await reader.close();

    await waitFor(() => test.openStreamCount() === openBefore - 1, 5000, 'the stream to be released');
  });

  it('stream hears commits of another instance on the same store', async () => {
    const otherStore = await test.fixture.open();
    const other = await createApp({ store: otherStore, log: () => undefined });
    try {
      const reader = await connect(tokenA);
      await reader.waitForEvents(1);
      const doc = customerDocument(accountA.dealer.id);

      await pushCustomers(tokenA, [doc], { request: async (path, init) => other.app.request(path, init) });
      const [, event] = (await reader.waitForEvents(2, 10_000)) as [string, ChangeEvent];

      expect(event.documents.map((item) => item.id)).toEqual([doc.id]);
    } finally {
      other.closeStreams();
      await otherStore.close();
    }
  });
});
