import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ApiError } from './apiError';

/** Limits of request bodies, in bytes. */
export const BODY_LIMITS = {
  /** Login and refresh: a few short strings. */
  smallJson: 16 * 1024,
  /** A push batch: up to a few hundred documents with signature strokes. */
  push: 16 * 1024 * 1024,
  /** One photo or signature image; the tablet shrinks photos to about 1600 px first. */
  blob: 15 * 1024 * 1024,
} as const;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/** Rejects a body over `maxBytes` with 413 JSON, whether or not the request declares its length. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `Request body too large: the limit of this endpoint is ${formatBytes(maxBytes)}.`);
    },
  });
}

/** Converts a zod issue path to the dotted form used in `field` (`lines[0].name` style for array indexes). */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let result = '';
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else result += result === '' ? String(key) : `.${String(key)}`;
  }
  return result;
}

/** Reads the request body as JSON and parses it with `schema`; malformed or invalid bodies become 400 JSON errors. */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'parse error';
    throw new ApiError(400, 'malformed_json', `Request body is not valid JSON: ${reason}.`);
  }

  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? formatIssuePath(issue.path) : '';
    throw new ApiError(400, 'invalid_request', `Invalid request body${field ? ` at ${field}` : ''}: ${issue?.message ?? 'invalid'}.`, field || undefined);
  }
  return result.data;
}
