import type Database from 'better-sqlite3';

/** Schema migrations of the SQLite store, applied in order; never edit one that has shipped, add a new one. */
export const SQLITE_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
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
        expires_at_ms INTEGER NOT NULL
      );
      CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at_ms);
      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until_ms INTEGER NOT NULL
      );
      CREATE TABLE server_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE documents (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        seq INTEGER NOT NULL UNIQUE,
        data TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX documents_pull ON documents (dealer_id, collection, seq);
      CREATE TABLE blobs (
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        sha256 TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        bytes BLOB NOT NULL,
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
        master_seq INTEGER NOT NULL,
        PRIMARY KEY (dealer_id, collection, id)
      );
    `,
  },
  {
    version: 3,
    name: 'signed snapshots',
    sql: `
      CREATE TABLE signed_snapshots (
        position INTEGER PRIMARY KEY,
        dealer_id TEXT NOT NULL REFERENCES dealers(id),
        collection TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (collection, doc_id, content_hash)
      );
      CREATE TRIGGER signed_snapshots_no_update BEFORE UPDATE ON signed_snapshots
        BEGIN SELECT RAISE(ABORT, 'signed snapshots cannot be changed'); END;
      CREATE TRIGGER signed_snapshots_no_delete BEFORE DELETE ON signed_snapshots
        BEGIN SELECT RAISE(ABORT, 'signed snapshots cannot be deleted'); END;
    `,
  },
  {
    version: 4,
    name: 'refresh token families',
    // A token stored before families existed becomes a family of its own.
    sql: `
      ALTER TABLE refresh_tokens ADD COLUMN family_id TEXT;
      ALTER TABLE refresh_tokens ADD COLUMN used_at_ms INTEGER;
      UPDATE refresh_tokens SET family_id = token_hash;
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
    `,
  },
];

/** Creates the migrations table and applies every migration not yet recorded there, each in its own transaction. */
export function migrateSqlite(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();

  for (const migration of SQLITE_MIGRATIONS) {
    // Checked inside the write transaction: the admin command and the server may start together.
    db.transaction(() => {
      if (isApplied.get(migration.version)) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
