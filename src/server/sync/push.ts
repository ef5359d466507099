import { sameDocumentState } from '../../domain/merge';
import { findInvalidStatusChange, startsWorkWithoutApproval } from '../../domain/orderStatus';
import type { Order } from '../../domain/schemas/order';
import { ApiError } from '../http/apiError';
import { checkSignatureHistory, contentHashSync, signaturesIn } from '../signedContent';
import { StoreError, type DocumentWrite, type RejectedBase, type Store, type StoredDocument } from '../store/store';
import { prepareRow, rejectRow, type PreparedRow, type PushBody, type PushRejection } from './pushRows';
import type { SyncCollection } from './syncCollections';

/** One entry of the push response: a conflicting master state, or a rejected row (S5 and S10 of docs/sync-protocol.md). */
export type PushResponseEntry = Record<string, unknown> & { _rejection?: PushRejection };

export interface PushResult {
  response: PushResponseEntry[];
  written: number;
  rejections: PushRejection[];
  /** Appended signatures whose hash does not cover the pushed content (S9); logged, not rejected. */
  unmatchedSignatures: Array<{ documentId: string; field: string }>;
  /** Rejected states of stored documents, recorded so a later push based on them is recognized (S10). */
  rejectedBases: RejectedBase[];
}

interface PushRequest {
  store: Store;
  dealerId: string;
  collectionName: string;
  collection: SyncCollection;
  rows: PushBody;
}

/** Returns the replicated state of a stored document: its data and `_deleted`. */
export function toWireState(document: StoredDocument): Record<string, unknown> {
  return { ...document.data, _deleted: document.deleted };
}

function withDeletedFlag(state: Record<string, unknown>): Record<string, unknown> {
  return { ...state, _deleted: state._deleted === true };
}

/** Hashes a document state the way `sameDocumentState` compares states: RxDB's metadata left out, key order ignored. */
function hashState(state: Record<string, unknown>): string {
  const { _meta: _ignoredMeta, _rev: _ignoredRev, _attachments: _ignoredAttachments, ...rest } = withDeletedFlag(state);
  return contentHashSync(rest);
}

/**
 * Tells whether a row was edited on top of the stored document: its base is the stored
 * state (S5), or a state the server rejected while the stored document was unchanged (S10).
 */
function isBasedOnStored(row: PreparedRow, stored: StoredDocument, master: Record<string, unknown>, rejectedBase: RejectedBase | undefined): boolean {
  if (!row.assumed) return false;
  const assumed = withDeletedFlag(row.assumed);
  if (sameDocumentState(assumed, master)) return true;
  return rejectedBase !== undefined && rejectedBase.masterSeq === stored.seq && rejectedBase.stateHash === hashState(assumed);
}

function rejectionAnswer(state: Record<string, unknown>, rejection: PushRejection): PushResponseEntry {
  return { ...state, _rejection: rejection };
}

function findSignatureViolation(row: PreparedRow, master: StoredDocument | undefined, collection: SyncCollection): PushRejection | null {
  for (const paper of collection.signedPapers) {
    const violation = checkSignatureHistory(paper.signatureField, signaturesIn(master?.data, paper.signatureField), signaturesIn(row.data, paper.signatureField));
    if (violation) return rejectRow(row.id, violation.code, violation.field, violation.message);
  }
  return null;
}

/** Rejects the soft delete of a signed document (S15): what the customer signed stays in the dealer's records. */
function findSignedDelete(row: PreparedRow, master: StoredDocument | undefined, request: PushRequest): PushRejection | null {
  if (!row.deleted) return null;
  const signed = request.collection.signedPapers.some((paper) =>
    signaturesIn(row.data, paper.signatureField).length > 0 || signaturesIn(master?.data, paper.signatureField).length > 0);
  if (!signed) return null;
  return rejectRow(row.id, 'signed_document_delete', '_deleted', `${request.collectionName} ${row.id}: a signed document cannot be deleted`);
}

/**
 * Rejects a repair order whose workshop status moved in a way the workshop does not allow
 * (S17), for example from waiting straight to delivered or out of delivered, or whose work
 * starts without the customer's signed approval.
 */
