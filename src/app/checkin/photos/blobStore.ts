import { useCallback, useEffect, useState } from 'react';
import type { BlobView } from '../../../db/blobs';
import type { BlobRef } from '../../../domain/schemas/common';
import { useBlobService } from '../../data/BlobContext';

export type ImageMeta = { mimeType: BlobRef['mimeType']; width: number; height: number };

/**
 * Returns a function that stores image bytes in the tablet's blob store (queued for upload)
 * and returns the reference kept in the sheet.
 */
export function useStoreImage(): (blob: Blob, meta: ImageMeta) => Promise<BlobRef> {
  const blobs = useBlobService();
  return useCallback(
    async (blob, meta) => blobs.putBlob(await blob.arrayBuffer(), meta.mimeType, { width: meta.width, height: meta.height }),
    [blobs],
  );
}

/**
 * Returns what a view of a stored image shows: loading, an object URL, or waiting while the
 * bytes are neither on this tablet nor downloadable yet. The URL is revoked on unmount.
 */
export function useBlobView(ref: BlobRef | null): BlobView {
  const blobs = useBlobService();
  const [view, setView] = useState<BlobView>({ status: 'loading' });
  const sha256 = ref?.sha256 ?? null;

  useEffect(() => {
    if (!ref) return undefined;
    const subscription = blobs.watchBlob(ref).subscribe(setView);
    return () => subscription.unsubscribe();
    // The image is identified by its hash; a new BlobRef object for the same bytes changes nothing.
  }, [blobs, sha256]);

  return view;
}
