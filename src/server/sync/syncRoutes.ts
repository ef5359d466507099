import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { ApiError } from '../http/apiError';
import { BODY_LIMITS, limitBody, readJsonBody } from '../http/body';
import { requireClaims, type AppEnv } from '../http/env';
import type { Log } from '../http/log';
import { signaturesIn } from '../signedContent';
import type { SignedSnapshot, Store } from '../store/store';
import { pushDocuments, toWireState } from './push';
import { pushBodySchema } from './pushRows';
import type { PullStreamHub } from './pullStreamHub';
import type { SyncCollection, SyncCollections } from './syncCollections';

export const DEFAULT_PULL_LIMIT = 100;
export const MAX_PULL_LIMIT = 1000;

const checkpointSchema = z.object({ seq: z.number().int().min(0) });

interface SyncRouteOptions {
  store: Store;
  streams: PullStreamHub;
  collections: SyncCollections;
  log: Log;
}

function parseCheckpoint(raw: string | undefined): { seq: number } | null {
  if (raw === undefined || raw === '' || raw === 'null') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'invalid_request', `Invalid checkpoint: expected JSON like {"seq":12}, found ${raw.slice(0, 40)}.`, 'checkpoint');
  }
  const result = checkpointSchema.safeParse(value);
  if (!result.success) throw new ApiError(400, 'invalid_request', 'Invalid checkpoint: expected {"seq": a non-negative integer}.', 'checkpoint');
  return result.data;
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PULL_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
    throw new ApiError(400, 'invalid_request', `Invalid limit: expected an integer from 1 to ${MAX_PULL_LIMIT}, found ${raw.slice(0, 20)}.`, 'limit');
  }
  return limit;
}

/** One entry of GET /api/sync/:collection/:id/signed (S14 of docs/sync-protocol.md). */
export interface SignedVersionEntry {
  contentHash: string;
  /** Time of the signature that covers the version, as the tablet recorded it. */
  signedAt?: string;
  /** When the server first stored the version. */
  createdAt: string;
  document: Record<string, unknown>;
}

function toSignedVersionEntry(snapshot: SignedSnapshot, collection: SyncCollection): SignedVersionEntry {
  const signature = collection.signedPapers
    .flatMap((paper) => signaturesIn(snapshot.data, paper.signatureField))
    .findLast((candidate) => candidate.contentHash === snapshot.contentHash);
  return {
    contentHash: snapshot.contentHash,
    ...(signature ? { signedAt: signature.signedAt } : {}),
    createdAt: snapshot.createdAt,
    document: snapshot.data,
  };
}

/** Creates the replication endpoints under /api/sync/:collection (pull, push, pull-stream, signed versions); see docs/sync-protocol.md. */
export function createSyncRoutes({ store, streams, collections, log }: SyncRouteOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  function collectionOf(name: string): SyncCollection {
    const collection = Object.hasOwn(collections, name) ? collections[name] : undefined;
    if (!collection) throw new ApiError(404, 'unknown_collection', `Unknown collection ${name}: expected one of ${Object.keys(collections).join(', ')}.`);
    return collection;
  }

  routes.get('/:collection/pull', async (c) => {
    const { dealerId } = requireClaims(c);
    const name = c.req.param('collection');
    collectionOf(name);
    let checkpoint = parseCheckpoint(c.req.query('checkpoint'));
    const limit = parseLimit(c.req.query('limit'));

    let documents = await store.pullDocuments(dealerId, name, checkpoint?.seq ?? 0, limit);

    // A checkpoint above every stored sequence (the store was restored from a backup) would
    // skip all writes until the sequence passes it, so the pull starts over instead (S16).
    // Checked only on an empty page: a checkpoint with documents after it is not ahead.
    if (checkpoint && documents.length === 0) {
      const latestSeq = await store.latestSeq(dealerId, name);
      if (checkpoint.seq > latestSeq) {
        log({ level: 'warn', event: 'checkpoint_ahead', dealer: dealerId, collection: name, checkpointSeq: checkpoint.seq, latestSeq });
        checkpoint = null;
        documents = await store.pullDocuments(dealerId, name, 0, limit);
      }
    }

    const last = documents.at(-1);
    return c.json({ documents: documents.map(toWireState), checkpoint: last ? { seq: last.seq } : checkpoint });
  });

  routes.post('/:collection/push', limitBody(BODY_LIMITS.push), async (c) => {
    const { dealerId } = requireClaims(c);
    const name = c.req.param('collection');
    const collection = collectionOf(name);
    if (!collection.tabletWritable) {
      throw new ApiError(403, 'collection_read_only', `Collection ${name} is written only by the server; tablets may only pull it.`);
    }
    const rows = await readJsonBody(c, pushBodySchema);

    const result = await pushDocuments({ store, dealerId, collectionName: name, collection, rows });

    for (const rejection of result.rejections) {
      log({ level: 'warn', event: 'push_row_rejected', dealer: dealerId, collection: name, documentId: rejection.documentId, code: rejection.error, field: rejection.field });
    }
    for (const unmatched of result.unmatchedSignatures) {
      log({ level: 'warn', event: 'signature_covers_other_content', dealer: dealerId, collection: name, ...unmatched });
    }
    return c.json(result.response, 200, { 'X-Push-Rejected': String(result.rejections.length) });
  });

  routes.get('/:collection/:id/signed', async (c) => {
    const { dealerId } = requireClaims(c);
    const name = c.req.param('collection');
    const collection = collectionOf(name);
    const id = c.req.param('id');

    // Another dealer's id gets the same 404 as an unknown one, so ids of other dealers stay hidden.
    const document = await store.getDocument(dealerId, name, id);
    if (!document) throw new ApiError(404, 'not_found', `No ${name} document ${id.slice(0, 80)} for this dealer.`);
    const snapshots = await store.getSignedSnapshots(dealerId, name, id);
    return c.json(snapshots.map((snapshot) => toSignedVersionEntry(snapshot, collection)));
  });

  routes.get('/:collection/pull-stream', (c) => {
    const claims = requireClaims(c);
    const name = c.req.param('collection');
    collectionOf(name);
    c.header('X-Accel-Buffering', 'no');

    return streamSSE(c, async (sse) => {
      const stream = streams.open({ dealerId: claims.dealerId, collection: name, expiresAtMs: claims.expiresAtMs }, {
        write: async (text) => {
          await sse.write(text);
        },
        close: () => {
          void sse.close();
        },
      });
      sse.onAbort(() => stream.close());
      await stream.run();
    });
  });

  return routes;
}
