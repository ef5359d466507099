import { createContext, useContext } from 'react';
import type { BlobService } from '../../db/blobs';

/** The signed-in dealer's photo and signature store (src/db/blobs.ts). */
export const BlobServiceContext = createContext<BlobService | null>(null);

/**
 * Returns the dealer's blob service: `putBlob`, `getBlobUrl`, `watchBlob`. Available in the
 * check-in and order screens, which the shell renders only once the blob store is open.
 */
export function useBlobService(): BlobService {
  const blobs = useContext(BlobServiceContext);
  if (!blobs) throw new Error('useBlobService: no BlobServiceContext above this component (is the database open?)');
  return blobs;
}
