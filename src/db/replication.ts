import type { ReplicationPullHandlerResult, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { auditTime, combineLatest, interval, map, merge, Subject, tap, type Observable, type Subscription } from 'rxjs';
import { z } from 'zod';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type DocumentOf } from '../domain/collections';
import { DEFAULT_BACKOFF, backoffDelayMs, type BackoffOptions } from './backoff';
import type { ServiceLaneDatabase } from './database';
import { apiErrorFrom, readJson } from './http';
import { pullStream } from './pullStream';
import { pushRejectionSchema, PushRejectionLog, type PushRejection } from './pushRejections';
import { SessionExpiredError, type SessionManager, type SessionStorage } from './session';
import { failedOutcome, type RequestOutcome } from './syncErrors';
import { parsePullBody, parseServerDocuments, syncPath, type Checkpoint, type ReplicatedDocument } from './syncProtocol';

/*
 * Browsers open at most six HTTP/1.1 connections to one server, and every pull stream keeps
 * one open. Streaming all seven collections would leave no connection for pulls, pushes and
 * photo uploads, so only the collections that change during the day stream; the others pull
 * when any stream reports a change, on reconnection and every POLL_INTERVAL_MS.
 */
export const DEFAULT_STREAMED_COLLECTIONS: readonly CollectionName[] = ['checkins', 'orders'];
const POLL_INTERVAL_MS = 30_000;
// Several change events in a burst start one pull of the collections that do not stream.
const RESYNC_AUDIT_MS = 250;
// The server sends a heartbeat comment every 25 s by default; two missed ones mean a dead link.
const STREAM_IDLE_TIMEOUT_MS = 60_000;

export interface StartReplicationOptions {
  /** The sync server, for example https://service.dealer.example; must match the session's server. */
  baseUrl: string;
  session: SessionManager;
  /** Collections that keep a live pull stream open; see DEFAULT_STREAMED_COLLECTIONS. */
  streamedCollections?: readonly CollectionName[];
  /** How often the collections without a stream pull. */
  pollIntervalMs?: number;
  /** Back-off of failed pulls, pushes and stream connections. */
  backoff?: BackoffOptions;
  /** Closes a pull stream that received nothing for this long (default 60 s); 0 never does. */
  streamIdleTimeoutMs?: number;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Replicate only in the leading browser tab (default true). Tests with multiInstance off pass nothing. */
  waitForLeadership?: boolean;
  /** Storage of rejected pushes across reloads; localStorage by default. */
  storage?: SessionStorage;
}

export type ReplicationStates = { [C in CollectionName]: RxReplicationState<DocumentOf<C>, Checkpoint> };

/** The outcome of one request of one collection's replication. */
export interface CollectionOutcome {
  collection: CollectionName;
  outcome: RequestOutcome;
}

/** The running replication of every collection of a tablet's database. */
export interface ServiceLaneReplication {
  readonly states: ReplicationStates;
  /** Every request's result, for the sync indicator's online and error fields. */
  readonly outcomes$: Observable<CollectionOutcome>;
  /** True while any collection pulls or pushes. */
  readonly active$: Observable<boolean>;
  /** Document versions the server rejected and no later version replaced, with the field and reason. */
  readonly rejections$: Observable<readonly PushRejection[]>;
  /** Pulls every collection now, for example after the advisor logs in again. */
  reSync(): void;
  /** Resolves when every collection has pushed its local changes and pulled the server's. */
  awaitInSync(): Promise<void>;
  /** Stops replication; local data and the replication checkpoints stay. */
  cancel(): Promise<void>;
}

const pushAnswerSchema = z.array(z.unknown());

interface CollectionReplicationContext {
  db: ServiceLaneDatabase;
  options: StartReplicationOptions;
  backoff: BackoffOptions;
  report: (collection: CollectionName, outcome: RequestOutcome) => void;
  resyncRequests$: Observable<'RESYNC'>;
  onStreamEvent: () => void;
  rejections: PushRejectionLog;
}

