import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addRxPlugin, type RxCollection, type RxReplicationPullStreamItem, type WithDeleted } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { runReplicationBaseTestSuite, setConfig } from 'rxdb/plugins/test-utils';
import { Observable } from 'rxjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { z } from 'zod';
import { hashPassword } from '../../src/server/auth/passwords';
import { startServer, type RunningServer } from '../../src/server/main';
import type { SyncCollections } from '../../src/server/sync/syncCollections';
import { createTestSchema, type TestSchema } from './helpers/postgres';
import { STORE_KINDS } from './helpers/stores';

/*
 * RxDB's conformance suite for replication backends (rxdb/plugins/test-utils), run against
 * the real server on loopback over HTTP, with a plain fetch client: pull by checkpoint,
 * push, and the SSE pull stream. The suite uses RxDB's "human" documents (primary key
 * passportId), so the server gets a test registry of human collections, one per suite
 * test, because the suite starts each test with an empty server.
 */

// The suite is written for mocha and calls the global describe and it.
Object.assign(globalThis, { describe, it });

// The suite's collections open with ignoreDuplicate (dev mode only) and local documents.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

setConfig({
  storage: {
    name: 'memory',
    // Dev mode requires a validating storage.
    getStorage: () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    getPerformanceStorage: () => ({ storage: getRxStorageMemory(), description: 'memory' }),
    hasPersistence: false,
    hasMultiInstance: false,
    hasAttachments: true,
    hasReplication: true,
  },
});

const humanSchema = z.strictObject({
  passportId: z.string().min(1).max(100),
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  age: z.number().int().min(0).max(150),
});

// More than the suite's test count: cleanUpServer moves to the next one.
const HUMAN_COLLECTION_COUNT = 30;

const HUMAN_COLLECTIONS: SyncCollections = Object.fromEntries(
  Array.from({ length: HUMAN_COLLECTION_COUNT }, (_, index) => [
    `human${index}`,
    { schema: humanSchema, tabletWritable: true, primaryKey: 'passportId', dealerField: null, signedPapers: [] },
  ]),
);

type Human = z.infer<typeof humanSchema>;
type Checkpoint = { seq: number };

/** Reads the server's SSE pull stream with fetch, as the tablet does, and emits RxDB stream items. */
function pullStream(url: string, token: string): Observable<RxReplicationPullStreamItem<Human, Checkpoint>> {
  return new Observable((subscriber) => {
    const connection = new AbortController();
    void (async () => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: connection.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) subscriber.next(JSON.parse(data) as RxReplicationPullStreamItem<Human, Checkpoint>);
        }
      }
    })().catch(() => undefined);
    return () => connection.abort();
  });
}

describe.each(STORE_KINDS)('RxDB replication conformance on %s', (kind) => {
  let server: RunningServer;
  let dataDir: string;
  let schema: TestSchema | null = null;
  let token = '';
  let dealerId = '';
  let collectionIndex = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'service-lane-rxdb-'));
    schema = kind === 'postgres' ? await createTestSchema() : null;
    server = await startServer({ port: 0, dataDir, databaseUrl: schema?.databaseUrl, log: () => undefined, collections: HUMAN_COLLECTIONS });

    const dealer = await server.store.createDealer({ code: 'RXDB', name: 'RxDB 测试店' });
    await server.store.createUser({ dealerId: dealer.id, username: 'rxdb', displayName: 'RxDB', role: 'advisor', passwordHash: await hashPassword('Conformance-1') });
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ dealer: 'RXDB', username: 'rxdb', password: 'Conformance-1' }),
    });
    token = ((await response.json()) as { accessToken: string }).accessToken;
    dealerId = dealer.id;
  });

  afterAll(async () => {
    await server?.close();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function replicate(collection: RxCollection<Human>, live: boolean): RxReplicationState<Human, Checkpoint> {
    const base = `${server.url}/api/sync/human${collectionIndex}`;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

    return replicateRxCollection<Human, Checkpoint>({
      replicationIdentifier: `conformance-human${collectionIndex}`,
      collection,
      live,
      retryTime: 200,
      pull: {
        batchSize: 20,
        async handler(checkpoint, batchSize) {
          const query = new URLSearchParams({ checkpoint: checkpoint ? JSON.stringify(checkpoint) : '', limit: String(batchSize) });
          const response = await fetch(`${base}/pull?${query}`, { headers });
          if (!response.ok) throw new Error(`pull failed with ${response.status}: ${await response.text()}`);
          return (await response.json()) as { documents: WithDeleted<Human>[]; checkpoint: Checkpoint };
        },
        ...(live ? { stream$: pullStream(`${base}/pull-stream`, token) } : {}),
      },
      push: {
        batchSize: 20,
        async handler(rows) {
          const response = await fetch(`${base}/push`, { method: 'POST', headers, body: JSON.stringify(rows) });
          if (!response.ok) throw new Error(`push failed with ${response.status}: ${await response.text()}`);
          return (await response.json()) as WithDeleted<Human>[];
        },
      },
    });
  }

  runReplicationBaseTestSuite({
    startReplication: (collection) => replicate(collection, true),
    async syncOnce(collection) {
      const state = replicate(collection, false);
      await state.awaitInitialReplication();
      await state.cancel();
    },
    async getAllServerDocs() {
      const stored = await server.store.pullDocuments(dealerId, `human${collectionIndex}`, 0, 10_000);
      return stored.map((document) => ({ ...document.data, _deleted: document.deleted }));
    },
    async cleanUpServer() {
      collectionIndex += 1;
      if (collectionIndex >= HUMAN_COLLECTION_COUNT) throw new Error('conformance suite ran out of empty human collections');
    },
    softDeletes: true,
    isDeleted: (serverDoc: { _deleted: boolean }) => serverDoc._deleted,
    getPrimaryOfServerDoc: (serverDoc: { passportId: string }) => serverDoc.passportId,
  });
});
