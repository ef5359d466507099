import type { z } from 'zod';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type DocumentOf } from '../../domain/collections';
import { SIGNED_PAPERS, type SignedPaper } from '../signedContent';

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

function signedPapersOf<C extends CollectionName>(name: C): ReadonlyArray<SignedPaper<Record<string, unknown>>> {
  const papers: ReadonlyArray<SignedPaper<DocumentOf<C>>> = SIGNED_PAPERS[name] ?? [];
  return papers.map((paper) => ({
    signatureField: paper.signatureField,
    // The push handler calls this only with documents that passed this collection's schema.
    content: (document: Record<string, unknown>) => paper.content(document as DocumentOf<C>),
  }));
}

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
