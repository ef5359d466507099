import type { RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { z } from 'zod';
import { COLLECTIONS, type CollectionName, type DocumentOf } from '../domain/collections';

/** The server's replication checkpoint: a server-assigned sequence number, never a tablet's clock. */
export const checkpointSchema = z.object({ seq: z.number().int().min(0) });
export type Checkpoint = z.infer<typeof checkpointSchema>;

const pullEnvelopeSchema = z.object({
  documents: z.array(z.unknown()),
  checkpoint: checkpointSchema.nullable(),
});

export type ReplicatedDocument<C extends CollectionName> = WithDeleted<DocumentOf<C>>;

/** A document from the server that does not match this tablet's schema; it is skipped and reported. */
export class InvalidServerDocumentError extends Error {
  readonly code = 'invalid_server_document';

  constructor(
    readonly collection: CollectionName,
    readonly documentId: string,
    readonly path: string,
  ) {
    super(`server sent an invalid ${collection} document ${documentId || '(no id)'} at ${path || '(document)'}; it was not stored`);
    this.name = 'InvalidServerDocumentError';
  }
}

/** Parsed documents and the ones that failed, so one bad document does not block the rest. */
export interface ParsedDocuments<C extends CollectionName> {
  documents: ReplicatedDocument<C>[];
  invalid: InvalidServerDocumentError[];
}

/** Parses documents from the server with the collection's zod schema plus RxDB's `_deleted` flag. */
export function parseServerDocuments<C extends CollectionName>(collection: C, raw: unknown[]): ParsedDocuments<C> {
  const schema = COLLECTIONS[collection].schema.extend({ _deleted: z.boolean().default(false) });
  const documents: ReplicatedDocument<C>[] = [];
  const invalid: InvalidServerDocumentError[] = [];

  for (const item of raw) {
    const result = schema.safeParse(item);
    if (result.success) {
      // The server's own JSON is stored, not zod's output, so that a normalizing schema step
      // (a trim) can never make the tablet's copy differ from the master state it compares with.
      // The schema just checked that the item has the collection's document type.
      documents.push({ ...(item as DocumentOf<C>), _deleted: result.data._deleted } as ReplicatedDocument<C>);
      continue;
    }
    const id = typeof item === 'object' && item !== null ? String((item as { id?: unknown }).id ?? '') : '';
    const path = result.error.issues[0]?.path.map(String).join('.') ?? '';
    invalid.push(new InvalidServerDocumentError(collection, id, path));
  }
  return { documents, invalid };
}

export interface PullResult<C extends CollectionName> extends ParsedDocuments<C> {
  checkpoint: Checkpoint | null;
  /** Documents the server sent, valid or not. */
  receivedCount: number;
}

/** Parses the body of GET /api/sync/:collection/pull and of a pull-stream event. */
export function parsePullBody<C extends CollectionName>(collection: C, body: unknown): PullResult<C> {
  const envelope = pullEnvelopeSchema.parse(body);
  return {
    ...parseServerDocuments(collection, envelope.documents),
    checkpoint: envelope.checkpoint,
    receivedCount: envelope.documents.length,
  };
}

/** Parses the `data` of one pull-stream event: the RESYNC signal or a batch of changed documents. */
export function parseStreamEvent<C extends CollectionName>(
  collection: C,
  data: string,
): { item: RxReplicationPullStreamItem<DocumentOf<C>, Checkpoint>; invalid: InvalidServerDocumentError[] } | null {
  if (data.trim() === 'RESYNC') return { item: 'RESYNC', invalid: [] };
  const body: unknown = JSON.parse(data);
  if (body === 'RESYNC') return { item: 'RESYNC', invalid: [] };

  const parsed = parsePullBody(collection, body);
  // A change event always carries a checkpoint; one without it cannot advance replication.
  if (!parsed.checkpoint) return null;
  return { item: { documents: parsed.documents, checkpoint: parsed.checkpoint }, invalid: parsed.invalid };
}

/** Returns the URL path of a replication endpoint. */
export function syncPath(collection: CollectionName, endpoint: 'pull' | 'push' | 'pull-stream'): string {
  return `/api/sync/${collection}/${endpoint}`;
}
