import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical';
import { isCollectionName, type CollectionName, type DocumentOf } from '../domain/collections';
import { quoteContent, recommendedContent } from '../domain/orderSigning';
import { CHECKIN_UNSIGNED_FIELDS } from '../domain/schemas/checkin';
import type { Signature } from '../domain/schemas/common';
import { findRewrittenSignature, signedContent } from '../domain/signing';

/**
 * A signed paper of a document: the array field holding its signature history and the
 * content each signature covers. The content functions are the domain's, so the server
 * hashes exactly what the tablet hashed when the customer signed.
 */
export interface SignedPaper<T> {
  signatureField: string;
  content(document: T): Record<string, unknown>;
}

type SignedPapers = { [C in CollectionName]?: ReadonlyArray<SignedPaper<DocumentOf<C>>> };

/** The signed papers of each collection; collections not listed carry no signatures. */
export const SIGNED_PAPERS: SignedPapers = {
  checkins: [{ signatureField: 'signatures', content: (checkin) => signedContent(checkin, CHECKIN_UNSIGNED_FIELDS) }],
  orders: [
    { signatureField: 'quoteSignatures', content: quoteContent },
    { signatureField: 'recommendedSignatures', content: recommendedContent },
  ],
};

/** Returns the signed papers of a collection by name: none for a collection without signatures or an unknown name. */
export function signedPapersOf(collection: string): ReadonlyArray<SignedPaper<Record<string, unknown>>> {
  if (!isCollectionName(collection)) return [];
  return papersOf(collection);
}

function papersOf<C extends CollectionName>(name: C): ReadonlyArray<SignedPaper<Record<string, unknown>>> {
  const papers: ReadonlyArray<SignedPaper<DocumentOf<C>>> = SIGNED_PAPERS[name] ?? [];
  return papers.map((paper) => ({
    signatureField: paper.signatureField,
    // Callers pass documents that passed this collection's schema (pushed or written by the server).
    content: (document: Record<string, unknown>) => paper.content(document as DocumentOf<C>),
  }));
}

/** The latest signature of a paper, when it covers the document's current content. */
export interface CoveringSignature {
  signatureField: string;
  contentHash: string;
  signedAt: string;
}

/**
 * Lists the papers of a document whose latest signature covers the document as it is: the
 * document is then the content the customer signed, and the server keeps a copy of it (S14
 * of docs/sync-protocol.md). A paper whose latest signature covers an earlier content is
 * "changed after signing" and is not listed.
 */
export function findCoveringSignatures(collection: string, document: Record<string, unknown>): CoveringSignature[] {
  const covering: CoveringSignature[] = [];
  for (const paper of signedPapersOf(collection)) {
    const latest = signaturesIn(document, paper.signatureField).at(-1);
    if (!latest) continue;
    if (latest.contentHash === contentHashSync(paper.content(document))) {
      covering.push({ signatureField: paper.signatureField, contentHash: latest.contentHash, signedAt: latest.signedAt });
    }
  }
  return covering;
}

/** Returns the signatures in a signature field, or an empty history when the field is absent. */
export function signaturesIn(document: Record<string, unknown> | undefined, field: string): Signature[] {
  const value = document?.[field];
  return Array.isArray(value) ? (value as Signature[]) : [];
}

/** Computes a content hash synchronously (Node's SHA-256); equal to the domain's async `sha256Hex(canonicalJson(content))`. */
export function contentHashSync(content: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** Reason a pushed signature history was rejected, with the path of the offending field. */
export interface SignatureViolation {
  code: 'signature_rewritten' | 'signature_duplicate_id';
  field: string;
  message: string;
}

/**
 * Checks that a signature history only grows: every signature of the stored version is
 * still there, unchanged and at the same position, and no id appears twice.
 */
export function checkSignatureHistory(field: string, previous: readonly Signature[], next: readonly Signature[]): SignatureViolation | null {
  const rewrittenId = findRewrittenSignature(previous, next);
  if (rewrittenId !== null) {
    const index = previous.findIndex((signature) => signature.id === rewrittenId);
    return {
      code: 'signature_rewritten',
      field: `${field}[${index}]`,
      message: `signature ${rewrittenId} was changed or removed: signatures are append-only, add a new one instead`,
    };
  }

  const seen = new Set<string>();
  for (const [index, signature] of next.entries()) {
    if (seen.has(signature.id)) {
      return { code: 'signature_duplicate_id', field: `${field}[${index}].id`, message: `signature id ${signature.id} appears twice` };
    }
    seen.add(signature.id);
  }
  return null;
}
