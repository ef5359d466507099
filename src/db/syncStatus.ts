import {
  auditTime,
  BehaviorSubject,
  combineLatest,
  concatMap,
  distinctUntilChanged,
  interval,
  map,
  merge,
  Observable,
  of,
  startWith,
  type Subscription,
} from 'rxjs';
import { COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import type { BlobService } from './blobs';
import type { PushRejection } from './pushRejections';
import { countPendingDocuments } from './pendingChanges';
import type { ServiceLaneReplication } from './replication';
import type { SessionStorage } from './session';
import type { RequestOutcome, SyncErrorCode } from './syncErrors';

/**
 * The sync indicator's summary. `synced` only when online, idle and nothing waits.
 * `syncing` while online with requests running or changes waiting. `offline` when the last
 * request found no connection. `error` when sync cannot continue without the advisor
 * (session expired, storage full, a change rejected). `unknown` before the first count.
 */
export type SyncState = 'synced' | 'syncing' | 'offline' | 'error' | 'unknown';

export interface SyncStatus {
  state: SyncState;
  /** False when the browser reports no network or the last request could not reach the server. */
  online: boolean;
  /** Documents and images not acknowledged by the server yet; null while unknown. */
  pendingChanges: number | null;
  pendingDocuments: number | null;
  pendingBlobs: number;
  /** When the tablet last finished a sync with nothing left waiting (ISO time), kept across reloads. */
  lastSyncedAt: string | null;
  /**
   * The reason sync is held up: `rejected` while a rejected document version waits for a
   * corrected one. Otherwise it is the failure of the latest request of any source, or null.
   */
  error: SyncErrorCode | null;
  /** Document versions the server rejected, with the field and reason, for the UI to name. */
  rejections: readonly PushRejection[];
}

export interface SyncStatusOptions {
  replication: ServiceLaneReplication;
  blobs?: BlobService;
  /** Storage of lastSyncedAt; localStorage by default. */
  storage?: SessionStorage;
  /** navigator by default; anything with `onLine`. */
  navigator?: { onLine: boolean };
  /** Safety-net recount period, in case a change arrives by a path that emits no event. */
  recountIntervalMs?: number;
}

export const LAST_SYNCED_STORAGE_KEY = 'service-lane.lastSyncedAt';
const RECOUNT_AUDIT_MS = 200;

// Errors that need the advisor; the others clear by themselves with the next successful request.
const BLOCKING_ERRORS: ReadonlySet<SyncErrorCode> = new Set(['session_expired', 'storage_full', 'rejected', 'invalid_server_document']);
const ERROR_PRIORITY: readonly SyncErrorCode[] = ['session_expired', 'storage_full', 'rejected', 'invalid_server_document', 'server_error', 'offline', 'unknown'];

function countPending<C extends CollectionName>(replication: ServiceLaneReplication, name: C): Promise<number | null> {
  return countPendingDocuments(replication.states[name]);
}

function defaultStorage(): SessionStorage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

/** Derives the summary state; exported for the indicator's tests. */
export function deriveSyncState(status: Omit<SyncStatus, 'state'>, active: boolean): SyncState {
  if (status.error && BLOCKING_ERRORS.has(status.error)) return 'error';
  if (!status.online) return 'offline';
  if (status.pendingChanges === null) return 'unknown';
  if (active || status.pendingChanges > 0) return 'syncing';
  return 'synced';
}

/**
 * Creates the observable behind the sync indicator: online state, changes waiting (local
 * documents not acknowledged by the server plus images not uploaded), the last finished
 * sync and the current error. It never reports `synced` while a change waits.
 */
export function createSyncStatus(options: SyncStatusOptions): Observable<SyncStatus> {
  return new Observable<SyncStatus>((subscriber) => {
    const { replication, blobs } = options;
    const storage = options.storage ?? defaultStorage();
    const browser = options.navigator ?? (typeof navigator === 'undefined' ? undefined : navigator);
    const states = COLLECTION_NAMES.map((name) => replication.states[name]);

    const lastOutcomeBySource = new Map<string, RequestOutcome>();
    let latestOutcome: RequestOutcome | null = null;
    let lastSyncedAt = storage?.getItem(LAST_SYNCED_STORAGE_KEY) ?? null;
    const outcomesChanged = new BehaviorSubject<void>(undefined);

    const record = (source: string, outcome: RequestOutcome) => {
      lastOutcomeBySource.set(source, outcome);
      latestOutcome = outcome;
      outcomesChanged.next();
    };
    const subscriptions: Subscription[] = [
      replication.outcomes$.subscribe(({ collection, outcome }) => record(collection, outcome)),
    ];
    if (blobs) subscriptions.push(blobs.outcomes$.subscribe((outcome) => record('blobs', outcome)));

    const recountTriggers$ = merge(
      ...states.map((state) => state.collection.$),
      ...states.map((state) => state.sent$),
      ...states.map((state) => state.received$),
      ...states.map((state) => state.active$),
      outcomesChanged,
      interval(options.recountIntervalMs ?? 5_000),
    );
    const pendingDocuments$ = recountTriggers$.pipe(
      auditTime(RECOUNT_AUDIT_MS),
      startWith(undefined),
      concatMap(async () => {
        const counts = await Promise.all(COLLECTION_NAMES.map((name) => countPending(replication, name).catch(() => null)));
        return counts.some((count) => count === null) ? null : counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
      }),
      distinctUntilChanged(),
    );
    const pendingBlobs$ = blobs ? blobs.notUploaded$() : of(0);

    const summary$ = combineLatest([
      pendingDocuments$,
      pendingBlobs$,
      replication.active$.pipe(startWith(false)),
      replication.rejections$,
      outcomesChanged,
    ]).pipe(
      map(([pendingDocuments, pendingBlobs, active, rejections]) => {
        const failures = [...lastOutcomeBySource.values()].filter((outcome) => !outcome.ok);
        const failureCodes = new Set(failures.map((outcome) => (outcome.ok ? null : outcome.code)));
        if (rejections.length > 0) failureCodes.add('rejected');
        const error = ERROR_PRIORITY.find((code) => failureCodes.has(code)) ?? null;
        const online = browser?.onLine !== false && !(latestOutcome && !latestOutcome.ok && latestOutcome.code === 'offline');
        const pendingChanges = pendingDocuments === null ? null : pendingDocuments + pendingBlobs;

        if (pendingChanges === 0 && !active && error === null && latestOutcome?.ok) {
          const finishedAt = latestOutcome.at.toISOString();
          if (finishedAt !== lastSyncedAt) {
            lastSyncedAt = finishedAt;
            storage?.setItem(LAST_SYNCED_STORAGE_KEY, finishedAt);
          }
        }

        const status = { online, pendingChanges, pendingDocuments, pendingBlobs, lastSyncedAt, error, rejections };
        return { ...status, state: deriveSyncState(status, active) };
      }),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
    );

    subscriptions.push(summary$.subscribe(subscriber));
    return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
  });
}
