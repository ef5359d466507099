import type { z } from 'zod';
import { COLLECTION_NAMES, COLLECTIONS } from '../../domain/collections';
import { signedPapersOf, type SignedPaper } from '../signedContent';

/** Sync settings of one collection. */
export interface SyncCollection {
  /** Strict zod schema every pushed document must pass (without `_deleted`). */
  schema: z.ZodObject;
  /** False for collections only the server writes (price book, settings): pushes get 403. */
  tabletWritable: boolean;
  /** Field holding the document id. */
  primaryKey: string;
  /** Field naming the document's dealer, compared with the token's dealer; null for collections without one. */
  dealerField: string | null;
  /** Signed papers whose signature histories are append-only. */
  signedPapers: ReadonlyArray<SignedPaper<Record<string, unknown>>>;
}

export type SyncCollections = Readonly<Record<string, SyncCollection>>;

/** The product's collections, as declared in the domain module. */
export const DEFAULT_SYNC_COLLECTIONS: SyncCollections = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [
    name,
    {
      schema: COLLECTIONS[name].schema,
      tabletWritable: COLLECTIONS[name].tabletWritable,
      primaryKey: 'id',
      dealerField: 'dealerId',
      signedPapers: signedPapersOf(name),
    } satisfies SyncCollection,
  ]),
);
