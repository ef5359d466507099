import type { Subscription } from 'rxjs';
import type { ServiceLaneDatabase } from '../../db/database';
import { saveDocument, type WriteContext } from '../../db/repository';
import type { Checkin } from '../../domain/schemas/checkin';

export type CheckinDatabase = ServiceLaneDatabase;
export type { WriteContext };

/** Validates and writes a sheet through the repository; returns the stored version. */
export function saveCheckin(database: CheckinDatabase, context: WriteContext, checkin: Checkin): Promise<Checkin> {
  return saveDocument(database, 'checkins', checkin, context);
}

/** Calls back with the stored sheet now and on every change (null when it does not exist). */
export function watchCheckin(database: CheckinDatabase, id: string, onChange: (checkin: Checkin | null) => void): Subscription {
  return database.checkins.findOne(id).$.subscribe((document) => {
    onChange(document ? (document.toMutableJSON() as Checkin) : null);
  });
}
