import { sameDocumentState } from '../../domain/merge';
import { ApiError } from '../http/apiError';
import { checkSignatureHistory, contentHashSync } from '../signedContent';
import { StoreError, type DocumentWrite, type Store, type StoredDocument } from '../store/store';
import { prepareRow, rejectRow, signaturesIn, type PreparedRow, type PushBody, type PushRejection } from './pushRows';
import type { SyncCollection } from './syncCollections';

/** One entry of the push answer: a conflicting master state, or a rejected row (S5–S7 of docs/sync-protocol.md). */
export type PushAnswerEntry = Record<string, unknown> & { _rejection?: PushRejection };

export interface PushResult {
  answer: PushAnswerEntry[];
  written: number;
  rejections: PushRejection[];
  /** Appended signatures whose hash does not cover the pushed content (S9); logged, not rejected. */
  unmatchedSignatures: Array<{ documentId: string; field: string }>;
}

interface PushRequest {
  store: Store;
  dealerId: string;
  collectionName: string;
  collection: SyncCollection;
  rows: PushBody;
}

/** Returns the state of a stored document as the tablet sees it: its data and `_deleted`. */
export function toWireState(document: StoredDocument): Record<string, unknown> {
  return { ...document.data, _deleted: document.deleted };
}

function withDeletedFlag(state: Record<string, unknown>): Record<string, unknown> {
  return { ...state, _deleted: state._deleted === true };
}

function rejectionAnswer(state: Record<string, unknown>, rejection: PushRejection): PushAnswerEntry {
  return { ...state, _rejection: rejection };
}

function findSignatureViolation(row: PreparedRow, master: StoredDocument | undefined, collection: SyncCollection): PushRejection | null {
  for (const paper of collection.signedPapers) {
    const violation = checkSignatureHistory(paper.signatureField, signaturesIn(master?.data, paper.signatureField), signaturesIn(row.data, paper.signatureField));
    if (violation) return rejectRow(row.id, violation.code, violation.field, violation.message);
  }
  return null;
}

function findUnmatchedSignatures(row: PreparedRow, master: StoredDocument | undefined, collection: SyncCollection): PushResult['unmatchedSignatures'] {
  const unmatched: PushResult['unmatchedSignatures'] = [];
  for (const paper of collection.signedPapers) {
    const next = signaturesIn(row.data, paper.signatureField);
    const appended = next.length > signaturesIn(master?.data, paper.signatureField).length;
    if (!appended || !row.parsed) continue;
    if (next.at(-1)?.contentHash !== contentHashSync(paper.content(row.parsed))) {
      unmatched.push({ documentId: row.id, field: `${paper.signatureField}[${next.length - 1}].contentHash` });
    }
  }
  return unmatched;
}

/**
 * Decides every row against the stored state inside the write transaction (S3–S8): a
 * no-op when the server already has the pushed state, a conflict when the tablet's base is
 * not the stored state, a rejection for an invalid row, a write otherwise.
 */
function planPush(request: PushRequest, prepared: readonly PreparedRow[], current: ReadonlyMap<string, StoredDocument>): { writes: DocumentWrite[]; result: PushResult } {
  const { dealerId, collection } = request;
  const result: PushResult = { answer: [], written: 0, rejections: [], unmatchedSignatures: [] };
  const writes: DocumentWrite[] = [];
  // Later rows of the same id in one batch see the earlier rows' writes.
  const latest = new Map(current);

  for (const row of prepared) {
    const stored = latest.get(row.id);
    const pushedState = { ...row.data, _deleted: row.deleted };

    if (stored && stored.dealerId !== dealerId) {
      const rejection = rejectRow(row.id, 'document_id_taken', collection.primaryKey, `${request.collectionName} ${row.id}: the id is taken by another dealer's document`);
      result.rejections.push(rejection);
      result.answer.push(rejectionAnswer(pushedState, rejection));
      continue;
    }

    const master = stored ? toWireState(stored) : null;
    if (master && sameDocumentState(master, pushedState)) continue;

    const rejection = row.rejection ?? findSignatureViolation(row, stored, collection);
    if (rejection) {
      result.rejections.push(rejection);
      result.answer.push(rejectionAnswer(master ?? pushedState, rejection));
      continue;
    }

    if (master && (!row.assumed || !sameDocumentState(withDeletedFlag(row.assumed), master))) {
      result.answer.push(master);
      continue;
    }

    result.unmatchedSignatures.push(...findUnmatchedSignatures(row, stored, collection));
    writes.push({ id: row.id, data: row.data, deleted: row.deleted });
    latest.set(row.id, { collection: request.collectionName, id: row.id, dealerId, seq: 0, data: row.data, deleted: row.deleted });
  }

  result.written = writes.length;
  return { writes, result };
}

/** Applies a push batch in one transaction and returns the answer rows: conflicts and rejections, in request order. */
export async function pushDocuments(request: PushRequest): Promise<PushResult> {
  const { store, dealerId, collection, collectionName, rows } = request;

  const prepared = rows.map((row, index) => {
    const id = row.newDocumentState[collection.primaryKey];
    if (typeof id !== 'string' || id === '') {
      const field = `[${index}].newDocumentState.${collection.primaryKey}`;
      throw new ApiError(400, 'invalid_request', `Push row ${index} has no document id in ${collection.primaryKey}.`, field);
    }
    return prepareRow(row, id, dealerId, collection, collectionName);
  });
  const ids = prepared.map((row) => row.id);

  // A write can lose a race for a new id against another dealer's push (S6): run the plan
  // again, and this time it sees that dealer's document and rejects the row.
  for (let attempt = 1; ; attempt++) {
    const outcome: { result?: PushResult } = {};
    try {
      await store.writeDocuments(dealerId, collectionName, ids, (current) => {
        const planned = planPush(request, prepared, current);
        outcome.result = planned.result;
        return planned.writes;
      });
    } catch (error) {
      if (error instanceof StoreError && error.code === 'document_id_taken' && attempt < 2) continue;
      throw error;
    }
    if (!outcome.result) throw new Error('push plan did not run');
    return outcome.result;
  }
}
