import { v7 as uuidv7 } from 'uuid';
import { canonicalJson, sha256Hex } from '../../../domain/canonical';
import { quoteContent, recommendedContent } from '../../../domain/orderSigning';
import { signatureSchema, type BlobRef, type Signature } from '../../../domain/schemas/common';
import type { Order } from '../../../domain/schemas/order';
import type { Stroke } from '../../checkin/sign/strokes';

export type SignedPaper = 'quote' | 'recommended';

export interface SignatureInput {
  signerName: string;
  strokes: Stroke[];
  padAspectRatio: number;
  image: BlobRef;
}

/** A signature and the exact canonical content it covers, to check against the stored order before appending. */
export interface PreparedSignature {
  paper: SignedPaper;
  signature: Signature;
  content: string;
}

function contentOf(paper: SignedPaper, order: Order): string {
  return canonicalJson(paper === 'quote' ? quoteContent(order) : recommendedContent(order));
}

/** Hashes the content shown to the customer and builds the signature over it. */
export async function prepareSignature(paper: SignedPaper, order: Order, input: SignatureInput, signedAt: Date): Promise<PreparedSignature> {
  const content = contentOf(paper, order);
  const signature = signatureSchema.parse({
    id: uuidv7(),
    signerName: input.signerName,
    signedAt: signedAt.toISOString(),
    contentHash: await sha256Hex(content),
    padAspectRatio: input.padAspectRatio,
    strokes: input.strokes,
    image: input.image,
  });
  return { paper, signature, content };
}

export type AppendResult = { ok: true; order: Order } | { ok: false; error: 'content_changed' };

/**
 * Appends a prepared signature to the stored order, unless the stored content differs from
 * what the customer signed (another tablet changed the order meanwhile). Signing the quote
 * also records, on each line the customer decided on screen, that the decision was signed.
 * Signatures are only appended: earlier ones stay with the hash of what they covered.
 */
export function appendSignature(current: Order, prepared: PreparedSignature): AppendResult {
  if (contentOf(prepared.paper, current) !== prepared.content) return { ok: false, error: 'content_changed' };

  if (prepared.paper === 'recommended') {
    return { ok: true, order: { ...current, recommendedSignatures: [...current.recommendedSignatures, prepared.signature] } };
  }

  const signedAt = prepared.signature.signedAt;
  const lines = current.lines.map((line) =>
    line.approval !== 'pending' && line.decidedVia === null ? { ...line, decidedVia: 'signature' as const, decidedAt: signedAt } : line,
  );
  return { ok: true, order: { ...current, lines, quoteSignatures: [...current.quoteSignatures, prepared.signature] } };
}
