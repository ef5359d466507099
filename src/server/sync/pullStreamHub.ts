import { describeError, type Log } from '../http/log';
import type { DocumentChange, Store, StoredDocument } from '../store/store';
import { toWireState } from './push';

/** Interval of the SSE comment that keeps proxies and the tablet from closing an idle stream. */
export const DEFAULT_HEARTBEAT_MS = 25_000;
/** Documents one stream event carries at most; a client further behind gets RESYNC and pulls (S11). */
export const STREAM_BATCH_MAX = 100;

/** Output of a pull stream's SSE text; `write` resolves once the client has taken the bytes. */
export interface StreamSink {
  write(text: string): Promise<void>;
  close(): void;
}

export interface StreamTarget {
  dealerId: string;
  collection: string;
  /** The stream ends when the access token expires; the tablet reconnects with a fresh one (S12). */
  expiresAtMs: number;
}

interface HubOptions {
  store: Store;
  log: Log;
  now: () => number;
  heartbeatMs?: number | undefined;
}

function sseData(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** One open pull stream: it sends what was committed after its last event, one batch at a time. */
export class PullStream {
  private lastSeq = 0;
  private dirty = false;
  private draining: Promise<void> | null = null;
  private closed = false;
  private started = false;
  private expiryTimer: NodeJS.Timeout | null = null;
  private resolveDone!: () => void;
  readonly done = new Promise<void>((resolve) => {
    this.resolveDone = resolve;
  });

  constructor(
    private readonly hub: PullStreamHub,
    readonly target: StreamTarget,
    private readonly sink: StreamSink,
    private readonly now: () => number,
  ) {}

  /** Sends RESYNC, then the changes as they commit; resolves when the stream ends. */
  async run(): Promise<void> {
    const { store, log } = this.hub;
    try {
      this.expiryTimer = setTimeout(() => this.close(), Math.max(0, this.target.expiresAtMs - this.now()));
      this.expiryTimer.unref();

      // Read the position before RESYNC: the tablet's pull after RESYNC covers everything up to
      // here, and the stream sends everything after it, so nothing falls between the two.
      this.lastSeq = await store.latestSeq(this.target.dealerId, this.target.collection);
      await this.sink.write(sseData('RESYNC'));
      this.started = true;
      this.notify();
    } catch (error) {
      log({ level: 'error', event: 'pull_stream_failed', dealer: this.target.dealerId, collection: this.target.collection, ...describeError(error) });
      this.close();
    }
    await this.done;
  }

  notify(): void {
    if (this.closed) return;
    this.dirty = true;
    // Changes before the start only mark the stream; start() drains once the position is known.
    if (!this.started || this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      // A change can arrive after the drain's last check of `dirty` and before this callback,
      // while `draining` still looks busy: drain again, or that change waits for the next commit.
      if (this.dirty) this.notify();
    });
  }

  heartbeat(): void {
    if (!this.closed) void this.sink.write(': heartbeat\n\n');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.hub.remove(this);
    this.sink.close();
    this.resolveDone();
  }

  private async drain(): Promise<void> {
    const { store, log } = this.hub;
    try {
      while (this.dirty && !this.closed) {
        this.dirty = false;
        const documents = await this.hub.pullShared(this.target.dealerId, this.target.collection, this.lastSeq);

        if (documents.length > STREAM_BATCH_MAX) {
          // Too far behind for one event (a slow client, or a big import): the tablet pulls instead.
          this.lastSeq = await store.latestSeq(this.target.dealerId, this.target.collection);
          await this.sink.write(sseData('RESYNC'));
        } else if (documents.length > 0) {
          this.lastSeq = documents.at(-1)!.seq;
          await this.sink.write(sseData({ documents: documents.map(toWireState), checkpoint: { seq: this.lastSeq } }));
        }
      }
    } catch (error) {
      log({ level: 'error', event: 'pull_stream_failed', dealer: this.target.dealerId, collection: this.target.collection, ...describeError(error) });
      this.close();
    }
  }
}

/** The open pull streams of this instance, woken by the store's change feed. */
export class PullStreamHub {
  readonly store: Store;
  readonly log: Log;
  private readonly now: () => number;
  private readonly streams = new Set<PullStream>();
  private readonly pullsInFlight = new Map<string, Promise<StoredDocument[]>>();
  // Counts change notifications: a query started before a notification must not serve a stream woken by it.
  private changeGeneration = 0;
  private readonly unsubscribe: () => void;
  private readonly heartbeatTimer: NodeJS.Timeout;

  constructor(options: HubOptions) {
    this.store = options.store;
    this.log = options.log;
    this.now = options.now;
    this.unsubscribe = this.store.onChange((change) => this.dispatch(change));
    this.heartbeatTimer = setInterval(() => {
      for (const stream of this.streams) stream.heartbeat();
    }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  /** Registers a stream; call run() on it to start sending. */
  open(target: StreamTarget, sink: StreamSink): PullStream {
    const stream = new PullStream(this, target, sink, this.now);
    this.streams.add(stream);
    return stream;
  }

  /**
   * Reads the documents after `afterSeq` for a stream. Streams of one dealer and collection
   * usually wait at the same position, so a commit costs one query for all of them, not one each.
   * Only queries started after the latest change notification are shared.
   */
  pullShared(dealerId: string, collection: string, afterSeq: number): Promise<StoredDocument[]> {
    const key = JSON.stringify([dealerId, collection, afterSeq, this.changeGeneration]);
    let pull = this.pullsInFlight.get(key);
    if (!pull) {
      pull = this.store.pullDocuments(dealerId, collection, afterSeq, STREAM_BATCH_MAX + 1).finally(() => this.pullsInFlight.delete(key));
      this.pullsInFlight.set(key, pull);
    }
    return pull;
  }

  remove(stream: PullStream): void {
    this.streams.delete(stream);
  }

  get size(): number {
    return this.streams.size;
  }

  closeAll(): void {
    for (const stream of [...this.streams]) stream.close();
    clearInterval(this.heartbeatTimer);
    this.unsubscribe();
  }

  private dispatch(change: DocumentChange): void {
    this.changeGeneration += 1;
    for (const stream of this.streams) {
      const { dealerId, collection } = stream.target;
      const matchesDealer = change.dealerId === null || change.dealerId === dealerId;
      const matchesCollection = change.collection === null || change.collection === collection;
      if (matchesDealer && matchesCollection) stream.notify();
    }
  }
}
