import path from 'node:path';
import { findCoveringSignatures } from '../signedContent';
import { openPostgresStore } from './postgresStore';
import { openSqliteStore } from './sqliteStore';

/*
 * The server's storage behind one interface. Two implementations pass the same contract
 * tests (tests/server/store.contract.test.ts): SQLite (the default, one file in DATA_DIR)
 * and PostgreSQL (when DATABASE_URL is set, for several instances behind a load balancer).
 */

export const USER_ROLES = ['advisor', 'foreman', 'service', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

export interface Dealer {
  id: string;
  code: string;
  name: string;
  createdAt: string;
}

export interface User {
  id: string;
  dealerId: string;
  username: string;
  displayName: string;
  role: UserRole;
  passwordHash: string;
  createdAt: string;
}

export interface RefreshTokenRecord {
  /** SHA-256 (hex) of the opaque token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  dealerId: string;
  expiresAtMs: number;
  /** Id of the log-in the token comes from; every token rotated from it shares the id. */
  familyId: string;
}

/** The token that a rotation stores in place of the used one, in the same family. */
export interface NextRefreshToken {
  tokenHash: string;
  expiresAtMs: number;
}

/**
 * Outcome of presenting a refresh token: `rotated` (the next token is stored), `reused`
 * (the token was used before, so its whole family is now revoked), `expired` or `unknown`.
 */
export type RefreshTokenRotation =
  | { status: 'rotated' | 'reused'; previous: RefreshTokenRecord }
  | { status: 'expired' | 'unknown' };

export interface LoginFailure {
  /** Dealer code and username of the attempts, see loginThrottle.ts. */
  key: string;
  failures: number;
  lockedUntilMs: number;
}

/** One replicated document as stored: `data` is the document without `_deleted`. */
export interface StoredDocument {
  collection: string;
  id: string;
  dealerId: string;
  /** Server-assigned checkpoint sequence of the last write; strictly increasing per store. */
  seq: number;
  data: Record<string, unknown>;
  deleted: boolean;
}

export interface DocumentWrite {
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
}

/**
 * Decides, inside the write transaction, what to write from the current stored state of
 * the requested ids (of any dealer, so a foreign id is visible). It must be synchronous
 * and free of I/O: it runs while the dealer's writes are serialized.
 */
export type WritePlan = (current: ReadonlyMap<string, StoredDocument>) => DocumentWrite[];

/** A committed change, sent to pull streams; `dealerId` null means "something changed, re-read". */
export interface DocumentChange {
  dealerId: string | null;
  collection: string | null;
}

/**
 * A document state the server rejected (S10 of docs/sync-protocol.md) while it stored
 * `masterSeq`. The tablet keeps the rejected state as the base of its next push of the
 * document; this record lets the server recognize that base.
 */
export interface RejectedBase {
  id: string;
  /** SHA-256 of the canonical JSON of the rejected state, `_deleted` included. */
  stateHash: string;
  /** Sequence of the stored document when the state was rejected. */
  masterSeq: number;
}

/**
 * A signed version of a document (S14 of docs/sync-protocol.md): the document as it was
 * stored while the latest signature of one of its papers covered it. Never changed or removed.
 */
export interface SignedSnapshot {
  collection: string;
  documentId: string;
  dealerId: string;
  /** Content hash of the paper's signature that covers `data`; unique per document. */
  contentHash: string;
  /** The document without `_deleted`. */
  data: Record<string, unknown>;
  /** When the server first stored this signed version (ISO). */
  createdAt: string;
}

/** A snapshot to insert; one whose document and content hash are already kept is skipped. */
export interface SnapshotWrite {
  documentId: string;
  contentHash: string;
  data: Record<string, unknown>;
}

export interface StoredBlob {
  dealerId: string;
  sha256: string;
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type StoreErrorCode = 'dealer_code_taken' | 'username_taken' | 'unknown_dealer' | 'document_id_taken' | 'document_dealer_mismatch';

/** A store failure the caller can act on; anything else is an internal error. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface NewDealer {
  code: string;
  name: string;
}

export interface NewUser {
  dealerId: string;
  username: string;
  displayName: string;
  role: UserRole;
  passwordHash: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Resolves when the store completes a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;

  countDealers(): Promise<number>;
  /** Creates a dealer; throws StoreError `dealer_code_taken` for a code in use. */
  createDealer(input: NewDealer): Promise<Dealer>;
  getDealerByCode(code: string): Promise<Dealer | null>;
  getDealerById(id: string): Promise<Dealer | null>;

  /** Creates a user; throws StoreError `username_taken` when the dealer already has the username. */
  createUser(input: NewUser): Promise<User>;
  getUserByUsername(dealerId: string, username: string): Promise<User | null>;
  getUserById(id: string): Promise<User | null>;

  saveRefreshToken(record: RefreshTokenRecord): Promise<void>;
  /**
   * Uses a refresh token once, in one transaction: an unused, unexpired token is marked used
   * and `next` is stored in its family. A used token revokes every token of its family, so a
   * stolen token that was rotated cannot be used, and neither can the tokens rotated from it.
   * Used tokens are kept until they expire, so reuse is detected for a token's whole lifetime.
   */
  rotateRefreshToken(tokenHash: string, next: NextRefreshToken, nowMs: number): Promise<RefreshTokenRotation>;

  getLoginFailure(key: string): Promise<LoginFailure | null>;
  saveLoginFailure(record: LoginFailure): Promise<void>;
  clearLoginFailure(key: string): Promise<void>;

  /** Returns the named secret, storing `generate()` first when none exists; every instance gets the same value. */
  getOrCreateSecret(name: string, generate: () => string): Promise<string>;

  /** Returns a dealer's documents of a collection written after `afterSeq`, oldest first. */
  pullDocuments(dealerId: string, collection: string, afterSeq: number, limit: number): Promise<StoredDocument[]>;
  /** Returns a dealer's document, or null when the dealer has no document with this id. */
  getDocument(dealerId: string, collection: string, id: string): Promise<StoredDocument | null>;
  /** Returns the highest sequence of a dealer's collection, 0 when empty. */
  latestSeq(dealerId: string, collection: string): Promise<number>;
  /**
   * Runs `plan` on the current state of `ids` and writes its result in one transaction,
   * serialized with every other write of the dealer, each write getting a new sequence.
   * In the same transaction it keeps a snapshot of every signed version the writes touch
   * (see `signedSnapshotsOfWrite`), so no write can lose what a customer signed.
   * Throws StoreError `document_id_taken` when a write targets another dealer's document.
   */
  writeDocuments(dealerId: string, collection: string, ids: readonly string[], plan: WritePlan): Promise<StoredDocument[]>;
  /** Stores documents as the server (admin imports, seed) in one transaction and notifies pull streams. */
  writeServerDocuments(dealerId: string, collection: string, docs: ReadonlyArray<Record<string, unknown>>): Promise<void>;
  /** Subscribes to committed changes, from this process and, on PostgreSQL, from other instances. */
  onChange(listener: (change: DocumentChange) => void): () => void;

  /** Returns the kept signed versions of a dealer's document, oldest first; none for another dealer's document. */
  getSignedSnapshots(dealerId: string, collection: string, id: string): Promise<SignedSnapshot[]>;

  /** Returns the rejected bases recorded for some documents of a dealer's collection. */
  getRejectedBases(dealerId: string, collection: string, ids: readonly string[]): Promise<Map<string, RejectedBase>>;
  /** Records rejected bases, replacing earlier records of the same documents. */
  saveRejectedBases(dealerId: string, collection: string, records: readonly RejectedBase[]): Promise<void>;

  /** Stores a blob; returns false when the dealer already had it (the call is idempotent). */
  putBlob(blob: StoredBlob): Promise<boolean>;
  getBlob(dealerId: string, sha256: string): Promise<StoredBlob | null>;
  hasBlob(dealerId: string, sha256: string): Promise<boolean>;
}

export interface StoreOptions {
  /** Folder of the SQLite file, created when missing; ignored when databaseUrl is set. */
  dataDir: string;
  /** PostgreSQL connection string; when set it replaces the SQLite file. */
  databaseUrl?: string | undefined;
}

export const SQLITE_FILE_NAME = 'service-lane.sqlite';

/** Opens the configured store and applies its pending schema migrations. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl);
  return openSqliteStore(path.join(options.dataDir, SQLITE_FILE_NAME));
}

/** Builds the write plan of `writeServerDocuments`: every document is written as given. */
export function serverWritePlan(dealerId: string, docs: ReadonlyArray<Record<string, unknown>>): WritePlan {
  return (current) => docs.map((doc) => {
    const id = String(doc.id);
    if (doc.dealerId !== dealerId) {
      throw new StoreError('document_dealer_mismatch', `document ${id}: expected dealerId ${dealerId}, found ${String(doc.dealerId)}`);
    }
    const existing = current.get(id);
    if (existing && existing.dealerId !== dealerId) {
      throw new StoreError('document_id_taken', `document ${id} belongs to another dealer`);
    }
    const { _deleted: deleted, ...data } = doc;
    return { id, data, deleted: deleted === true };
  });
}

/**
 * Lists the signed versions that one write must keep (S14 of docs/sync-protocol.md): the
 * stored document before it is overwritten, when its latest signature covers it, and the
 * written document, when its latest signature covers it. The first is normally kept
 * already; it matters for documents stored before the server kept snapshots.
 */
export function signedSnapshotsOfWrite(collection: string, dealerId: string, previous: StoredDocument | undefined, write: DocumentWrite): SnapshotWrite[] {
  const snapshots: SnapshotWrite[] = [];
  if (previous && previous.dealerId === dealerId) {
    for (const covering of findCoveringSignatures(collection, previous.data)) {
      snapshots.push({ documentId: previous.id, contentHash: covering.contentHash, data: previous.data });
    }
  }
  for (const covering of findCoveringSignatures(collection, write.data)) {
    snapshots.push({ documentId: write.id, contentHash: covering.contentHash, data: write.data });
  }
  return snapshots;
}
