/** Canonical JSON (keys sorted at every level, undefined dropped) and its SHA-256, for signature content hashes. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonicalValue(value: unknown): Json | undefined {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((item) => canonicalValue(item) ?? null);
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: expected a finite number, found ${value}`);
      return value;
    case 'object': {
      const result: { [key: string]: Json } = {};
      for (const key of Object.keys(value as object).sort()) {
        const item = canonicalValue((value as Record<string, unknown>)[key]);
        if (item !== undefined) result[key] = item;
      }
      return result;
    }
    default:
      return undefined;
  }
}

/** Serializes a value so that the same content in any key order gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value) ?? null);
}

/** Returns the lowercase hex SHA-256 of bytes or of a UTF-8 string (Web Crypto, in the browser and in Node). */
export async function sha256Hex(data: string | ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