/**
 * Starts live replication of every collection with the sync server: pull by checkpoint,
 * push (tablet-writable collections only), live pull streams, retries with back-off and the
 * merging conflict handler the collections were created with (src/db/conflictHandler.ts).
 */
export function startReplication(db: ServiceLaneDatabase, options: StartReplicationOptions): ServiceLaneReplication {
  const session = options.session.session;
  if (session && session.baseUrl.replace(/\/+$/, '') !== options.baseUrl.replace(/\/+$/, '')) {
    throw new Error(`replication server ${options.baseUrl} differs from the session's server ${session.baseUrl}: log in to ${options.baseUrl} first`);
  }

  const outcomes = new Subject<CollectionOutcome>();
  const streamEvents = new Subject<void>();
  const resyncRequests$ = merge(
    streamEvents.pipe(auditTime(RESYNC_AUDIT_MS)),
    interval(options.pollIntervalMs ?? POLL_INTERVAL_MS),
  ).pipe(map(() => 'RESYNC' as const));

  const context: CollectionReplicationContext = {
    db,
    options,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    report: (collection, outcome) => outcomes.next({ collection, outcome }),
    resyncRequests$,
    onStreamEvent: () => streamEvents.next(),
    rejections: new PushRejectionLog(options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage)),
  };

  const states: ReplicationStates = {
    customers: replicateCollection(context, 'customers'),
    vehicles: replicateCollection(context, 'vehicles'),
    checkins: replicateCollection(context, 'checkins'),
    orders: replicateCollection(context, 'orders'),
    followups: replicateCollection(context, 'followups'),
    pricebook: replicateCollection(context, 'pricebook'),
    settings: replicateCollection(context, 'settings'),
  };
  const all = COLLECTION_NAMES.map((name) => states[name] as RxReplicationState<unknown, Checkpoint>);

  // When the advisor logs in again after an expired session, pull and push at once
  // instead of waiting for the next retry.
  let previousStatus = options.session.state.status;
  const sessionSubscription: Subscription = options.session.state$.subscribe((state) => {
    if (state.status === 'active' && previousStatus !== 'active') all.forEach((state) => state.reSync());
    previousStatus = state.status;
  });

  return {
    states,
    outcomes$: outcomes.asObservable(),
    active$: combineLatest(all.map((state) => state.active$)).pipe(map((flags) => flags.some(Boolean))),
    rejections$: context.rejections.rejections$,
    reSync: () => all.forEach((state) => state.reSync()),
    awaitInSync: async () => {
      await Promise.all(all.map((state) => state.awaitInSync()));
    },
    cancel: async () => {
      sessionSubscription.unsubscribe();
      await Promise.all(all.map((state) => state.cancel()));
      outcomes.complete();
      streamEvents.complete();
    },
  };
}

