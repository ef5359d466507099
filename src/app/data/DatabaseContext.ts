import { createContext, useContext } from 'react';
import type { ServiceLaneDatabase } from '../../db/database';

/**
 * The signed-in dealer's open RxDB database. Only types are imported here, so screens can
 * use the hook without pulling RxDB into the first screen's bundle.
 */
export const DatabaseContext = createContext<ServiceLaneDatabase | null>(null);

/** Returns the dealer's open database; only inside the signed-in part of the app. */
export function useDatabase(): ServiceLaneDatabase {
  const database = useContext(DatabaseContext);
  if (!database) throw new Error('useDatabase: no DatabaseProvider above this component (is the user signed in?)');
  return database;
}
