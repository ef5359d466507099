import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Content Security Policy of the app's pages. The built app loads its scripts, styles,
 * manifest and service worker from its own origin and calls only its own /api. Images
 * also come from `blob:` URLs (photos and signatures read from the tablet's blob store)
 * and `data:` URLs. No inline script and no eval are allowed.
 * NOTE: zod 4 probes `Function('')` once to decide whether to compile its validators. The
 * policy blocks the probe and Chromium logs one violation a page load, and zod then
 * validates without compiling. Calling `z.config({ jitless: true })` in the app would end the log line.
 */
export const APP_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Sets the security headers on every response: the policy above, `nosniff`, no referrer,
 * no framing. A header a route sets itself is kept, so blobs keep their stricter policy.
 * Strict-Transport-Security is left out: the server speaks plain HTTP on the dealership's
 * network, and an HTTPS proxy in front of it owns that header.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    overwrite: false,
    contentSecurityPolicy: APP_CONTENT_SECURITY_POLICY,
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
  });
}
