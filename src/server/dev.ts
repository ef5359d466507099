import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { consoleLog, describeError } from './http/log';
import { startServer } from './main';

/*
 * `npm run dev`: the API server on a free loopback port, and Vite's dev server on PORT
 * (default 8080) with hot reload for the app, forwarding /api to the API server.
 * `tsx watch` restarts this whole process when a server file changes.
 */
async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const api = await startServer({
    port: 0,
    dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
  });

  const vite = await createServer({
    root,
    server: {
      port: Number(process.env.PORT ?? 8080),
      strictPort: true,
      host: process.env.HOST ?? '0.0.0.0',
      // Pull streams are long-lived responses; the proxy passes them through as they arrive.
      proxy: { '/api': { target: api.url } },
    },
  });
  await vite.listen();
  vite.printUrls();

  const stop = () => {
    void Promise.all([vite.close(), api.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  consoleLog({ level: 'error', event: 'dev_start_failed', ...describeError(error) });
  process.exit(1);
});