function replicateCollection<C extends CollectionName>(context: CollectionReplicationContext, name: C): RxReplicationState<DocumentOf<C>, Checkpoint> {
  const { options, backoff } = context;
  const session = options.session;
  const streamed = (options.streamedCollections ?? DEFAULT_STREAMED_COLLECTIONS).includes(name);
  let failures = 0;
  let sessionExpired = false;

  const succeeded = () => {
    failures = 0;
    sessionExpired = false;
    state.retryTime = backoff.initialMs;
    context.report(name, { ok: true, at: new Date() });
  };
  const failed = (error: unknown) => {
    sessionExpired = error instanceof SessionExpiredError;
    context.report(name, failedOutcome(error));
  };

  const pullPage = async (checkpoint: Checkpoint | undefined, batchSize: number) => {
    const query = new URLSearchParams({ checkpoint: checkpoint ? JSON.stringify(checkpoint) : '', limit: String(batchSize) });
    const response = await session.fetch(`${syncPath(name, 'pull')}?${query}`);
    if (!response.ok) throw await apiErrorFrom(response, 'GET');
    const page = parsePullBody(name, await readJson(response));
    page.invalid.forEach(failed);
    return page;
  };

  const pullHandler = async (checkpoint: Checkpoint | undefined, batchSize: number): Promise<ReplicationPullHandlerResult<DocumentOf<C>, Checkpoint>> => {
    try {
      // RxDB takes a batch shorter than batchSize as the end of the changes. When invalid
      // documents were dropped from a full page, the next page is fetched too.
      const documents: ReplicatedDocument<C>[] = [];
      let position = checkpoint;
      for (;;) {
        const page = await pullPage(position, batchSize);
        documents.push(...page.documents);
        position = page.checkpoint ?? position;
        if (page.receivedCount < batchSize || documents.length >= batchSize) break;
      }
      succeeded();
      return { documents, checkpoint: position };
    } catch (error) {
      failed(error);
      throw error;
    }
  };

  const pushHandler = async (rows: RxReplicationWriteToMasterRow<DocumentOf<C>>[]): Promise<ReplicatedDocument<C>[]> => {
    try {
      const response = await session.fetch(syncPath(name, 'push'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(rows),
      });
      if (!response.ok) throw await apiErrorFrom(response, 'POST');
      const answer = pushAnswerSchema.parse(await readJson(response));
      const conflicts = parseServerDocuments(name, separateRejections(context, name, rows, answer));
      conflicts.invalid.forEach(failed);
      succeeded();
      return conflicts.documents;
    } catch (error) {
      failed(error);
      throw error;
    }
  };

  const stream$: Observable<RxReplicationPullStreamItem<DocumentOf<C>, Checkpoint>> = streamed
    ? pullStream({
        collection: name,
        session,
        backoff,
        idleTimeoutMs: options.streamIdleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS,
        onOutcome: (outcome) => context.report(name, outcome),
      }).pipe(tap(() => context.onStreamEvent()))
    : context.resyncRequests$;

  const dealerId = session.session?.dealer.id ?? 'signed-out';
  const state = replicateRxCollection<DocumentOf<C>, Checkpoint>({
    replicationIdentifier: `service-lane-${name}-${dealerId}-${options.baseUrl}`,
    collection: context.db.collections[name],
    live: true,
    retryTime: backoff.initialMs,
    waitForLeadership: options.waitForLeadership ?? true,
    pull: {
      handler: pullHandler,
      batchSize: options.pullBatchSize ?? 200,
      stream$,
    },
    push: COLLECTIONS[name].tabletWritable ? { handler: pushHandler, batchSize: options.pushBatchSize ?? 100 } : undefined,
  });

  // RxDB waits retryTime after each failed request; doubling it per failure gives the back-off.
  // An expired session fails on the tablet without a request, so it is checked again at the
  // initial interval: replication resumes within a second of the advisor's new login.
  state.error$.subscribe(() => {
    failures += 1;
    state.retryTime = sessionExpired ? backoff.initialMs : backoffDelayMs(failures, backoff);
  });
  state.sent$.subscribe((document) => context.rejections.acknowledge(name, document.id, document));
  return state;
}

const rejectedEntrySchema = z.looseObject({ _rejection: pushRejectionSchema });

/**
 * Takes the rows the server rejected out of a push response and records them. Returns the
 * remaining entries, the real conflicts. src/db/pushRejections.ts explains why.
 */
function separateRejections<C extends CollectionName>(
  context: CollectionReplicationContext,
  name: C,
  rows: RxReplicationWriteToMasterRow<DocumentOf<C>>[],
  answer: unknown[],
): unknown[] {
  const conflicts: unknown[] = [];
  for (const entry of answer) {
    const rejected = rejectedEntrySchema.safeParse(entry);
    if (!rejected.success) {
      conflicts.push(entry);
      continue;
    }
    const rejection = rejected.data._rejection;
    const row = rows.find((candidate) => candidate.newDocumentState.id === rejection.documentId);
    context.rejections.add({
      ...rejection,
      collection: name,
      rejectedState: { ...(row?.newDocumentState ?? {}) },
      rejectedAt: new Date().toISOString(),
    });
  }
  return conflicts;
}
