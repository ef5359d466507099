import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { CHECKIN_UNSIGNED_FIELDS } from '../../src/domain/schemas/checkin';
import { contentHash } from '../../src/domain/signing';
import { POSTGRES_MIGRATIONS } from '../../src/server/store/postgresMigrations';
import { SQLITE_MIGRATIONS } from '../../src/server/store/sqliteMigrations';
import { SQLITE_FILE_NAME } from '../../src/server/store/store';
import { StoreError, type Dealer, type DocumentChange, type Store } from '../../src/server/store/store';
import { checkinDocument, customerDocument, signature } from './helpers/documents';
import { createStoreFixture, STORE_KINDS, waitFor, type StoreFixture } from './helpers/stores';

async function signedCheckin(dealerId: string): Promise<Record<string, unknown>> {
  const unsigned = checkinDocument(dealerId);
  return { ...unsigned, signatures: [signature(await contentHash(unsigned, CHECKIN_UNSIGNED_FIELDS))] };
}

async function expectStoreError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

describe.each(STORE_KINDS)('%s store', (kind) => {
  let fixture: StoreFixture;
  let store: Store;
  let dealerA: Dealer;
  let dealerB: Dealer;

  beforeAll(async () => {
    fixture = await createStoreFixture(kind);
    store = await fixture.open();
    dealerA = await store.createDealer({ code: 'A01', name: '甲店' });
    dealerB = await store.createDealer({ code: 'B01', name: '乙店' });
  });

  afterAll(async () => {
    await store?.close();
    await fixture?.dispose();
  });

  it('answers a ping', async () => {
    expect(store.kind).toBe(kind);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('records every applied migration', async () => {
    const expected = (kind === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS).map((migration) => migration.version);
    let versions: number[];
    if (kind === 'sqlite') {
      const db = new Database(path.join(fixture.options.dataDir, SQLITE_FILE_NAME), { readonly: true });
      versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } else {
      const client = new pg.Client({ connectionString: fixture.options.databaseUrl });
      await client.connect();
      versions = (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((row) => row.version);
      await client.end();
    }
    expect(versions).toEqual(expected);
  });

  it('finds dealers by code and by id', async () => {
    expect(await store.getDealerByCode('A01')).toEqual(dealerA);
    expect(await store.getDealerById(dealerB.id)).toEqual(dealerB);
    expect(await store.getDealerByCode('NOPE')).toBeNull();
    expect(await store.countDealers()).toBe(2);
  });

  it('rejects a duplicate dealer code', async () => {
    await expectStoreError(store.createDealer({ code: 'A01', name: 'again' }), 'dealer_code_taken');
  });

  it('rejects a duplicate username per dealer', async () => {
    const user = { username: 'li.wei', displayName: '李伟', role: 'advisor' as const, passwordHash: 'hash' };
    const created = await store.createUser({ dealerId: dealerA.id, ...user });

    expect(await store.getUserByUsername(dealerA.id, 'li.wei')).toEqual(created);
    expect(await store.getUserById(created.id)).toEqual(created);
    await expectStoreError(store.createUser({ dealerId: dealerA.id, ...user }), 'username_taken');
    await expect(store.createUser({ dealerId: dealerB.id, ...user })).resolves.toMatchObject({ dealerId: dealerB.id });
  });

  it('rotates a refresh token once', async () => {
    const user = await store.createUser({ dealerId: dealerA.id, username: 'token.user', displayName: 't', role: 'advisor', passwordHash: 'h' });
    const nowMs = Date.now();
    const record = { tokenHash: 'a'.repeat(64), userId: user.id, dealerId: dealerA.id, expiresAtMs: nowMs + 60_000, familyId: uuidv7() };
    await store.saveRefreshToken(record);
    const next = { tokenHash: 'b'.repeat(64), expiresAtMs: nowMs + 120_000 };

    expect(await store.rotateRefreshToken(record.tokenHash, next, nowMs)).toEqual({ status: 'rotated', previous: record });
    expect(await store.rotateRefreshToken(record.tokenHash, { tokenHash: 'c'.repeat(64), expiresAtMs: nowMs + 120_000 }, nowMs)).toEqual({
      status: 'reused',
      previous: record,
    });
    expect(await store.rotateRefreshToken(next.tokenHash, { tokenHash: 'd'.repeat(64), expiresAtMs: nowMs + 120_000 }, nowMs)).toEqual({ status: 'unknown' });
    expect(await store.rotateRefreshToken('e'.repeat(64), { tokenHash: 'd'.repeat(64), expiresAtMs: nowMs + 120_000 }, nowMs)).toEqual({ status: 'unknown' });
  });

  it('does not rotate an expired refresh token', async () => {
    const user = await store.createUser({ dealerId: dealerA.id, username: 'expired.user', displayName: 't', role: 'advisor', passwordHash: 'h' });
    const nowMs = Date.now();
    const record = { tokenHash: '9'.repeat(64), userId: user.id, dealerId: dealerA.id, expiresAtMs: nowMs + 60_000, familyId: uuidv7() };
    await store.saveRefreshToken(record);

    const rotation = await store.rotateRefreshToken(record.tokenHash, { tokenHash: '8'.repeat(64), expiresAtMs: nowMs + 120_000 }, nowMs + 60_000);

    expect(rotation).toEqual({ status: 'expired' });
  });

  it('keeps, replaces and clears login failures', async () => {
    await store.saveLoginFailure({ key: 'A01/li.wei', failures: 1, lockedUntilMs: 0 });
    await store.saveLoginFailure({ key: 'A01/li.wei', failures: 6, lockedUntilMs: 1234 });
    expect(await store.getLoginFailure('A01/li.wei')).toEqual({ key: 'A01/li.wei', failures: 6, lockedUntilMs: 1234 });

    await store.clearLoginFailure('A01/li.wei');
    expect(await store.getLoginFailure('A01/li.wei')).toBeNull();
  });

  it('creates a secret only once', async () => {
    const first = await store.getOrCreateSecret('test-key', () => 'first');
    const second = await store.getOrCreateSecret('test-key', () => 'second');
    expect(first).toBe('first');
    expect(second).toBe('first');
  });

  it('pulls pages oldest first', async () => {
    const docs = Array.from({ length: 5 }, () => customerDocument(dealerA.id));
    await store.writeServerDocuments(dealerA.id, 'customers', docs);

    const firstPage = await store.pullDocuments(dealerA.id, 'customers', 0, 3);
    const secondPage = await store.pullDocuments(dealerA.id, 'customers', firstPage.at(-1)!.seq, 3);
    const pulled = [...firstPage, ...secondPage];

    expect(pulled.map((doc) => doc.id)).toEqual(docs.map((doc) => doc.id));
    expect(pulled.map((doc) => doc.seq)).toEqual([...pulled.map((doc) => doc.seq)].sort((a, b) => a - b));
    expect(new Set(pulled.map((doc) => doc.seq)).size).toBe(5);
    expect(await store.latestSeq(dealerA.id, 'customers')).toBe(pulled.at(-1)!.seq);
  });

  it('stores a soft delete at a later sequence', async () => {
    const doc = customerDocument(dealerA.id);
    await store.writeServerDocuments(dealerA.id, 'customers', [doc]);
    const before = await store.latestSeq(dealerA.id, 'customers');

    await store.writeServerDocuments(dealerA.id, 'customers', [{ ...doc, _deleted: true }]);
    const [deleted] = await store.pullDocuments(dealerA.id, 'customers', before, 10);

    expect(deleted).toMatchObject({ id: doc.id, deleted: true, data: doc });
    expect(deleted!.seq).toBeGreaterThan(before);
  });

  it('pulls only the dealer\'s documents', async () => {
    const own = customerDocument(dealerB.id);
    await store.writeServerDocuments(dealerB.id, 'customers', [own]);

    const pulledByB = await store.pullDocuments(dealerB.id, 'customers', 0, 1000);
    const pulledByA = await store.pullDocuments(dealerA.id, 'customers', 0, 1000);

    expect(pulledByB.map((doc) => doc.id)).toEqual([own.id]);
    expect(pulledByA.map((doc) => doc.id)).not.toContain(own.id);
  });

  it('rejects overwriting another dealer\'s document', async () => {
    const foreign = customerDocument(dealerB.id);
    await store.writeServerDocuments(dealerB.id, 'customers', [foreign]);
    const innocent = customerDocument(dealerA.id);
    let seenOwner: string | undefined;

    const write = store.writeDocuments(dealerA.id, 'customers', [innocent.id as string, foreign.id as string], (current) => {
      seenOwner = current.get(foreign.id as string)?.dealerId;
      return [
        { id: innocent.id as string, data: innocent, deleted: false },
        { id: foreign.id as string, data: { ...foreign, dealerId: dealerA.id }, deleted: false },
      ];
    });

    await expectStoreError(write, 'document_id_taken');
    expect(seenOwner).toBe(dealerB.id);
    const pulled = await store.pullDocuments(dealerA.id, 'customers', 0, 1000);
    expect(pulled.map((doc) => doc.id)).not.toContain(innocent.id);
  });

  it('rejects server documents naming another dealer', async () => {
    await expectStoreError(store.writeServerDocuments(dealerA.id, 'customers', [customerDocument(dealerB.id)]), 'document_dealer_mismatch');
  });

  it('notifies listeners of a commit', async () => {
    const changes: DocumentChange[] = [];
    const unsubscribe = store.onChange((change) => changes.push(change));
    await store.writeServerDocuments(dealerA.id, 'customers', [customerDocument(dealerA.id)]);

    await waitFor(() => changes.some((change) => change.dealerId === dealerA.id && change.collection === 'customers'), 5000, 'change');
    unsubscribe();
  });

  it('stores blobs once per dealer', async () => {
    const blob = { dealerId: dealerA.id, sha256: 'b'.repeat(64), mimeType: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]) };

    expect(await store.putBlob(blob)).toBe(true);
    expect(await store.putBlob(blob)).toBe(false);
    expect(await store.getBlob(dealerA.id, blob.sha256)).toEqual(blob);
    expect(await store.hasBlob(dealerA.id, blob.sha256)).toBe(true);
    expect(await store.hasBlob(dealerB.id, blob.sha256)).toBe(false);
    expect(await store.getBlob(dealerB.id, blob.sha256)).toBeNull();
  });

  it('keeps a signed version written by the server (S14)', async () => {
    const signed = await signedCheckin(dealerA.id);
    await store.writeServerDocuments(dealerA.id, 'checkins', [signed]);
    await store.writeServerDocuments(dealerA.id, 'checkins', [{ ...signed, mileageKm: 1 }]);

    const snapshots = await store.getSignedSnapshots(dealerA.id, 'checkins', signed.id as string);

    expect(snapshots).toEqual([{
      collection: 'checkins',
      documentId: signed.id,
      dealerId: dealerA.id,
      contentHash: (signed.signatures as Array<{ contentHash: string }>)[0]!.contentHash,
      data: signed,
      createdAt: expect.any(String),
    }]);
    expect(await store.getSignedSnapshots(dealerB.id, 'checkins', signed.id as string)).toEqual([]);
  });

  it('refuses to change or delete a signed snapshot (S14)', async () => {
    const signed = await signedCheckin(dealerA.id);
    await store.writeServerDocuments(dealerA.id, 'checkins', [signed]);
    const statements = ["UPDATE signed_snapshots SET data = '{}'", 'DELETE FROM signed_snapshots'];

    for (const statement of statements) {
      if (kind === 'sqlite') {
        const db = new Database(path.join(fixture.options.dataDir, SQLITE_FILE_NAME));
        try {
          expect(() => db.exec(statement)).toThrow(/signed snapshots cannot be/);
        } finally {
          db.close();
        }
      } else {
        const client = new pg.Client({ connectionString: fixture.options.databaseUrl });
        await client.connect();
        try {
          await expect(client.query(statement)).rejects.toThrow(/signed snapshots cannot be/);
        } finally {
          await client.end();
        }
      }
    }
    expect(await store.getSignedSnapshots(dealerA.id, 'checkins', signed.id as string)).toHaveLength(1);
  });

  it('a failed write keeps no snapshot (S14)', async () => {
    const signed = await signedCheckin(dealerA.id);
    const foreign = customerDocument(dealerB.id);
    await store.writeServerDocuments(dealerB.id, 'checkins', [{ ...checkinDocument(dealerB.id), id: foreign.id }]);

    const write = store.writeDocuments(dealerA.id, 'checkins', [signed.id as string, foreign.id as string], () => [
      { id: signed.id as string, data: signed, deleted: false },
      { id: foreign.id as string, data: { ...signed, id: foreign.id }, deleted: false },
    ]);

    await expectStoreError(write, 'document_id_taken');
    expect(await store.getSignedSnapshots(dealerA.id, 'checkins', signed.id as string)).toEqual([]);
  });

  it('concurrent writes never skip a puller', async () => {
    const dealer = await store.createDealer({ code: `C${kind.slice(0, 3).toUpperCase()}`, name: '并发店' });
    const docs = Array.from({ length: 300 }, () => customerDocument(dealer.id));
    const seen = new Set<string>();
    let checkpoint = 0;
    let writing = true;

    const puller = (async () => {
      while (writing || seen.size < docs.length) {
        const page = await store.pullDocuments(dealer.id, 'customers', checkpoint, 50);
        for (const doc of page) {
          expect(doc.seq).toBeGreaterThan(checkpoint);
          checkpoint = doc.seq;
          seen.add(doc.id);
        }
        if (page.length === 0 && !writing) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    // Batches of 1 to 12 documents: a long batch draws its sequences over many round trips
    // while short ones commit beside it, which is where an unserialized store lets pullers skip.
    const batches: Array<typeof docs> = [];
    for (let start = 0, size = 1; start < docs.length; start += size, size = (size % 12) + 1) {
      batches.push(docs.slice(start, start + size));
    }
    await Promise.all(batches.map((batch) => store.writeDocuments(dealer.id, 'customers', batch.map((doc) => doc.id as string), () =>
      batch.map((doc) => ({ id: doc.id as string, data: doc, deleted: false })))));
    writing = false;
    await puller;

    expect(seen.size).toBe(docs.length);
  });

  it('keeps data across reopening', async () => {
    const reopened = await fixture.open();
    try {
      expect(await reopened.getDealerByCode('A01')).toEqual(dealerA);
      expect(await reopened.getOrCreateSecret('test-key', () => 'other')).toBe('first');
    } finally {
      await reopened.close();
    }
  });

  it('hears writes of another instance', async () => {
    const other = await fixture.open();
    const changes: DocumentChange[] = [];
    const unsubscribe = store.onChange((change) => changes.push(change));
    try {
      await other.writeServerDocuments(dealerA.id, 'customers', [customerDocument(dealerA.id, { id: uuidv7() })]);
      await waitFor(() => changes.some((change) => change.dealerId === dealerA.id || change.dealerId === null), 5000, 'change');
    } finally {
      unsubscribe();
      await other.close();
    }
  });
});

/** Creates the schema of the first two migrations and stores a document in it, as a server from before signed snapshots left it. */
async function createLegacyStorage(kind: string, fixture: StoreFixture, dealer: Dealer, doc: Record<string, unknown>): Promise<void> {
  if (kind === 'sqlite') {
    mkdirSync(fixture.options.dataDir, { recursive: true });
    const db = new Database(path.join(fixture.options.dataDir, SQLITE_FILE_NAME));
    try {
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      for (const migration of SQLITE_MIGRATIONS.filter((candidate) => candidate.version <= 2)) {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, dealer.createdAt);
      }
      db.prepare('INSERT INTO dealers VALUES (?, ?, ?, ?)').run(dealer.id, dealer.code, dealer.name, dealer.createdAt);
      db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)').run('checkins', doc.id, dealer.id, 1, JSON.stringify(doc), 0);
    } finally {
      db.close();
    }
    return;
  }

  const client = new pg.Client({ connectionString: fixture.options.databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
    for (const migration of POSTGRES_MIGRATIONS.filter((candidate) => candidate.version <= 2)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations VALUES ($1, $2, now())', [migration.version, migration.name]);
    }
    await client.query('INSERT INTO dealers VALUES ($1, $2, $3, $4)', [dealer.id, dealer.code, dealer.name, dealer.createdAt]);
    await client.query("INSERT INTO documents VALUES ($1, $2, $3, nextval('document_seq'), $4, false)", ['checkins', doc.id, dealer.id, JSON.stringify(doc)]);
  } finally {
    await client.end();
  }
}

describe.each(STORE_KINDS)('%s store upgraded from before signed snapshots', (kind) => {
  it('keeps a signed version before overwriting it (S14)', async () => {
    const fixture = await createStoreFixture(kind);
    const dealer: Dealer = { id: uuidv7(), code: 'OLD', name: '旧店', createdAt: new Date().toISOString() };
    const signed = await signedCheckin(dealer.id);
    await createLegacyStorage(kind, fixture, dealer, signed);
    const store = await fixture.open();

    try {
      await store.writeDocuments(dealer.id, 'checkins', [signed.id as string], () => [{ id: signed.id as string, data: { ...signed, mileageKm: 1 }, deleted: false }]);
      const snapshots = await store.getSignedSnapshots(dealer.id, 'checkins', signed.id as string);

      expect(snapshots.map((snapshot) => snapshot.data)).toEqual([signed]);
      expect((await store.getDocument(dealer.id, 'checkins', signed.id as string))?.data).toMatchObject({ mileageKm: 1 });
    } finally {
      await store.close();
      await fixture.dispose();
    }
  });
});
