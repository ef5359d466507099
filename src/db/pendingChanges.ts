import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  writeDocToDocState,
  type RxDocumentData,
  type RxStorageInstanceReplicationState,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

const PAGE_SIZE = 500;

/*
 * RxDB keeps no counter of unpushed documents. This module reads the state that RxDB's
 * upstream (rxdb/src/replication-protocol/upstream.ts, RxDB 17.6) reads to decide what to
 * push: the local documents written after the stored upstream checkpoint, each compared
 * with the master state the replication assumes for it. A document counts as pending until the
 * server acknowledged its current state, and counting errs towards "pending": a document
 * pulled moments ago can count until RxDB has written its meta row.
 */

function isAcknowledged<T>(
  internal: RxStorageInstanceReplicationState<T>,
  document: RxDocumentData<T>,
  assumed: Awaited<ReturnType<typeof getAssumedMasterState<T>>>[string] | undefined,
): boolean {
  if (!assumed) return false;
  // A conflict resolution written to the local collection must still be pushed.
  if (assumed.metaDocument.isResolvedConflict === document._rev) return false;
  const state = writeDocToDocState(document, internal.hasAttachments, !!internal.input.keepMeta);
  return internal.input.conflictHandler.isEqual(assumed.docData, state, 'service-lane-pending-count');
}

/**
 * Counts the local documents of a collection not yet acknowledged by the server. Returns 0
 * for a pull-only replication and null while the replication has not started (for example
 * in a browser tab that is not the replicating leader), when the count is unknown.
 */
export async function countPendingDocuments<T, Checkpoint>(replication: RxReplicationState<T, Checkpoint>): Promise<number | null> {
  if (!replication.push) return 0;
  const internal = replication.internalReplicationState;
  if (!internal || replication.isStopped()) return null;

  const forkInstance = internal.input.forkInstance;
  const metaInstance = internal.input.metaInstance;
  const checkpointId = getComposedPrimaryKeyOfDocumentData(metaInstance.schema, { isCheckpoint: '1', itemId: 'up' });
  const [checkpointDocument] = await metaInstance.findDocumentsById([checkpointId], false);
  let checkpoint: unknown = checkpointDocument?.checkpointData;

  let pending = 0;
  for (;;) {
    const page = await getChangedDocumentsSince(forkInstance, PAGE_SIZE, checkpoint);
    if (page.documents.length === 0) break;

    const primaryPath = internal.primaryPath as keyof RxDocumentData<T>;
    const ids = page.documents.map((document) => String(document[primaryPath]));
    const assumed = await getAssumedMasterState(internal, ids);
    page.documents.forEach((document, index) => {
      if (!isAcknowledged(internal, document, assumed[ids[index] ?? ''])) pending += 1;
    });

    checkpoint = page.checkpoint;
    if (page.documents.length < PAGE_SIZE) break;
  }
  return pending;
}
