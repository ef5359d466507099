import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { ApiError } from './apiError';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// Vite puts a content hash in every file name under assets/, so those never change.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Everything else (index.html, the service worker sw.js, registerSW.js, the manifest) is
// revalidated on every load, or an installed app would keep an old version forever.
const REVALIDATE = 'no-cache';

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built app from `distDir`. A path without a file extension that matches no
 * file gets index.html, so the client router handles deep links. A missing file with an
 * extension gets 404 JSON, so a request for a stale asset never receives HTML.
 */
export function createStaticHandler(distDir: string) {
  const root = path.resolve(distDir);

  return async (c: Context): Promise<Response> => {
    let requestPath: string;
    try {
      requestPath = decodeURIComponent(c.req.path);
    } catch {
      throw new ApiError(404, 'not_found', 'No file at a path with malformed percent-encoding.');
    }
    const file = path.resolve(root, `.${requestPath}`);
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) throw new ApiError(404, 'not_found', `No file at ${requestPath}.`);

    let target = file;
    if (!(await isFile(target))) {
      if (path.extname(requestPath) !== '') throw new ApiError(404, 'not_found', `No file at ${requestPath}.`);
      target = path.join(root, 'index.html');
      if (!(await isFile(target))) {
        throw new ApiError(404, 'app_not_built', `The app is not built in ${root}: run \`npm run build\` and restart the server.`);
      }
    }

    const body = await readFile(target);
    const relative = path.relative(root, target);
    const headers = {
      'Content-Type': CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': relative.startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE,
      'X-Content-Type-Options': 'nosniff',
    };
    return c.body(new Uint8Array(body), 200, headers);
  };
}
