import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, type ServiceLaneDatabase } from '../../../src/db/database';

/** One simulated tablet's IndexedDB: a fresh fake-indexeddb factory no other client shares. */
export interface TabletStorage {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  rxStorage: RxStorage<unknown, unknown>;
}

export function createTabletStorage(): TabletStorage {
  const indexedDB = new IDBFactory();
  // RxStorage is generic in its internals; the database only needs the erased form.
  const rxStorage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as unknown as RxStorage<unknown, unknown>;
  return { indexedDB, IDBKeyRange, rxStorage };
}

let databaseCounter = 0;

/** Opens a tablet database on its own fake IndexedDB; names are unique because RxDB closes duplicates in one process. */
export async function openTabletDatabase(storage: RxStorage<unknown, unknown> = createTabletStorage().rxStorage): Promise<ServiceLaneDatabase> {
  databaseCounter += 1;
  return openDatabase({ name: `service-lane-test-${process.pid}-${databaseCounter}`, storage, multiInstance: false });
}

/** A write failure to inject: the DOMException name a browser would raise, and how many writes fail. */
export interface InjectedFailure {
  collectionName: string;
  errorName: string;
  remaining: number;
}

/**
 * Wraps a storage so that bulk writes of one collection fail the way a browser's IndexedDB
 * does (QuotaExceededError, AbortError). Used because fake-indexeddb has no quota to fill.
 */
export function withInjectedWriteFailures(base: RxStorage<unknown, unknown>): { storage: RxStorage<unknown, unknown>; failures: InjectedFailure[] } {
  const failures: InjectedFailure[] = [];

  function wrapInstance<T>(instance: RxStorageInstance<T, unknown, unknown>): RxStorageInstance<T, unknown, unknown> {
    return new Proxy(instance, {
      get(target, property) {
        if (property === 'bulkWrite') {
          return (...args: Parameters<typeof target.bulkWrite>) => {
            const failure = failures.find((entry) => entry.collectionName === target.collectionName && entry.remaining > 0);
            if (failure) {
              failure.remaining -= 1;
              return Promise.reject(new DOMException(`injected ${failure.errorName}`, failure.errorName));
            }
            return target.bulkWrite(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  const storage: RxStorage<unknown, unknown> = {
    name: base.name,
    rxdbVersion: base.rxdbVersion,
    async createStorageInstance<T>(params: RxStorageInstanceCreationParams<T, unknown>) {
      return wrapInstance(await base.createStorageInstance(params));
    },
  };
  return { storage, failures };
}

const RXDB_STORAGE_BANNER = '-------------- RxDB Open Core RxStorage';
const forwardWarning = console.warn.bind(console);

// RxDB prints an advertisement for its paid storages the first time a Dexie storage opens.
// Tests drop that one message and pass every other warning through.
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith(RXDB_STORAGE_BANNER)) return;
  forwardWarning(...args);
};
