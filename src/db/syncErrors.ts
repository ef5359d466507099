import { ApiError, NetworkError } from './http';
import { SessionExpiredError } from './session';
import { StorageFullError } from './storageErrors';
import { InvalidServerDocumentError } from './syncProtocol';

/**
 * The reason the last exchange with the server failed, as a message-catalog code for the sync
 * indicator: offline (no connection), session_expired (log in again), server_error (5xx),
 * rejected (the server refused a request with a 4xx), invalid_server_document (a document
 * from the server failed this tablet's schema), storage_full (the tablet's quota is used up).
 */
export type SyncErrorCode =
  | 'offline'
  | 'session_expired'
  | 'server_error'
  | 'rejected'
  | 'invalid_server_document'
  | 'storage_full'
  | 'unknown';

/** The result of one request to the server, for the sync indicator. */
export type RequestOutcome =
  | { ok: true; at: Date }
  | { ok: false; at: Date; code: SyncErrorCode; message: string };

/** Maps an error raised while syncing to its SyncErrorCode. */
export function syncErrorCode(error: unknown): SyncErrorCode {
  if (error instanceof NetworkError) return 'offline';
  if (error instanceof SessionExpiredError) return 'session_expired';
  if (error instanceof StorageFullError) return 'storage_full';
  if (error instanceof InvalidServerDocumentError) return 'invalid_server_document';
  if (error instanceof ApiError) return error.status >= 500 ? 'server_error' : 'rejected';
  return 'unknown';
}

export function failedOutcome(error: unknown): RequestOutcome {
  return { ok: false, at: new Date(), code: syncErrorCode(error), message: error instanceof Error ? error.message : String(error) };
}
