import { useEffect, useState } from 'react';
import { databaseNameForDealer, openDatabase, type ServiceLaneDatabase } from '../../db/database';
import { reportStorageError } from './storage';

export type DatabaseState =
  | { status: 'opening' }
  | { status: 'open'; database: ServiceLaneDatabase }
  | { status: 'failed'; error: unknown };

/**
 * Opens the dealer's RxDB database and closes it when the dealer changes or the advisor
 * signs out. Each dealer has its own IndexedDB database, so two dealerships on one tablet
 * never mix data.
 */
export function useOpenDatabase(dealerId: string): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ status: 'opening' });

  useEffect(() => {
    let active = true;
    setState({ status: 'opening' });
    const opening = openDatabase({ name: databaseNameForDealer(dealerId) });

    opening.then(
      (database) => {
        if (active) setState({ status: 'open', database });
      },
      (error: unknown) => {
        console.error(`opening the local database of dealer ${dealerId} failed`, error);
        reportStorageError(error);
        if (active) setState({ status: 'failed', error });
      },
    );

    return () => {
      active = false;
      // React may unmount before the database finished opening (StrictMode runs effects
      // twice in development); close it once it is open.
      void opening.then((database) => database.close()).catch(() => undefined);
    };
  }, [dealerId]);

  return state;
}
