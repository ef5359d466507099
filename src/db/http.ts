import { z } from 'zod/mini';

/** An error response of the server; `code` is the `error` field of its JSON body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request did not reach the server or its response was cut: offline, server down, connection reset. */
export class NetworkError extends Error {
  readonly code = 'network';

  constructor(url: string, options?: { cause?: unknown }) {
    super(`request to ${url} failed: the server is unreachable or the connection dropped`, options);
    this.name = 'NetworkError';
  }
}

const errorBodySchema = z.object({
  error: z.string(),
  message: z.optional(z.string()),
  field: z.optional(z.string()),
});

/** Builds an ApiError from an error response, reading the JSON `{error, message, field}` body when present. */
export async function apiErrorFrom(response: Response, method: string): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const parsed = errorBodySchema.safeParse(body);
  const url = new URL(response.url || 'http://unknown/').pathname;
  if (!parsed.success) {
    return new ApiError(response.status, `http_${response.status}`, `${method} ${url} failed with status ${response.status}`);
  }
  const { error, message, field } = parsed.data;
  return new ApiError(response.status, error, message ?? `${method} ${url} failed: ${error}`, field);
}

/** Joins the server's base URL (with or without a trailing slash) and an absolute API path. */
export function apiUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** Sends a request, turning a thrown fetch (no connection) into NetworkError. */
export async function send(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(url, { cause: error });
  }
}

/** Reads a JSON response body, reporting a body cut off by a dropped connection as NetworkError. */
export async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new NetworkError(response.url, { cause: error });
  }
  return JSON.parse(text);
}
