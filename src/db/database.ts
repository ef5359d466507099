import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxCollectionCreator,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { RxDBQueryBuilderPlugin } from 'rxdb/plugins/query-builder';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { CollectionName, DocumentOf } from '../domain/collections';
import { createMergeConflictHandler } from './conflictHandler';
import { RX_SCHEMAS } from './rxSchemas.generated';

addRxPlugin(RxDBUpdatePlugin);
addRxPlugin(RxDBQueryBuilderPlugin);

export type Collections = { [C in CollectionName]: RxCollection<DocumentOf<C>> };
export type ServiceLaneDatabase = RxDatabase<Collections>;

export interface DatabaseOptions {
  /** IndexedDB database name; one per dealer so two dealerships on one tablet never mix data. */
  name: string;
  /** Storage override for tests (for example Dexie over fake-indexeddb). */
  storage?: RxStorage<unknown, unknown>;
  /**
   * Whether several browser tabs share the database (default true). Node tests pass false:
   * RxDB's cross-tab channel and leader election are browser features.
   */
  multiInstance?: boolean;
}

/** Returns the IndexedDB name of a dealer's local database. */
export function databaseNameForDealer(dealerId: string): string {
  return `service-lane-${dealerId.toLowerCase()}`;
}

function collectionCreator<C extends CollectionName>(name: C): RxCollectionCreator<DocumentOf<C>> {
  return {
    // The schema is generated from the zod schema (scripts/generate-rx-schemas.ts), so
    // TypeScript cannot check it against DocumentOf<C>; that zod schema is the type's source.
    schema: RX_SCHEMAS[name] as unknown as RxJsonSchema<DocumentOf<C>>,
    conflictHandler: createMergeConflictHandler<DocumentOf<C>>(),
  };
}

/**
 * Opens the tablet's RxDB database with every replicated collection, their schemas
 * generated from the domain's zod schemas ahead of time (so opening needs no zod) and the
 * merging conflict handler. No RxDB
 * validator is added: documents are parsed with zod before every write (see
 * src/db/repository.ts).
 */
export async function openDatabase(options: DatabaseOptions): Promise<ServiceLaneDatabase> {
  const database = await createRxDatabase<Collections>({
    name: options.name,
    storage: options.storage ?? getRxStorageDexie(),
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
    closeDuplicates: true,
  });

  const names = Object.keys(RX_SCHEMAS) as CollectionName[];
  const creators = Object.fromEntries(names.map((name) => [name, collectionCreator(name)]));
  // Object.fromEntries loses the per-key document types that collectionCreator gave each entry.
  await database.addCollections(creators as { [C in CollectionName]: RxCollectionCreator<DocumentOf<C>> });
  return database;
}
