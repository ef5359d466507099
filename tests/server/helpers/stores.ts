import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../../src/server/store/store';
import { createTestSchema } from './postgres';

/** A kind of store the contract tests run against, with its own empty storage. */
export interface StoreFixture {
  options: StoreOptions;
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export type StoreKind = 'sqlite' | 'postgres';

export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Creates empty storage of the given kind: a temporary folder, or a PostgreSQL schema. */
export async function createStoreFixture(kind: StoreKind): Promise<StoreFixture> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'service-lane-store-'));
  const schema = kind === 'postgres' ? await createTestSchema() : null;
  const options: StoreOptions = { dataDir, databaseUrl: schema?.databaseUrl };

  return {
    options,
    open: () => openStore(options),
    async dispose() {
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves when `condition` holds, checking every 5 ms, and rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
