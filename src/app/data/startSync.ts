import type { Observable } from 'rxjs';
import { BlobService } from '../../db/blobs';
import type { ServiceLaneDatabase } from '../../db/database';
import { startReplication, type ServiceLaneReplication } from '../../db/replication';
import type { SessionManager } from '../../db/session';
import { createSyncStatus, type SyncStatus } from '../../db/syncStatus';

export interface RunningSync {
  replication: ServiceLaneReplication;
  blobs: BlobService;
  status$: Observable<SyncStatus>;
}

/**
 * Opens the dealer's blob store with its upload queue and starts replication of an open
 * database. Loaded as its own chunk after the database opened, so this code is not part of
 * the first screen.
 */
export function startSync(database: ServiceLaneDatabase, session: SessionManager, baseUrl: string, dealerId: string): RunningSync {
  const blobs = new BlobService({ dealerId, session });
  blobs.startUploads();
  const replication = startReplication(database, { baseUrl, session });
  const status$ = createSyncStatus({ replication, blobs });
  return { replication, blobs, status$ };
}
