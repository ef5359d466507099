import { z } from 'zod';
import { formatIssuePath } from '../http/body';
import type { SyncCollection } from './syncCollections';

/** Rows of one push request at most; RxDB's default push batch is far smaller. */
export const MAX_PUSH_ROWS = 1000;

export const pushBodySchema = z
  .array(
    z.object({
      assumedMasterState: z.record(z.string(), z.unknown()).nullish(),
      newDocumentState: z.record(z.string(), z.unknown()),
    }),
  )
  .max(MAX_PUSH_ROWS);

export type PushBody = z.infer<typeof pushBodySchema>;

/** Codes of a rejected push row; see docs/sync-protocol.md. */
export type RejectionCode =
  | 'invalid_document'
  | 'dealer_mismatch'
  | 'document_id_taken'
  | 'signature_rewritten'
  | 'signature_duplicate_id'
  | 'signed_document_delete'
  | 'status_transition'
  | 'work_not_approved';

/** Reason a push row was not stored, sent as the `_rejection` property of the row's response entry. */
export interface PushRejection {
  error: RejectionCode;
  message: string;
  /** Path of the first offending field, `lines[2].name` style. */
  field: string;
  documentId: string;
  /** Every schema problem of the row; `code` is a `validation.<code>` catalog key where the schema names one. */
  issues: Array<{ field: string; code: string }>;
}

/** A push row checked on its own, before the stored state is known. */
export interface PreparedRow {
  id: string;
  /** The document as stored: the pushed state without `_deleted`. */
  data: Record<string, unknown>;
  deleted: boolean;
  /** The base the tablet edited, or null for a document new to the tablet. */
  assumed: Record<string, unknown> | null;
  /** The schema's output, for the signed-content functions; null when the row is rejected. */
  parsed: Record<string, unknown> | null;
  rejection: PushRejection | null;
}

// Schema messages that are catalog codes (`mobile_format`), as opposed to zod's English defaults.
const MESSAGE_CODE = /^[a-z][a-z0-9_]*$/;

function issuesOf(error: z.ZodError): Array<{ field: string; code: string }> {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length > 0 ? [...issue.path, keys[0]!] : issue.path;
    return { field: formatIssuePath(path), code: MESSAGE_CODE.test(issue.message) ? issue.message : issue.code };
  });
}

/** Builds a rejection for one field. */
export function rejectRow(documentId: string, error: RejectionCode, field: string, message: string): PushRejection {
  return { error, message, field, documentId, issues: [{ field, code: error }] };
}

/**
 * Checks one row without the stored state: its `_deleted` flag, its dealer and its schema.
 * The caller has already checked that the row has a string primary key.
 */
export function prepareRow(row: PushBody[number], id: string, dealerId: string, collection: SyncCollection, collectionName: string): PreparedRow {
  const { _deleted: deletedFlag, ...data } = row.newDocumentState;
  const prepared: PreparedRow = { id, data, deleted: deletedFlag === true, assumed: row.assumedMasterState ?? null, parsed: null, rejection: null };

  if (deletedFlag !== undefined && typeof deletedFlag !== 'boolean') {
    prepared.rejection = rejectRow(id, 'invalid_document', '_deleted', `${collectionName} ${id}: _deleted must be a boolean`);
    return prepared;
  }

  if (collection.dealerField !== null && data[collection.dealerField] !== dealerId) {
    prepared.rejection = rejectRow(
      id,
      'dealer_mismatch',
      collection.dealerField,
      `${collectionName} ${id}: ${collection.dealerField} must be the dealer of the access token`,
    );
    return prepared;
  }

  const result = collection.schema.safeParse(data);
  if (!result.success) {
    const issues = issuesOf(result.error);
    const first = issues[0] ?? { field: '', code: 'invalid' };
    prepared.rejection = {
      error: 'invalid_document',
      message: `${collectionName} ${id}: invalid ${first.field || 'document'} (${first.code})`,
      field: first.field,
      documentId: id,
      issues,
    };
    return prepared;
  }
  prepared.parsed = result.data;
  return prepared;
}
