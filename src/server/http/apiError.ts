import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Machine-readable error codes of the API; the tablet translates them, the message is for logs and developers. */
export type ApiErrorCode =
  | 'not_found'
  | 'malformed_json'
  | 'invalid_request'
  | 'payload_too_large'
  | 'missing_token'
  | 'invalid_token'
  | 'token_expired'
  | 'invalid_credentials'
  | 'invalid_refresh_token'
  | 'too_many_attempts'
  | 'unknown_collection'
  | 'collection_read_only'
  | 'hash_mismatch'
  | 'unsupported_media_type'
  | 'app_not_built'
  | 'store_unavailable'
  | 'internal';

/** The JSON body of every error response. */
export interface ApiErrorBody {
  error: ApiErrorCode;
  message: string;
  field?: string;
}

/** An error the API returns as JSON with its status; thrown by handlers and turned into a response by the app. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.field === undefined ? { error: this.code, message: this.message } : { error: this.code, message: this.message, field: this.field };
  }
}
