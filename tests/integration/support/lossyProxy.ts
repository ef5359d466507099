import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy on loopback in front of the sync server. For requests that match, it
 * forwards the request, reads the server's whole response and then cuts the connection
 * instead of passing the response on, so the tablet's request fails after the server committed it.
 */
export interface LossyProxy {
  url: string;
  /** Cuts the response of the next `count` requests matching `method` and `path`. */
  dropAnswers(method: string, path: string, count: number): void;
  /** Requests forwarded so far, as `METHOD /path` with the server's status. */
  readonly forwarded: Array<{ request: string; status: number; dropped: boolean }>;
  close(): Promise<void>;
}

export async function startLossyProxy(targetUrl: string): Promise<LossyProxy> {
  const target = new URL(targetUrl);
  const drops: Array<{ method: string; path: string; remaining: number }> = [];
  const forwarded: LossyProxy['forwarded'] = [];
  const openResponses = new Set<ServerResponse>();

  const handle = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const path = new URL(incoming.url ?? '/', 'http://proxy').pathname;
    const drop = drops.find((entry) => entry.remaining > 0 && entry.method === incoming.method && entry.path === path);
    if (drop) drop.remaining -= 1;

    const upstream = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        forwarded.push({ request: `${incoming.method} ${path}`, status: answer.statusCode ?? 0, dropped: Boolean(drop) });
        if (drop) {
          // Read the whole response so the server has finished, then cut the tablet's connection.
          answer.resume();
          answer.on('end', () => incoming.socket.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        openResponses.add(outgoing);
        outgoing.on('close', () => openResponses.delete(outgoing));
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => incoming.socket.destroy());
    incoming.pipe(upstream);
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    dropAnswers(method, path, count) {
      drops.push({ method, path, remaining: count });
    },
    async close() {
      for (const response of openResponses) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
