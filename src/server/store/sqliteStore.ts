import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { ChangeFeed } from './changeFeed';
import { migrateSqlite } from './sqliteMigrations';
import {
  serverWritePlan,
  signedSnapshotsOfWrite,
  StoreError,
  type Dealer,
  type DocumentChange,
  type LoginFailure,
  type NewDealer,
  type NewUser,
  type NextRefreshToken,
  type RefreshTokenRecord,
  type RefreshTokenRotation,
  type RejectedBase,
  type SignedSnapshot,
  type Store,
  type StoredBlob,
  type StoredDocument,
  type User,
  type UserRole,
  type WritePlan,
} from './store';

// How often the store looks for commits made by another process on the same file (the admin command).
const FOREIGN_COMMIT_POLL_MS = 1000;

interface DealerRow { id: string; code: string; name: string; created_at: string }
interface UserRow {
  id: string; dealer_id: string; username: string; display_name: string; role: string; password_hash: string; created_at: string;
}
interface DocumentRow { collection: string; id: string; dealer_id: string; seq: number; data: string; deleted: number }
interface TokenRow { token_hash: string; user_id: string; dealer_id: string; expires_at_ms: number; family_id: string; used_at_ms: number | null }
interface SnapshotRow { dealer_id: string; collection: string; doc_id: string; content_hash: string; data: string; created_at: string }
interface BlobRow { dealer_id: string; sha256: string; mime_type: string; bytes: Buffer }

