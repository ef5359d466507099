import { useEffect, useState } from 'react';
import type { BlobService } from '../../db/blobs';
import type { ServiceLaneDatabase } from '../../db/database';
import type { SessionManager } from '../../db/session';
import type { SyncStatus } from '../../db/syncStatus';
import { whenFirstScreenShown } from './firstScreen';
import { markStorageFull } from './storage';
import type { RunningSync } from './startSync';

const SYNC_START_TIMEOUT_MS = 1000;

// The key src/db/syncStatus.ts keeps lastSyncedAt under; read here without loading that module.
const LAST_SYNCED_STORAGE_KEY = 'service-lane.lastSyncedAt';

export interface SyncServices {
  /** The status for the top bar, from the first frame on (counting until replication runs). */
  status: SyncStatus;
  /** The dealer's photo and signature store with its upload queue; null until sync started. */
  blobs: BlobService | null;
}

function readLastSyncedAt(): string | null {
  try {
    return localStorage.getItem(LAST_SYNCED_STORAGE_KEY);
  } catch {
    return null;
  }
}

function initialStatus(): SyncStatus {
  return {
    state: 'unknown',
    online: navigator.onLine,
    pendingChanges: null,
    pendingDocuments: null,
    pendingBlobs: 0,
    lastSyncedAt: readLastSyncedAt(),
    error: null,
    rejections: [],
  };
}

/**
 * Opens the dealer's blob store, starts replication of the open database and follows the
 * sync status. This code loads as a separate chunk, after the first screen. Everything
 * stops when the database changes or the advisor signs out; local data stays.
 */
export function useReplication(database: ServiceLaneDatabase | null, session: SessionManager, dealerId: string): SyncServices {
  const [status, setStatus] = useState<SyncStatus>(initialStatus);
  const [blobs, setBlobs] = useState<BlobService | null>(null);

  useEffect(() => {
    const baseUrl = session.session?.baseUrl;
    if (!database || !baseUrl) return undefined;

    let stopped = false;
    let running: RunningSync | null = null;
    const subscriptions: Array<{ unsubscribe(): void }> = [];

    // The sync code loads after the first screen shows its data (or SYNC_START_TIMEOUT_MS
    // after the database opened, on screens that do not signal it).
    void whenFirstScreenShown(SYNC_START_TIMEOUT_MS).then(() => import('./startSync')).then(({ startSync }) => {
      if (stopped) return;
      running = startSync(database, session, baseUrl, dealerId);
      const { replication } = running;
      setBlobs(running.blobs);

      subscriptions.push(running.status$.subscribe({
        next: (next) => {
          if (next.error === 'storage_full') markStorageFull();
          setStatus(next);
        },
        error: (error: unknown) => console.error('sync status failed', error),
      }));

      // After a new sign-in (the session had expired), sync at once instead of at the next retry.
      let previous = session.state.status;
      subscriptions.push(session.state$.subscribe((state) => {
        if (previous === 'expired' && state.status === 'active') replication.reSync();
        previous = state.status;
      }));
    }, (error: unknown) => console.error('loading the sync code failed; changes stay on this tablet', error));

    return () => {
      stopped = true;
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      setBlobs(null);
      if (running) {
        void running.replication.cancel().catch((error: unknown) => console.warn('stopping replication failed', error));
        running.blobs.close();
      }
    };
  }, [database, session, dealerId]);

  return { status, blobs };
}
