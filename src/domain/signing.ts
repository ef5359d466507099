import { canonicalJson, sha256Hex } from './canonical';
import type { Signature } from './schemas/common';

/** Returns the content a signature covers: the document without the named bookkeeping fields. */
export function signedContent(document: Record<string, unknown>, excludedFields: readonly string[]): Record<string, unknown> {
  const excluded = new Set([...excludedFields, '_meta', '_rev', '_attachments', '_deleted']);
  return Object.fromEntries(Object.entries(document).filter(([key]) => !excluded.has(key)));
}

/** Computes the SHA-256 of the canonical JSON of the content a signature covers. */
export function contentHash(document: Record<string, unknown>, excludedFields: readonly string[]): Promise<string> {
  return sha256Hex(canonicalJson(signedContent(document, excludedFields)));
}

/** Signing state of a document: unsigned, signed (the latest signature covers the current content), or changed since signing. */
export type SigningState = 'unsigned' | 'signed' | 'changed_after_signing';

/** Derives the signing state from the signature history and the current content hash. */
export function signingState(signatures: readonly Signature[], currentHash: string): SigningState {
  const latest = signatures.at(-1);
  if (!latest) return 'unsigned';
  return latest.contentHash === currentHash ? 'signed' : 'changed_after_signing';
}

/**
 * Checks that a new signature history only appends to the previous one: an earlier signature
 * cannot be changed or removed. Returns the id of the first violating signature, or null.
 */
export function findRewrittenSignature(previous: readonly Signature[], next: readonly Signature[]): string | null {
  for (let i = 0; i < previous.length; i++) {
    const before = previous[i]!;
    const after = next[i];
    if (!after || canonicalJson(before) !== canonicalJson(after)) return before.id;
  }
  return null;
}
