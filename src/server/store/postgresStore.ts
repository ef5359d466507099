import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ChangeFeed } from './changeFeed';
import { PostgresChangeListener, CHANGE_CHANNEL } from './postgresChangeListener';
import { migratePostgres } from './postgresMigrations';
import {
  serverWritePlan,
  signedSnapshotsOfWrite,
  StoreError,
  type Dealer,
  type DocumentChange,
  type NewDealer,
  type NewUser,
  type RefreshTokenRecord,
  type RefreshTokenRotation,
  type SignedSnapshot,
  type Store,
  type StoredDocument,
  type User,
  type UserRole,
  type WritePlan,
} from './store';

// First key of the two-key advisory lock that serializes the writes of one dealer.
const DEALER_WRITE_LOCK_CLASS = 7_240_312;

interface DealerRow { id: string; code: string; name: string; created_at: string }
interface UserRow {
  id: string; dealer_id: string; username: string; display_name: string; role: string; password_hash: string; created_at: string;
}
interface DocumentRow { collection: string; id: string; dealer_id: string; seq: string; data: Record<string, unknown>; deleted: boolean }

interface TokenRow { token_hash: string; user_id: string; dealer_id: string; expires_at_ms: string; family_id: string; used_at_ms: string | null }
interface SnapshotRow {
  dealer_id: string; collection: string; doc_id: string; content_hash: string; data: Record<string, unknown>; created_at: string;
}

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
  return { collection: row.collection, id: row.id, dealerId: row.dealer_id, seq: Number(row.seq), data: row.data, deleted: row.deleted };
}

function toTokenRecord(row: TokenRow): RefreshTokenRecord {
  return { tokenHash: row.token_hash, userId: row.user_id, dealerId: row.dealer_id, expiresAtMs: Number(row.expires_at_ms), familyId: row.family_id };
}

