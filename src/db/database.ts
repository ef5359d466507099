import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { RxDBQueryBuilderPlugin } from 'rxdb/plugins/query-builder';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_NAMES, toRxJsonSchema, type CollectionName, type DocumentOf } from '../domain/collections';

addRxPlugin(RxDBUpdatePlugin);
addRxPlugin(RxDBQueryBuilderPlugin);

export type Collections = { [C in CollectionName]: RxCollection<DocumentOf<C>> };
export type ServiceLaneDatabase = RxDatabase<Collections>;

export interface DatabaseOptions {
  /** IndexedDB database name; one per dealer so two dealerships on one tablet never mix data. */
  name: string;
  /** Storage override for tests (for example Dexie over fake-indexeddb). */
  storage?: RxStorage<unknown, unknown>;
}

/** Returns the IndexedDB name of a dealer's local database. */
export function databaseNameForDealer(dealerId: string): string {
  return `service-lane-${dealerId.toLowerCase()}`;
}

/**
 * Opens the tablet's RxDB database with every replicated collection, their schemas
 * generated from the domain's zod schemas. No RxDB validator is added: documents are
 * parsed with zod before every write (see src/db/repository.ts).
 */
export async function openDatabase(options: DatabaseOptions): Promise<ServiceLaneDatabase> {
  const database = await createRxDatabase<Collections>({
    name: options.name,
    storage: options.storage ?? getRxStorageDexie(),
    multiInstance: true,
    eventReduce: true,
    closeDuplicates: true,
  });

  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, { schema: toRxJsonSchema(name) as never }]),
  );
  await database.addCollections(collections as never);
  return database;
}
