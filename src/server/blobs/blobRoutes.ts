import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { blobRefSchema } from '../../domain/schemas/common';
import { ApiError } from '../http/apiError';
import { BODY_LIMITS, limitBody } from '../http/body';
import { requireClaims, type AppEnv } from '../http/env';
import type { Store } from '../store/store';

const SHA256_HEX = /^[0-9a-f]{64}$/;
// Blobs never change under their hash, so a tablet may keep them as long as it likes.
const BLOB_CACHE_CONTROL = 'private, max-age=31536000, immutable';
/** Content types a blob may have: those a document's BlobRef allows. SVG is not one, because it can carry scripts. */
export const BLOB_MIME_TYPES: readonly string[] = blobRefSchema.shape.mimeType.options;
// A blob is never a page: nothing in it may run or load, whatever a browser makes of it.
const BLOB_CONTENT_SECURITY_POLICY = "default-src 'none'";

function parseHash(raw: string): string {
  if (!SHA256_HEX.test(raw)) throw new ApiError(400, 'invalid_request', `Invalid blob hash ${raw.slice(0, 80)}: expected 64 lowercase hex digits.`, 'sha256');
  return raw;
}

/**
 * Creates the content-addressed blob routes (photos, signature images) under /api/blobs.
 * Blobs belong to the dealer of the token: another dealer's blob with the same hash is
 * invisible, and uploading it again stores a copy for the uploader.
 */
export function createBlobRoutes({ store }: { store: Store }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.put('/:sha256', limitBody(BODY_LIMITS.blob), async (c) => {
    const { dealerId } = requireClaims(c);
    const sha256 = parseHash(c.req.param('sha256'));
    const mimeType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!BLOB_MIME_TYPES.includes(mimeType)) {
      throw new ApiError(415, 'unsupported_media_type', `Blob Content-Type must be one of ${BLOB_MIME_TYPES.join(', ')}, found ${mimeType.slice(0, 80) || 'none'}.`);
    }

    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) throw new ApiError(400, 'invalid_request', 'Blob body is empty.');
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) {
      throw new ApiError(400, 'hash_mismatch', `Blob bytes hash to ${actual}, not ${sha256}: the upload was damaged or the URL names another blob.`);
    }

    // Idempotent: a retried upload after a lost response finds the blob and changes nothing.
    const created = await store.putBlob({ dealerId, sha256, mimeType, bytes });
    return c.json({ sha256, mimeType, bytes: bytes.byteLength, created }, created ? 201 : 200);
  });

  // Hono routes HEAD to this GET handler and drops the body, so HEAD skips loading the bytes.
  routes.get('/:sha256', async (c) => {
    const { dealerId } = requireClaims(c);
    const sha256 = parseHash(c.req.param('sha256'));

    if (c.req.method === 'HEAD') {
      if (!(await store.hasBlob(dealerId, sha256))) return c.body(null, 404);
      return c.body(null, 200, { 'Cache-Control': BLOB_CACHE_CONTROL, ETag: `"${sha256}"` });
    }

    const blob = await store.getBlob(dealerId, sha256);
    if (!blob) throw new ApiError(404, 'not_found', `No blob ${sha256} for this dealer.`);
    if (c.req.header('If-None-Match') === `"${sha256}"`) return c.body(null, 304);
    // A blob stored before the upload checked the type is sent as a download, never rendered.
    const allowedType = BLOB_MIME_TYPES.includes(blob.mimeType);
    return c.body(blob.bytes, 200, {
      'Content-Type': allowedType ? blob.mimeType : 'application/octet-stream',
      ...(allowedType ? {} : { 'Content-Disposition': 'attachment' }),
      'Cache-Control': BLOB_CACHE_CONTROL,
      ETag: `"${sha256}"`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': BLOB_CONTENT_SECURITY_POLICY,
    });
  });

  return routes;
}
