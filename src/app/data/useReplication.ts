import type { ServiceLaneDatabase } from '../../db/database';
import type { SyncStatusInput } from '../layout/syncSummary';
import { useOnline } from './useOnline';

/**
 * Starts replication of the open database and returns its status for the top bar.
 * TODO: start src/db/replication.ts and read src/db/syncStatus.ts once they exist; until
 * then nothing replicates and the status says "not synced yet".
 */
export function useReplication(database: ServiceLaneDatabase | null): SyncStatusInput {
  const online = useOnline();
  void database;
  return { online, pendingChanges: 0, lastSyncedAt: null, error: null };
}