function toSnapshot(row: SnapshotRow): SignedSnapshot {
  return {
    collection: row.collection,
    documentId: row.doc_id,
    dealerId: row.dealer_id,
    contentHash: row.content_hash,
    data: row.data,
    createdAt: row.created_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

/**
 * Opens the PostgreSQL store and applies its pending migrations. Writes of one dealer are
 * serialized by a transaction-scoped advisory lock taken before the sequence values are
 * drawn, so they commit in sequence order and a puller reading `seq > checkpoint` never
 * skips a write that commits later with a smaller sequence. Changes reach the pull streams
 * of every instance through NOTIFY, sent inside the write transaction so it arrives on commit.
 */
export async function openPostgresStore(connectionString: string): Promise<Store> {
  // When no connection can be opened within 10 s, the request (and the health check) fails instead of hanging.
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const migrationClient = await pool.connect();
  try {
    await migratePostgres(migrationClient);
  } finally {
    migrationClient.release();
  }

  const feed = new ChangeFeed();
  const listener = new PostgresChangeListener(connectionString, feed);
  await listener.start();

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function writeDocuments(dealerId: string, collection: string, ids: readonly string[], plan: WritePlan) {
    return inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DEALER_WRITE_LOCK_CLASS, dealerId]);
      const found = await client.query<DocumentRow>('SELECT * FROM documents WHERE collection = $1 AND id = ANY($2::text[])', [
        collection,
        [...new Set(ids)],
      ]);
      const current = new Map(found.rows.map((row) => [row.id, toDocument(row)]));

      const written: StoredDocument[] = [];
      const createdAt = new Date().toISOString();
      for (const write of plan(current)) {
        // Same transaction as the write: a signed version is kept before it is overwritten, or nothing is written.
        for (const snapshot of signedSnapshotsOfWrite(collection, dealerId, current.get(write.id), write)) {
          await client.query(
            `INSERT INTO signed_snapshots (dealer_id, collection, doc_id, content_hash, data, created_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (collection, doc_id, content_hash) DO NOTHING`,
            [dealerId, collection, snapshot.documentId, snapshot.contentHash, JSON.stringify(snapshot.data), createdAt],
          );
        }
        const result = await client.query<{ seq: string }>(
          `INSERT INTO documents (collection, id, dealer_id, seq, data, deleted)
           VALUES ($1, $2, $3, nextval('document_seq'), $4, $5)
           ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data, deleted = excluded.deleted
           WHERE documents.dealer_id = excluded.dealer_id
           RETURNING seq`,
          [collection, write.id, dealerId, JSON.stringify(write.data), write.deleted],
        );
        const row = result.rows[0];
        if (!row) throw new StoreError('document_id_taken', `document ${write.id} belongs to another dealer`);
        written.push({ collection, id: write.id, dealerId, seq: Number(row.seq), data: write.data, deleted: write.deleted });
      }

      if (written.length > 0) {
        await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify({ dealerId, collection })]);
      }
      return written;
    });
  }

  return {
    kind: 'postgres',

    async ping() {
      await pool.query('SELECT 1');
    },

    async close() {
      feed.clear();
      await listener.stop();
      await pool.end();
    },

    async countDealers() {
      const result = await pool.query<{ count: string }>('SELECT count(*) FROM dealers');
      return Number(result.rows[0]?.count ?? 0);
    },

    async createDealer(input: NewDealer) {
      const dealer: Dealer = { id: uuidv7(), code: input.code, name: input.name, createdAt: new Date().toISOString() };
      try {
        await pool.query('INSERT INTO dealers (id, code, name, created_at) VALUES ($1, $2, $3, $4)', [
          dealer.id, dealer.code, dealer.name, dealer.createdAt,
        ]);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreError('dealer_code_taken', `dealer code ${input.code} is already in use`);
        throw error;
      }
      return dealer;
    },

    async getDealerByCode(code) {
      const result = await pool.query<DealerRow>('SELECT * FROM dealers WHERE code = $1', [code]);
      return result.rows[0] ? toDealer(result.rows[0]) : null;
    },

    async getDealerById(id) {
      const result = await pool.query<DealerRow>('SELECT * FROM dealers WHERE id = $1', [id]);
      return result.rows[0] ? toDealer(result.rows[0]) : null;
    },

    async createUser(input: NewUser) {
      const user: User = { id: uuidv7(), createdAt: new Date().toISOString(), ...input };
      try {
        await pool.query(
          `INSERT INTO users (id, dealer_id, username, display_name, role, password_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [user.id, user.dealerId, user.username, user.displayName, user.role, user.passwordHash, user.createdAt],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreError('username_taken', `username ${input.username} is already in use at this dealer`);
        throw error;
      }
      return user;
    },

    async getUserByUsername(dealerId, username) {
      const result = await pool.query<UserRow>('SELECT * FROM users WHERE dealer_id = $1 AND username = $2', [dealerId, username]);
      return result.rows[0] ? toUser(result.rows[0]) : null;
    },

    async getUserById(id) {
      const result = await pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
      return result.rows[0] ? toUser(result.rows[0]) : null;
    },

    async saveRefreshToken(record) {
      await pool.query('DELETE FROM refresh_tokens WHERE expires_at_ms < $1', [Date.now()]);
      await pool.query('INSERT INTO refresh_tokens (token_hash, user_id, dealer_id, expires_at_ms, family_id) VALUES ($1, $2, $3, $4, $5)', [
        record.tokenHash, record.userId, record.dealerId, record.expiresAtMs, record.familyId,
      ]);
    },

    async rotateRefreshToken(tokenHash, next, nowMs) {
      // FOR UPDATE makes a concurrent use of the same token wait for this one and then see it used.
      return inTransaction(async (client): Promise<RefreshTokenRotation> => {
        const found = await client.query<TokenRow>('SELECT * FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE', [tokenHash]);
        const row = found.rows[0];
        if (!row) return { status: 'unknown' };
        const previous = toTokenRecord(row);
        if (row.used_at_ms !== null) {
          await client.query('DELETE FROM refresh_tokens WHERE family_id = $1', [row.family_id]);
          return { status: 'reused', previous };
        }
        if (previous.expiresAtMs <= nowMs) return { status: 'expired' };

        await client.query('UPDATE refresh_tokens SET used_at_ms = $1 WHERE token_hash = $2', [nowMs, tokenHash]);
        await client.query('INSERT INTO refresh_tokens (token_hash, user_id, dealer_id, expires_at_ms, family_id) VALUES ($1, $2, $3, $4, $5)', [
          next.tokenHash, row.user_id, row.dealer_id, next.expiresAtMs, row.family_id,
        ]);
        return { status: 'rotated', previous };
      });
    },

    async getLoginFailure(key) {
      const result = await pool.query<{ failures: number; locked_until_ms: string }>(
        'SELECT failures, locked_until_ms FROM login_failures WHERE key = $1',
        [key],
      );
      const row = result.rows[0];
      return row ? { key, failures: row.failures, lockedUntilMs: Number(row.locked_until_ms) } : null;
    },

    async saveLoginFailure(record) {
      await pool.query(
        `INSERT INTO login_failures (key, failures, locked_until_ms) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until_ms = excluded.locked_until_ms`,
        [record.key, record.failures, record.lockedUntilMs],
      );
    },

    async clearLoginFailure(key) {
      await pool.query('DELETE FROM login_failures WHERE key = $1', [key]);
    },

    async getOrCreateSecret(name, generate) {
      await pool.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, generate()]);
      const result = await pool.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
      const row = result.rows[0];
      if (!row) throw new Error(`server secret ${name} is missing right after it was stored`);
      return row.value;
    },

    async pullDocuments(dealerId, collection, afterSeq, limit) {
      const result = await pool.query<DocumentRow>(
        'SELECT * FROM documents WHERE dealer_id = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4',
        [dealerId, collection, afterSeq, limit],
      );
      return result.rows.map(toDocument);
    },

    async getDocument(dealerId, collection, id) {
      const result = await pool.query<DocumentRow>('SELECT * FROM documents WHERE dealer_id = $1 AND collection = $2 AND id = $3', [
        dealerId, collection, id,
      ]);
      return result.rows[0] ? toDocument(result.rows[0]) : null;
    },

    async latestSeq(dealerId, collection) {
      const result = await pool.query<{ seq: string }>(
        'SELECT coalesce(max(seq), 0) AS seq FROM documents WHERE dealer_id = $1 AND collection = $2',
        [dealerId, collection],
      );
      return Number(result.rows[0]?.seq ?? 0);
    },

    writeDocuments,

    async writeServerDocuments(dealerId, collection, docs) {
      await writeDocuments(dealerId, collection, docs.map((doc) => String(doc.id)), serverWritePlan(dealerId, docs));
    },

    onChange(listener: (change: DocumentChange) => void) {
      return feed.subscribe(listener);
    },

    async getSignedSnapshots(dealerId, collection, id) {
      const result = await pool.query<SnapshotRow>(
        'SELECT * FROM signed_snapshots WHERE dealer_id = $1 AND collection = $2 AND doc_id = $3 ORDER BY position',
        [dealerId, collection, id],
      );
      return result.rows.map(toSnapshot);
    },

    async getRejectedBases(dealerId, collection, ids) {
      const result = await pool.query<{ id: string; state_hash: string; master_seq: string }>(
        'SELECT id, state_hash, master_seq FROM rejected_bases WHERE dealer_id = $1 AND collection = $2 AND id = ANY($3::text[])',
        [dealerId, collection, [...new Set(ids)]],
      );
      return new Map(result.rows.map((row) => [row.id, { id: row.id, stateHash: row.state_hash, masterSeq: Number(row.master_seq) }]));
    },

    async saveRejectedBases(dealerId, collection, records) {
      if (records.length === 0) return;
      await pool.query(
        `INSERT INTO rejected_bases (dealer_id, collection, id, state_hash, master_seq)
         SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::bigint[])
         ON CONFLICT (dealer_id, collection, id) DO UPDATE SET state_hash = excluded.state_hash, master_seq = excluded.master_seq`,
        [dealerId, collection, records.map((record) => record.id), records.map((record) => record.stateHash), records.map((record) => record.masterSeq)],
      );
    },

    async putBlob(blob) {
      const result = await pool.query(
        `INSERT INTO blobs (dealer_id, sha256, mime_type, size_bytes, bytes) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dealer_id, sha256) DO NOTHING`,
        [blob.dealerId, blob.sha256, blob.mimeType, blob.bytes.byteLength, Buffer.from(blob.bytes)],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async getBlob(dealerId, sha256) {
      const result = await pool.query<{ mime_type: string; bytes: Buffer }>(
        'SELECT mime_type, bytes FROM blobs WHERE dealer_id = $1 AND sha256 = $2',
        [dealerId, sha256],
      );
      const row = result.rows[0];
      return row ? { dealerId, sha256, mimeType: row.mime_type, bytes: new Uint8Array(row.bytes) } : null;
    },

    async hasBlob(dealerId, sha256) {
      const result = await pool.query('SELECT 1 FROM blobs WHERE dealer_id = $1 AND sha256 = $2', [dealerId, sha256]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}
