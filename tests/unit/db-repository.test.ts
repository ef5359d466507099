import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceLaneDatabase } from '../../src/db/database';
import { requestPersistentStorage } from '../../src/db/persistence';
import { deleteDocument, DocumentValidationError, saveDocument, updateDocument, type WriteContext } from '../../src/db/repository';
import { StorageFullError } from '../../src/db/storageErrors';
import { walkaround } from '../integration/support/fixtures';
import { createTabletStorage, openTabletDatabase, withInjectedWriteFailures } from '../integration/support/storage';

const ADVISOR: WriteContext = { user: 'li.wei', dealerId: 'dealer-d01', now: () => new Date('2026-12-04T01:12:00.000Z') };
const LATER: WriteContext = { ...ADVISOR, user: 'wang.fang', now: () => new Date('2026-12-04T01:20:00.000Z') };

const openDatabases: ServiceLaneDatabase[] = [];

async function openDatabase(storage = createTabletStorage().rxStorage): Promise<ServiceLaneDatabase> {
  const db = await openTabletDatabase(storage);
  openDatabases.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(openDatabases.splice(0).map((db) => db.close()));
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

describe('saveDocument', () => {
  it('fills the bookkeeping fields of a new document', async () => {
    const db = await openDatabase();
    const { checkin } = walkaround();

    const stored = await saveDocument(db, 'checkins', checkin, ADVISOR);

    expect(stored.dealerId).toBe('dealer-d01');
    expect(stored.createdAt).toBe('2026-12-04T01:12:00.000Z');
    expect(stored.updatedAt).toBe('2026-12-04T01:12:00.000Z');
    expect(stored.updatedBy).toBe('li.wei');
    expect(stored.mergeConflicts).toEqual([]);
    expect((await db.checkins.findOne(checkin.id).exec())?.mileageKm).toBe(32150);
  });

  it('keeps dealer and creation time on update', async () => {
    const db = await openDatabase();
    const { checkin } = walkaround();
    await saveDocument(db, 'checkins', checkin, ADVISOR);

    const stored = await saveDocument(db, 'checkins', { ...checkin, mileageKm: 32160 }, { ...LATER, dealerId: 'dealer-other' });

    expect(stored.mileageKm).toBe(32160);
    expect(stored.dealerId).toBe('dealer-d01');
    expect(stored.createdAt).toBe('2026-12-04T01:12:00.000Z');
    expect(stored.updatedAt).toBe('2026-12-04T01:20:00.000Z');
    expect(stored.updatedBy).toBe('wang.fang');
  });

  it('saves two quick autosaves of a new draft as one document', async () => {
    const db = await openDatabase();
    const { checkin } = walkaround();

    await Promise.all([
      saveDocument(db, 'checkins', { ...checkin, mileageKm: 32151 }, ADVISOR),
      saveDocument(db, 'checkins', { ...checkin, mileageKm: 32152 }, ADVISOR),
    ]);

    const stored = await db.checkins.find().exec();
    expect(stored).toHaveLength(1);
    expect([32151, 32152]).toContain(stored[0]?.mileageKm);
  });

  it('rejects a VIN with a wrong check digit naming the field', async () => {
    const db = await openDatabase();
    const { customer, vehicle } = walkaround();
    await saveDocument(db, 'customers', customer, ADVISOR);
    const wrongDigit = vehicle.vin[8] === '0' ? '1' : '0';

    const error = await rejectionOf(
      saveDocument(db, 'vehicles', { ...vehicle, vin: `${vehicle.vin.slice(0, 8)}${wrongDigit}${vehicle.vin.slice(9)}` }, ADVISOR),
    );

    expect(error).toBeInstanceOf(DocumentValidationError);
    expect((error as DocumentValidationError).issues).toEqual([{ path: 'vin', field: 'vin', code: 'vin_check_digit', params: {} }]);
    expect(await db.vehicles.count().exec()).toBe(0);
  });

  it('reports a nested field path and its limit', async () => {
    const db = await openDatabase();
    const { checkin } = walkaround();
    const [firstMark, secondMark] = checkin.damageMarks;
    const marks = [firstMark!, { ...secondMark!, note: '划'.repeat(501) }];

    const error = await rejectionOf(saveDocument(db, 'checkins', { ...checkin, damageMarks: marks }, ADVISOR));

    expect((error as DocumentValidationError).issues).toEqual([
      { path: 'damageMarks.1.note', field: 'note', code: 'too_big', params: { maximum: 500 } },
    ]);
  });

  it('reports the domain code of a mileage that is not a whole number', async () => {
    const db = await openDatabase();
    const { checkin } = walkaround({ mileageKm: 32150.5 });

    const error = await rejectionOf(saveDocument(db, 'checkins', checkin, ADVISOR));

    expect((error as DocumentValidationError).issues.map((issue) => [issue.path, issue.code])).toEqual([['mileageKm', 'mileage_integer']]);
  });

  it('retries a write after an aborted transaction', async () => {
    const { storage, failures } = withInjectedWriteFailures(createTabletStorage().rxStorage);
    const db = await openDatabase(storage);
    const { checkin } = walkaround();
    failures.push({ collectionName: 'checkins', errorName: 'AbortError', remaining: 2 });

    const stored = await saveDocument(db, 'checkins', checkin, ADVISOR);

    expect(stored.id).toBe(checkin.id);
    expect(failures[0]?.remaining).toBe(0);
  });

  it('raises StorageFullError on a full quota and keeps the saved version', async () => {
    const { storage, failures } = withInjectedWriteFailures(createTabletStorage().rxStorage);
    const db = await openDatabase(storage);
    const { checkin } = walkaround();
    await saveDocument(db, 'checkins', checkin, ADVISOR);
    failures.push({ collectionName: 'checkins', errorName: 'QuotaExceededError', remaining: 1 });

    const error = await rejectionOf(saveDocument(db, 'checkins', { ...checkin, mileageKm: 40000 }, LATER));

    expect(error).toBeInstanceOf(StorageFullError);
    expect((await db.checkins.findOne(checkin.id).exec())?.mileageKm).toBe(32150);
  });
});

describe('updateDocument', () => {
  it('applies a change to the current stored version', async () => {
    const db = await openDatabase();
    const { checkin } = walkaround();
    await saveDocument(db, 'checkins', checkin, ADVISOR);
    await db.checkins.findOne(checkin.id).update({ $set: { fuelEighths: 2 } });

    const stored = await updateDocument(db, 'checkins', checkin.id, (current) => ({ ...(current as typeof checkin), mileageKm: 32200 }), LATER);

    expect(stored.mileageKm).toBe(32200);
    expect(stored.fuelEighths).toBe(2);
  });
});

describe('deleteDocument', () => {
  it('soft-deletes and records who deleted', async () => {
    const db = await openDatabase();
    const { checkin } = walkaround();
    await saveDocument(db, 'checkins', checkin, ADVISOR);

    await deleteDocument(db, 'checkins', checkin.id, LATER);

    expect(await db.checkins.findOne(checkin.id).exec()).toBeNull();
    const [raw] = await db.checkins.storageInstance.findDocumentsById([checkin.id], true);
    expect(raw?._deleted).toBe(true);
    expect(raw?.updatedBy).toBe('wang.fang');
  });
});

describe('requestPersistentStorage', () => {
  function storageManager(answers: { persisted: boolean; persist: boolean | Error }): StorageManager {
    return {
      persisted: async () => answers.persisted,
      persist: async () => {
        if (answers.persist instanceof Error) throw answers.persist;
        return answers.persist;
      },
      estimate: async () => ({ usage: 1_048_576, quota: 2_147_483_648 }),
      getDirectory: async () => {
        throw new Error('not used');
      },
    };
  }

  it('reports a granted request with usage and quota', async () => {
    const result = await requestPersistentStorage(storageManager({ persisted: false, persist: true }));

    expect(result).toEqual({ status: 'persisted', usageBytes: 1_048_576, quotaBytes: 2_147_483_648 });
  });

  it('reports a refusal', async () => {
    const result = await requestPersistentStorage(storageManager({ persisted: false, persist: false }));

    expect(result.status).toBe('denied');
  });

  it('counts a failing request as a refusal', async () => {
    const result = await requestPersistentStorage(storageManager({ persisted: false, persist: new Error('SecurityError') }));

    expect(result.status).toBe('denied');
  });

  it('reports a browser without StorageManager', async () => {
    const result = await requestPersistentStorage(undefined);

    expect(result).toEqual({ status: 'unsupported', usageBytes: null, quotaBytes: null });
  });
});
