import { useEffect, useState } from 'react';
import { sha256Hex } from '../../../domain/canonical';
import type { BlobRef } from '../../../domain/schemas/common';

// TODO: replace this in-memory stand-in with src/db/blobs.ts (putBlob, getBlobUrl) once it lands.
const memory = new Map<string, Blob>();

/** Stores image bytes in the tablet's blob store and returns the reference kept in the sheet. */
export async function storeImage(blob: Blob, meta: { mimeType: BlobRef['mimeType']; width: number; height: number }): Promise<BlobRef> {
  const sha256 = await sha256Hex(await blob.arrayBuffer());
  memory.set(sha256, blob);
  return { sha256, mimeType: meta.mimeType, bytes: blob.size, width: meta.width, height: meta.height };
}

export type BlobUrlState = { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'missing' };

/** Returns an object URL for a stored image, or 'missing' when its bytes are not on this tablet yet. */
export function useBlobUrl(ref: BlobRef | null): BlobUrlState {
  const [state, setState] = useState<BlobUrlState>({ kind: 'loading' });
  const sha256 = ref?.sha256 ?? null;

  useEffect(() => {
    if (!sha256) {
      setState({ kind: 'missing' });
      return undefined;
    }
    const blob = memory.get(sha256);
    if (!blob) {
      setState({ kind: 'missing' });
      return undefined;
    }
    const url = URL.createObjectURL(blob);
    setState({ kind: 'ready', url });
    return () => URL.revokeObjectURL(url);
  }, [sha256]);

  return state;
}
