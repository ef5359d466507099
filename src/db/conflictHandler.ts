import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { mergeDocuments, sameDocumentState } from '../domain/merge';

/**
 * Creates the RxDB conflict handler of every replicated collection. RxDB's default handler
 * keeps the server copy and drops the offline edit. This one merges field by field against
 * the common base with the rules of src/domain/merge.ts: where both tablets changed a value,
 * the remote one is kept and the local one is recorded in `mergeConflicts`.
 *
 * RxDB 17 calls `resolve` on the tablet when a push returns a conflicting master state:
 * `assumedMasterState` is the base the tablet edited, `newDocumentState` the tablet's
 * version and `realMasterState` the server's. The merged document is written to the local
 * collection and pushed again with the real master state as its base.
 */
export function createMergeConflictHandler<T extends Record<string, unknown>>(
  now: () => Date = () => new Date(),
): RxConflictHandler<T> {
  return {
    isEqual(a: WithDeleted<T>, b: WithDeleted<T>): boolean {
      return sameDocumentState(a, b);
    },

    async resolve(input: RxConflictHandlerInput<T>): Promise<WithDeleted<T>> {
      const { assumedMasterState, newDocumentState, realMasterState } = input;
      return mergeDocuments(assumedMasterState, newDocumentState, realMasterState, now().toISOString());
    },
  };
}
