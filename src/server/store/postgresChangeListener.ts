import pg from 'pg';
import type { ChangeFeed } from './changeFeed';

/** NOTIFY channel of committed document writes; the payload is `{"dealerId","collection"}`. */
export const CHANGE_CHANNEL = 'service_lane_document_changes';

const RECONNECT_DELAY_MS = 1000;
const RECONNECT_DELAY_MAX_MS = 30_000;

/**
 * Holds one connection in LISTEN mode and republishes every notification on the local
 * change feed. When the connection drops it reconnects with back-off and then publishes a
 * wildcard change, because notifications sent while it was away are lost.
 */
export class PostgresChangeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelayMs = RECONNECT_DELAY_MS;

  constructor(
    private readonly connectionString: string,
    private readonly feed: ChangeFeed,
  ) {}

  /** Connects and listens; rejects when the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => this.receive(message.payload));
    client.on('error', () => this.handleLostConnection(client));
    client.on('end', () => this.handleLostConnection(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }

    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private receive(payload: string | undefined): void {
    try {
      const change = JSON.parse(payload ?? '') as { dealerId?: unknown; collection?: unknown };
      if (typeof change.dealerId === 'string' && typeof change.collection === 'string') {
        this.feed.publish({ dealerId: change.dealerId, collection: change.collection });
        return;
      }
    } catch {
      // Not ours or damaged: fall through to a wildcard so no stream misses a change.
    }
    this.feed.publish({ dealerId: null, collection: null });
  }

  private handleLostConnection(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delay * 2, RECONNECT_DELAY_MAX_MS);

    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().then(
        () => {
          this.reconnectDelayMs = RECONNECT_DELAY_MS;
          this.feed.publish({ dealerId: null, collection: null });
        },
        () => this.scheduleReconnect(),
      );
    }, delay);
    this.reconnectTimer.unref();
  }
}