function toDealer(row: DealerRow): Dealer {
  return { id: row.id, code: row.code, name: row.name, createdAt: row.created_at };
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    dealerId: row.dealer_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as UserRole,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

function toDocument(row: DocumentRow): StoredDocument {
  return {
    collection: row.collection,
    id: row.id,
    dealerId: row.dealer_id,
    seq: row.seq,
    data: JSON.parse(row.data) as Record<string, unknown>,
    deleted: row.deleted === 1,
  };
}

function toTokenRecord(row: TokenRow): RefreshTokenRecord {
  return { tokenHash: row.token_hash, userId: row.user_id, dealerId: row.dealer_id, expiresAtMs: row.expires_at_ms, familyId: row.family_id };
}

function toSnapshot(row: SnapshotRow): SignedSnapshot {
  return {
    collection: row.collection,
    documentId: row.doc_id,
    dealerId: row.dealer_id,
    contentHash: row.content_hash,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Opens (and creates on first start) the SQLite store: WAL so readers never wait for the
 * writer, synchronous=FULL so an acknowledged write survives a power cut. One process
 * writes at a time; every write transaction is BEGIN IMMEDIATE, so the next sequence
 * value is read and used under the write lock and commits in sequence order.
 */
export function openSqliteStore(file: string): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);

  const feed = new ChangeFeed();
  const statements = {
    countDealers: db.prepare('SELECT count(*) FROM dealers').pluck(),
    insertDealer: db.prepare('INSERT INTO dealers (id, code, name, created_at) VALUES (?, ?, ?, ?)'),
    dealerByCode: db.prepare('SELECT * FROM dealers WHERE code = ?'),
    dealerById: db.prepare('SELECT * FROM dealers WHERE id = ?'),
    insertUser: db.prepare(`INSERT INTO users (id, dealer_id, username, display_name, role, password_hash, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    userByName: db.prepare('SELECT * FROM users WHERE dealer_id = ? AND username = ?'),
    userById: db.prepare('SELECT * FROM users WHERE id = ?'),
    insertToken: db.prepare('INSERT INTO refresh_tokens (token_hash, user_id, dealer_id, expires_at_ms, family_id) VALUES (?, ?, ?, ?, ?)'),
    token: db.prepare('SELECT * FROM refresh_tokens WHERE token_hash = ?'),
    markTokenUsed: db.prepare('UPDATE refresh_tokens SET used_at_ms = ? WHERE token_hash = ?'),
    revokeTokenFamily: db.prepare('DELETE FROM refresh_tokens WHERE family_id = ?'),
    purgeTokens: db.prepare('DELETE FROM refresh_tokens WHERE expires_at_ms < ?'),
    failure: db.prepare('SELECT failures, locked_until_ms FROM login_failures WHERE key = ?'),
    saveFailure: db.prepare(`INSERT INTO login_failures (key, failures, locked_until_ms) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until_ms = excluded.locked_until_ms`),
    clearFailure: db.prepare('DELETE FROM login_failures WHERE key = ?'),
    insertSecret: db.prepare('INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING'),
    secret: db.prepare('SELECT value FROM server_secrets WHERE name = ?').pluck(),
    pull: db.prepare(`SELECT * FROM documents WHERE dealer_id = ? AND collection = ? AND seq > ? ORDER BY seq LIMIT ?`),
    latestSeq: db.prepare('SELECT coalesce(max(seq), 0) FROM documents WHERE dealer_id = ? AND collection = ?').pluck(),
    documentById: db.prepare('SELECT * FROM documents WHERE collection = ? AND id = ?'),
    dealerDocument: db.prepare('SELECT * FROM documents WHERE dealer_id = ? AND collection = ? AND id = ?'),
    insertSnapshot: db.prepare(`INSERT INTO signed_snapshots (dealer_id, collection, doc_id, content_hash, data, created_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (collection, doc_id, content_hash) DO NOTHING`),
    snapshots: db.prepare('SELECT * FROM signed_snapshots WHERE dealer_id = ? AND collection = ? AND doc_id = ? ORDER BY position'),
    nextSeq: db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM documents').pluck(),
    upsertDocument: db.prepare(`INSERT INTO documents (collection, id, dealer_id, seq, data, deleted) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data, deleted = excluded.deleted
      WHERE documents.dealer_id = excluded.dealer_id`),
    rejectedBase: db.prepare('SELECT state_hash, master_seq FROM rejected_bases WHERE dealer_id = ? AND collection = ? AND id = ?'),
    saveRejectedBase: db.prepare(`INSERT INTO rejected_bases (dealer_id, collection, id, state_hash, master_seq) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (dealer_id, collection, id) DO UPDATE SET state_hash = excluded.state_hash, master_seq = excluded.master_seq`),
    insertBlob: db.prepare(`INSERT INTO blobs (dealer_id, sha256, mime_type, size_bytes, bytes) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (dealer_id, sha256) DO NOTHING`),
    blob: db.prepare('SELECT dealer_id, sha256, mime_type, bytes FROM blobs WHERE dealer_id = ? AND sha256 = ?'),
    hasBlob: db.prepare('SELECT 1 FROM blobs WHERE dealer_id = ? AND sha256 = ?').pluck(),
  };

  const writeTransaction = db.transaction((dealerId: string, collection: string, ids: readonly string[], plan: WritePlan) => {
    const current = new Map<string, StoredDocument>();
    for (const id of new Set(ids)) {
      const row = statements.documentById.get(collection, id) as DocumentRow | undefined;
      if (row) current.set(id, toDocument(row));
    }

    const written: StoredDocument[] = [];
    const createdAt = new Date().toISOString();
    for (const write of plan(current)) {
      // Same transaction as the write: a signed version is kept before it is overwritten, or nothing is written.
      for (const snapshot of signedSnapshotsOfWrite(collection, dealerId, current.get(write.id), write)) {
        statements.insertSnapshot.run(dealerId, collection, snapshot.documentId, snapshot.contentHash, JSON.stringify(snapshot.data), createdAt);
      }
      const seq = statements.nextSeq.get() as number;
      const result = statements.upsertDocument.run(collection, write.id, dealerId, seq, JSON.stringify(write.data), write.deleted ? 1 : 0);
      if (result.changes === 0) throw new StoreError('document_id_taken', `document ${write.id} belongs to another dealer`);
      written.push({ collection, id: write.id, dealerId, seq, data: write.data, deleted: write.deleted });
    }
    return written;
  });

  const rotateTokenTransaction = db.transaction((tokenHash: string, next: NextRefreshToken, nowMs: number): RefreshTokenRotation => {
    const row = statements.token.get(tokenHash) as TokenRow | undefined;
    if (!row) return { status: 'unknown' };
    const previous = toTokenRecord(row);
    if (row.used_at_ms !== null) {
      statements.revokeTokenFamily.run(row.family_id);
      return { status: 'reused', previous };
    }
    if (row.expires_at_ms <= nowMs) return { status: 'expired' };

    statements.markTokenUsed.run(nowMs, tokenHash);
    statements.insertToken.run(next.tokenHash, row.user_id, row.dealer_id, next.expiresAtMs, row.family_id);
    return { status: 'rotated', previous };
  });

  let dataVersion = db.pragma('data_version', { simple: true });
  // `data_version` changes only when another connection commits, so polling it detects the admin command's writes.
  const poller = setInterval(() => {
    const version = db.pragma('data_version', { simple: true });
    if (version === dataVersion) return;
    dataVersion = version;
    feed.publish({ dealerId: null, collection: null });
  }, FOREIGN_COMMIT_POLL_MS);
  poller.unref();

  function notify(dealerId: string, collection: string, written: readonly StoredDocument[]): void {
    if (written.length > 0) feed.publish({ dealerId, collection });
  }

  return {
    kind: 'sqlite',

    async ping() {
      db.prepare('SELECT 1').get();
    },

    async close() {
      clearInterval(poller);
      feed.clear();
      if (db.open) db.close();
    },

    async countDealers() {
      return statements.countDealers.get() as number;
    },

    async createDealer(input: NewDealer) {
      const dealer: Dealer = { id: uuidv7(), code: input.code, name: input.name, createdAt: new Date().toISOString() };
      try {
        statements.insertDealer.run(dealer.id, dealer.code, dealer.name, dealer.createdAt);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreError('dealer_code_taken', `dealer code ${input.code} is already in use`);
        throw error;
      }
      return dealer;
    },

    async getDealerByCode(code) {
      const row = statements.dealerByCode.get(code) as DealerRow | undefined;
      return row ? toDealer(row) : null;
    },

    async getDealerById(id) {
      const row = statements.dealerById.get(id) as DealerRow | undefined;
      return row ? toDealer(row) : null;
    },

    async createUser(input: NewUser) {
      const user: User = { id: uuidv7(), createdAt: new Date().toISOString(), ...input };
      try {
        statements.insertUser.run(user.id, user.dealerId, user.username, user.displayName, user.role, user.passwordHash, user.createdAt);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreError('username_taken', `username ${input.username} is already in use at this dealer`);
        throw error;
      }
      return user;
    },

    async getUserByUsername(dealerId, username) {
      const row = statements.userByName.get(dealerId, username) as UserRow | undefined;
      return row ? toUser(row) : null;
    },

    async getUserById(id) {
      const row = statements.userById.get(id) as UserRow | undefined;
      return row ? toUser(row) : null;
    },

    async saveRefreshToken(record: RefreshTokenRecord) {
      statements.purgeTokens.run(Date.now());
      statements.insertToken.run(record.tokenHash, record.userId, record.dealerId, record.expiresAtMs, record.familyId);
    },

    async rotateRefreshToken(tokenHash, next, nowMs) {
      return rotateTokenTransaction.immediate(tokenHash, next, nowMs);
    },

    async getLoginFailure(key) {
      const row = statements.failure.get(key) as { failures: number; locked_until_ms: number } | undefined;
      return row ? { key, failures: row.failures, lockedUntilMs: row.locked_until_ms } : null;
    },

    async saveLoginFailure(record: LoginFailure) {
      statements.saveFailure.run(record.key, record.failures, record.lockedUntilMs);
    },

    async clearLoginFailure(key) {
      statements.clearFailure.run(key);
    },

    async getOrCreateSecret(name, generate) {
      statements.insertSecret.run(name, generate());
      return statements.secret.get(name) as string;
    },

    async pullDocuments(dealerId, collection, afterSeq, limit) {
      return (statements.pull.all(dealerId, collection, afterSeq, limit) as DocumentRow[]).map(toDocument);
    },

    async getDocument(dealerId, collection, id) {
      const row = statements.dealerDocument.get(dealerId, collection, id) as DocumentRow | undefined;
      return row ? toDocument(row) : null;
    },

    async latestSeq(dealerId, collection) {
      return statements.latestSeq.get(dealerId, collection) as number;
    },

    async writeDocuments(dealerId, collection, ids, plan) {
      const written = writeTransaction.immediate(dealerId, collection, ids, plan);
      notify(dealerId, collection, written);
      return written;
    },

    async writeServerDocuments(dealerId, collection, docs) {
      const ids = docs.map((doc) => String(doc.id));
      const written = writeTransaction.immediate(dealerId, collection, ids, serverWritePlan(dealerId, docs));
      notify(dealerId, collection, written);
    },

    onChange(listener: (change: DocumentChange) => void) {
      return feed.subscribe(listener);
    },

    async getSignedSnapshots(dealerId, collection, id) {
      return (statements.snapshots.all(dealerId, collection, id) as SnapshotRow[]).map(toSnapshot);
    },

    async getRejectedBases(dealerId, collection, ids) {
      const found = new Map<string, RejectedBase>();
      for (const id of new Set(ids)) {
        const row = statements.rejectedBase.get(dealerId, collection, id) as { state_hash: string; master_seq: number } | undefined;
        if (row) found.set(id, { id, stateHash: row.state_hash, masterSeq: row.master_seq });
      }
      return found;
    },

    async saveRejectedBases(dealerId, collection, records) {
      db.transaction(() => {
        for (const record of records) statements.saveRejectedBase.run(dealerId, collection, record.id, record.stateHash, record.masterSeq);
      })();
    },

    async putBlob(blob: StoredBlob) {
      const result = statements.insertBlob.run(blob.dealerId, blob.sha256, blob.mimeType, blob.bytes.byteLength, Buffer.from(blob.bytes));
      return result.changes > 0;
    },

    async getBlob(dealerId, sha256) {
      const row = statements.blob.get(dealerId, sha256) as BlobRow | undefined;
      return row ? { dealerId: row.dealer_id, sha256: row.sha256, mimeType: row.mime_type, bytes: new Uint8Array(row.bytes) } : null;
    },

    async hasBlob(dealerId, sha256) {
      return statements.hasBlob.get(dealerId, sha256) === 1;
    },
  };
}
