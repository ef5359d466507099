import type pg from 'pg';

/** Schema migrations of the PostgreSQL store, applied in order; never edit one that has shipped, add a new one. */
export const POSTGRES_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE dealers (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        username TEXT NOT NULL,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (dealer_id, username)
      );
      CREATE TABLE refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        expires_at_ms BIGINT NOT NULL
      );
      CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at_ms);
      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until_ms BIGINT NOT NULL
      );
      CREATE TABLE server_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE SEQUENCE document_seq;
      CREATE TABLE documents (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        seq BIGINT NOT NULL UNIQUE,
        data JSONB NOT NULL,
        deleted BOOLEAN NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX documents_pull ON documents (dealer_id, collection, seq);
      CREATE TABLE blobs (
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        sha256 TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        bytes BYTEA NOT NULL,
        PRIMARY KEY (dealer_id, sha256)
      );
    `,
  },
  {
    version: 2,
    name: 'rejected push bases',
    sql: `
      CREATE TABLE rejected_bases (
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        state_hash TEXT NOT NULL,
        master_seq BIGINT NOT NULL,
        PRIMARY KEY (dealer_id, collection, id)
      );
    `,
  },
  {
    version: 3,
    name: 'signed snapshots',
    // JSON, not JSONB: the snapshot keeps the document's text as it was written.
    sql: `
      CREATE TABLE signed_snapshots (
        position BIGSERIAL PRIMARY KEY,
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        collection TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        data JSON NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (collection, doc_id, content_hash)
      );
      CREATE FUNCTION reject_signed_snapshot_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'signed snapshots cannot be changed or deleted';
        END;
      $$;
      CREATE TRIGGER signed_snapshots_immutable BEFORE UPDATE OR DELETE ON signed_snapshots
        FOR EACH ROW EXECUTE FUNCTION reject_signed_snapshot_change();
    `,
  },
  {
    version: 4,
    name: 'refresh token families',
    // A token stored before families existed becomes a family of its own.
    sql: `
      ALTER TABLE refresh_tokens ADD COLUMN family_id TEXT;
      ALTER TABLE refresh_tokens ADD COLUMN used_at_ms BIGINT;
      UPDATE refresh_tokens SET family_id = token_hash;
      ALTER TABLE refresh_tokens ALTER COLUMN family_id SET NOT NULL;
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
    `,
  },
];

// Advisory lock key held while migrating, so instances starting together migrate one at a time.
const MIGRATION_LOCK_KEY = 7_240_311;

/** Creates the migrations table and applies every migration not yet recorded there, each in its own transaction. */
export async function migratePostgres(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
    );
    const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const versions = new Set(applied.rows.map((row) => row.version));

    for (const migration of POSTGRES_MIGRATIONS) {
      if (versions.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