function findStatusViolation(row: PreparedRow, master: StoredDocument | undefined, request: PushRequest): PushRejection | null {
  if (request.collectionName !== 'orders' || !row.parsed) return null;
  const previous = master && !master.deleted ? (master.data as unknown as Order) : undefined;
  const next = row.parsed as unknown as Order;
  const violation = findInvalidStatusChange(previous, next);
  if (violation) {
    return rejectRow(row.id, 'status_transition', 'status', `orders ${row.id}: the status cannot move from ${violation.from} to ${violation.to}`);
  }
  if (startsWorkWithoutApproval(previous, next)) {
    return rejectRow(row.id, 'work_not_approved', 'status', `orders ${row.id}: work cannot start without a signed quote and an approved line`);
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
 * Decides every row against the stored state inside the write transaction (S4–S10, S15, S17). A row
 * is a no-op when the server already has the pushed state, a conflict when the tablet's
 * base is not the stored state, a rejection when invalid, and a write otherwise.
 */
function planPush(
  request: PushRequest,
  prepared: readonly PreparedRow[],
  current: ReadonlyMap<string, StoredDocument>,
  rejectedBases: ReadonlyMap<string, RejectedBase>,
): { writes: DocumentWrite[]; result: PushResult } {
  const { dealerId, collection } = request;
  const result: PushResult = { response: [], written: 0, rejections: [], unmatchedSignatures: [], rejectedBases: [] };
  const writes: DocumentWrite[] = [];
  // Later rows of the same id in one batch see the earlier rows' writes.
  const latest = new Map(current);

  for (const row of prepared) {
    const stored = latest.get(row.id);
    const pushedState = { ...row.data, _deleted: row.deleted };

    if (stored && stored.dealerId !== dealerId) {
      const rejection = rejectRow(row.id, 'document_id_taken', collection.primaryKey, `${request.collectionName} ${row.id}: the id is taken by another dealer's document`);
      result.rejections.push(rejection);
      result.response.push(rejectionAnswer(pushedState, rejection));
      continue;
    }

    const master = stored ? toWireState(stored) : null;
    if (master && sameDocumentState(master, pushedState)) continue;

    // A rejected row answers with the stored state and records the rejected state as a base (S10).
    const reject = (rejection: PushRejection) => {
      result.rejections.push(rejection);
      result.response.push(rejectionAnswer(master ?? pushedState, rejection));
      if (stored) result.rejectedBases.push({ id: row.id, stateHash: hashState(pushedState), masterSeq: stored.seq });
    };

    const rejection = row.rejection ?? findSignatureViolation(row, stored, collection) ?? findSignedDelete(row, stored, request);
    if (rejection) {
      reject(rejection);
      continue;
    }

    if (stored && master && !isBasedOnStored(row, stored, master, rejectedBases.get(row.id))) {
      result.response.push(master);
      continue;
    }

    // Checked only for rows based on the stored state: a row based on an older state is a
    // conflict first, and its status is judged again after the tablet merged.
    const statusRejection = findStatusViolation(row, stored, request);
    if (statusRejection) {
      reject(statusRejection);
      continue;
    }

    result.unmatchedSignatures.push(...findUnmatchedSignatures(row, stored, collection));
    writes.push({ id: row.id, data: row.data, deleted: row.deleted });
    latest.set(row.id, { collection: request.collectionName, id: row.id, dealerId, seq: 0, data: row.data, deleted: row.deleted });
  }

  result.written = writes.length;
  return { writes, result };
}

/** Applies a push batch in one transaction and returns the response rows: conflicts and rejections, in request order. */
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
  // Read outside the transaction: a record is only trusted while its masterSeq is still the stored sequence.
  const rejectedBases = await store.getRejectedBases(dealerId, collectionName, ids);

  // A write can lose a race for a new id against another dealer's push (S6): run the plan
  // again, and this time it sees that dealer's document and rejects the row.
  for (let attempt = 1; ; attempt++) {
    const outcome: { result?: PushResult } = {};
    try {
      await store.writeDocuments(dealerId, collectionName, ids, (current) => {
        const planned = planPush(request, prepared, current, rejectedBases);
        outcome.result = planned.result;
        return planned.writes;
      });
    } catch (error) {
      if (error instanceof StoreError && error.code === 'document_id_taken' && attempt < 2) continue;
      throw error;
    }
    if (!outcome.result) throw new Error('push plan did not run');

    const latestById = new Map(outcome.result.rejectedBases.map((record) => [record.id, record]));
    await store.saveRejectedBases(dealerId, collectionName, [...latestById.values()]);
    return outcome.result;
  }
}
