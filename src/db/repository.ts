import type { RxCollection } from 'rxdb';
import type { z } from 'zod';
import { COLLECTIONS, type CollectionName, type DocumentOf } from '../domain/collections';
import type { ServiceLaneDatabase } from './database';
import { withStorageRetry } from './storageErrors';

/** Fields the repository fills on every write; callers may omit them. */
type BookkeepingField = 'dealerId' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'mergeConflicts';

/** A document as a form edits it: the content, with or without the bookkeeping fields. */
export type DocumentDraft<C extends CollectionName> = Omit<DocumentOf<C>, BookkeepingField> &
  Partial<Pick<DocumentOf<C>, BookkeepingField>>;

/** The writer of a change and the dealer a new document belongs to. */
export interface WriteContext {
  /** Username recorded in `updatedBy`. */
  user: string;
  /** Dealer of a new document; an existing document keeps its dealer. */
  dealerId: string;
  /** Clock for createdAt/updatedAt; tests pass a fixed one. */
  now?: () => Date;
}

/** One invalid field of a rejected document. */
export interface FieldIssue {
  /** Dotted path of the field, array items by index: `damageMarks.0.note`. */
  path: string;
  /** The last named segment of the path, for the `field.<name>` message key: `note`. */
  field: string;
  /**
   * Message-catalog code under `validation.*`: the domain's own code where the schema names
   * one (`vin_check_digit`), otherwise zod's issue code (`too_big`, `invalid_type`, …).
   */
  code: string;
  /** Limits the message can show, from zod: `minimum`, `maximum`. */
  params: Record<string, number | string>;
}

/** A write was rejected because the document does not match its collection's schema. */
export class DocumentValidationError extends Error {
  readonly code = 'document_invalid';

  constructor(
    readonly collection: CollectionName,
    readonly documentId: string,
    readonly issues: FieldIssue[],
  ) {
    const summary = issues.map((issue) => `${issue.path || '(document)'}: ${issue.code}`).join(', ');
    super(`invalid ${collection} document ${documentId}: ${summary}`);
    this.name = 'DocumentValidationError';
  }
}

const MESSAGE_CODE = /^[a-z][a-z0-9_]*$/;

function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.');
  const named = issue.path.filter((segment): segment is string => typeof segment === 'string');
  const params: Record<string, number | string> = {};
  for (const key of ['minimum', 'maximum'] as const) {
    const value = (issue as Partial<Record<typeof key, unknown>>)[key];
    if (typeof value === 'number' || typeof value === 'bigint') params[key] = Number(value);
  }
  return {
    path,
    field: named.at(-1) ?? '',
    code: MESSAGE_CODE.test(issue.message) ? issue.message : issue.code,
    params,
  };
}

/** Parses a document with its collection's zod schema; throws DocumentValidationError naming each bad field. */
export function parseDocument<C extends CollectionName>(collection: C, candidate: unknown): DocumentOf<C> {
  const result = COLLECTIONS[collection].schema.safeParse(candidate);
  if (result.success) return result.data as DocumentOf<C>;
  const id = typeof candidate === 'object' && candidate !== null ? String((candidate as { id?: unknown }).id ?? '') : '';
  throw new DocumentValidationError(collection, id, result.error.issues.map(toFieldIssue));
}

function contentOf(document: Record<string, unknown>): Record<string, unknown> {
  const { _deleted: _ignoredDeleted, _meta: _ignoredMeta, _rev: _ignoredRev, _attachments: _ignoredAttachments, ...content } = document;
  return content;
}

function timestamp(context: WriteContext): string {
  return (context.now?.() ?? new Date()).toISOString();
}

/**
 * Validates and stores a document: a new one gets dealerId, createdAt and an empty
 * mergeConflicts list; every write sets updatedAt and updatedBy. An existing document keeps
 * its dealerId and createdAt, and its mergeConflicts unless the draft carries the list.
 * Transient IndexedDB failures are retried; a full quota raises StorageFullError and leaves
 * the stored version as it was. Returns the stored document.
 */
export async function saveDocument<C extends CollectionName>(
  db: ServiceLaneDatabase,
  collectionName: C,
  draft: DocumentDraft<C>,
  context: WriteContext,
): Promise<DocumentOf<C>> {
  return updateDocument(db, collectionName, draft.id, (current) => ({ ...current, ...draft }), context, draft);
}

/**
 * Applies `change` to the current stored version of a document inside RxDB's incremental
 * write queue, so a concurrent write by replication is not overwritten with a stale copy.
 * A document not stored yet is created from `change({})` when `initial` is given. The result
 * is validated and stored as saveDocument does.
 */
export async function updateDocument<C extends CollectionName>(
  db: ServiceLaneDatabase,
  collectionName: C,
  id: string,
  change: (current: Partial<DocumentOf<C>>) => DocumentDraft<C>,
  context: WriteContext,
  initial?: DocumentDraft<C>,
): Promise<DocumentOf<C>> {
  const collection: RxCollection<DocumentOf<C>> = db.collections[collectionName];

  return withStorageRetry(async () => {
    // Two attempts: a new document inserted by another write between the look-up and the
    // insert (two quick autosaves of a new draft) is modified on the second attempt.
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await collection.findOne(id).exec();

      if (existing) {
        const stored = await existing.incrementalModify((current) => {
          const base = contentOf(current) as DocumentOf<C>;
          const next = change(base) as Partial<DocumentOf<C>>;
          return parseDocument(collectionName, {
            ...next,
            id,
            dealerId: base.dealerId,
            createdAt: base.createdAt,
            mergeConflicts: next.mergeConflicts ?? base.mergeConflicts,
            updatedAt: timestamp(context),
            updatedBy: context.user,
          });
        });
        return contentOf(stored.toJSON(true)) as DocumentOf<C>;
      }

      if (!initial) throw new Error(`cannot update ${collectionName} document ${id}: not found`);
      const now = timestamp(context);
      const created = parseDocument(collectionName, {
        ...change({}),
        id,
        dealerId: initial.dealerId ?? context.dealerId,
        createdAt: initial.createdAt ?? now,
        mergeConflicts: initial.mergeConflicts ?? [],
        updatedAt: now,
        updatedBy: context.user,
      });
      const result = await collection.bulkInsert([created]);
      const inserted = result.success[0];
      if (inserted) return contentOf(inserted.toJSON(true)) as DocumentOf<C>;

      const writeError = result.error[0];
      if (writeError?.status !== 409) throw writeError ?? new Error(`insert of ${collectionName} document ${id} failed`);
      if (writeError.documentInDb._deleted) throw new Error(`cannot save ${collectionName} document ${id}: it was deleted`);
    }
    throw new Error(`cannot save ${collectionName} document ${id}: it changed during every attempt`);
  });
}

/** Soft-deletes a document (RxDB replicates `_deleted`), recording who deleted it and when. */
export async function deleteDocument<C extends CollectionName>(
  db: ServiceLaneDatabase,
  collectionName: C,
  id: string,
  context: WriteContext,
): Promise<void> {
  const collection: RxCollection<DocumentOf<C>> = db.collections[collectionName];

  await withStorageRetry(async () => {
    const existing = await collection.findOne(id).exec();
    if (!existing) return;
    await existing.incrementalModify((current) => ({
      ...current,
      updatedAt: timestamp(context),
      updatedBy: context.user,
      _deleted: true,
    }));
  });
}
