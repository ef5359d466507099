import type { RxReplicationPullStreamItem } from 'rxdb';
import { Observable } from 'rxjs';
import type { CollectionName, DocumentOf } from '../domain/collections';
import { backoffDelayMs, onlineEventTarget, waitOrWake, type BackoffOptions } from './backoff';
import { apiErrorFrom, NetworkError } from './http';
import { readServerSentEvents } from './serverSentEvents';
import { SessionExpiredError, type SessionManager } from './session';
import { failedOutcome, type RequestOutcome } from './syncErrors';
import { parseStreamEvent, syncPath, type Checkpoint } from './syncProtocol';

export interface PullStreamOptions<C extends CollectionName> {
  collection: C;
  session: SessionManager;
  backoff: BackoffOptions;
  /**
   * A connection that receives nothing for this long is closed and opened again, because a
   * dropped Wi-Fi link can leave it open without an error. 0 disables the check.
   */
  idleTimeoutMs: number;
  /** Called with the result of every connection attempt and every failure of an open stream. */
  onOutcome: (outcome: RequestOutcome) => void;
}

type StreamItem<C extends CollectionName> = RxReplicationPullStreamItem<DocumentOf<C>, Checkpoint>;

/**
 * Streams a collection's server-sent change events as RxDB pull-stream items. The
 * connection is opened again with back-off after a network drop or a server restart. The
 * server sends RESYNC on each new connection, so RxDB pulls whatever it missed meanwhile.
 */
export function pullStream<C extends CollectionName>(options: PullStreamOptions<C>): Observable<StreamItem<C>> {
  return new Observable<StreamItem<C>>((subscriber) => {
    const stopped = new AbortController();
    void connectRepeatedly(options, stopped.signal, (item) => subscriber.next(item));
    return () => stopped.abort();
  });
}

async function connectRepeatedly<C extends CollectionName>(
  options: PullStreamOptions<C>,
  stopped: AbortSignal,
  emit: (item: StreamItem<C>) => void,
): Promise<void> {
  const wakeTarget = onlineEventTarget();
  let failures = 0;
  let sessionExpired = false;

  while (!stopped.aborted) {
    const connection = new AbortController();
    const abortConnection = () => connection.abort();
    stopped.addEventListener('abort', abortConnection);
    // The browser's offline event closes the stream at once instead of waiting for a timeout.
    wakeTarget?.addEventListener('offline', abortConnection);

    try {
      const opened = await readOneConnection(options, connection, emit);
      if (opened) failures = 0;
      sessionExpired = false;
    } catch (error) {
      if (stopped.aborted) return;
      sessionExpired = error instanceof SessionExpiredError;
      // An aborted fetch here means the offline event closed the connection before it opened.
      const reported = connection.signal.aborted ? new NetworkError(syncPath(options.collection, 'pull-stream')) : error;
      options.onOutcome(failedOutcome(reported));
    } finally {
      stopped.removeEventListener('abort', abortConnection);
      wakeTarget?.removeEventListener('offline', abortConnection);
    }

    if (stopped.aborted) return;
    // An expired session fails without a request, so it is checked again at the initial interval.
    await waitOrWake(sessionExpired ? options.backoff.initialMs : backoffDelayMs(failures, options.backoff), stopped, wakeTarget);
    failures += 1;
  }
}

/** Reads one connection until it ends; returns whether it opened. */
async function readOneConnection<C extends CollectionName>(
  options: PullStreamOptions<C>,
  connection: AbortController,
  emit: (item: StreamItem<C>) => void,
): Promise<boolean> {
  const response = await options.session.fetch(syncPath(options.collection, 'pull-stream'), {
    headers: { Accept: 'text/event-stream' },
    signal: connection.signal,
  });
  if (!response.ok || !response.body) throw await apiErrorFrom(response, 'GET');
  options.onOutcome({ ok: true, at: new Date() });

  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const resetIdleTimer = () => {
    if (options.idleTimeoutMs <= 0) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => connection.abort(), options.idleTimeoutMs);
  };

  resetIdleTimer();
  try {
    for await (const data of readServerSentEvents(response.body, resetIdleTimer)) {
      const parsed = parseStreamEvent(options.collection, data);
      if (!parsed) continue;
      for (const invalid of parsed.invalid) options.onOutcome(failedOutcome(invalid));
      emit(parsed.item);
    }
  } catch (error) {
    // An abort by the idle timer or the offline event ends this connection like a drop.
    if (!connection.signal.aborted) throw error;
  } finally {
    clearTimeout(idleTimer);
  }
  return true;
}
