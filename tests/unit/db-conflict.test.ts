import { defaultConflictHandler, type RxReplicationWriteToMasterRow, type WithDeleted } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { afterEach, describe, expect, it } from 'vitest';
import { createMergeConflictHandler } from '../../src/db/conflictHandler';
import type { ServiceLaneDatabase } from '../../src/db/database';
import { saveDocument, updateDocument } from '../../src/db/repository';
import { sameDocumentState } from '../../src/domain/merge';
import type { Checkin } from '../../src/domain';
import { storedCheckin, walkaround } from '../integration/support/fixtures';
import { openTabletDatabase } from '../integration/support/storage';

const DETECTED_AT = new Date('2026-12-04T02:30:00.000Z');
const handler = createMergeConflictHandler<Checkin>(() => DETECTED_AT);

type CheckinState = WithDeleted<Checkin>;

/** The base both tablets started from, and one version per tablet. */
function versions(change: { local: Partial<Checkin>; remote: Partial<Checkin> }) {
  const { checkin } = walkaround();
  const base = storedCheckin(checkin);
  const local: CheckinState = { ...base, ...change.local, updatedBy: 'li.wei', updatedAt: '2026-12-04T02:10:00.000Z' };
  const remote: CheckinState = { ...base, ...change.remote, updatedBy: 'wang.fang', updatedAt: '2026-12-04T02:05:00.000Z' };
  return { base, local, remote };
}

describe('merge conflict handler', () => {
  it('is the handler of every collection', async () => {
    const db = await openTabletDatabase();
    try {
      for (const collection of Object.values(db.collections)) {
        expect(collection.conflictHandler).not.toBe(defaultConflictHandler);
      }
      const { base, local, remote } = versions({ local: { mileageKm: 32180 }, remote: { fuelEighths: 3 } });
      const merged = await db.checkins.conflictHandler.resolve({ assumedMasterState: base, newDocumentState: local, realMasterState: remote }, 'test');
      expect(merged.mileageKm).toBe(32180);
      expect(merged.fuelEighths).toBe(3);
    } finally {
      await db.close();
    }
  });

  it('treats states differing only in RxDB metadata as equal', () => {
    const { base } = versions({ local: {}, remote: {} });
    const withMeta = { ...base, _meta: { lwt: 1 }, _rev: '1-abc' } as CheckinState;
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as CheckinState;

    expect(handler.isEqual(withMeta, reordered, 'test')).toBe(true);
    expect(handler.isEqual(base, { ...base, mileageKm: 32151 }, 'test')).toBe(false);
  });

  it('keeps fields changed on different tablets', async () => {
    const { base, local, remote } = versions({
      local: { mileageKm: 32180, customerRequests: ['更换机油和机油滤清器', '左前轮胎压报警，请检查', '检查雨刮'] },
      remote: { fuelEighths: 3, itemsLeftInCar: '行车记录仪，儿童座椅' },
    });

    const merged = await handler.resolve({ assumedMasterState: base, newDocumentState: local, realMasterState: remote }, 'test');

    expect(merged.mileageKm).toBe(32180);
    expect(merged.customerRequests).toHaveLength(3);
    expect(merged.fuelEighths).toBe(3);
    expect(merged.itemsLeftInCar).toBe('行车记录仪，儿童座椅');
    expect(merged.mergeConflicts).toEqual([]);
    expect(merged.updatedAt).toBe('2026-12-04T02:10:00.000Z');
  });

  it('keeps remote value of a field both changed', async () => {
    const { base, local, remote } = versions({ local: { mileageKm: 32180 }, remote: { mileageKm: 32810 } });

    const merged = await handler.resolve({ assumedMasterState: base, newDocumentState: local, realMasterState: remote }, 'test');

    expect(merged.mileageKm).toBe(32810);
    expect(merged.mergeConflicts).toEqual([
      { path: 'mileageKm', keptValue: 32810, otherValue: 32180, otherUpdatedBy: 'li.wei', detectedAt: DETECTED_AT.toISOString(), dismissed: false },
    ]);
  });

  it('keeps damage marks added on both tablets', async () => {
    const { base, local, remote } = versions({ local: {}, remote: {} });
    const localMark = { id: '0193a1b2-0000-7000-8000-0000000000a1', number: 3, view: 'rear' as const, x: 0.5, y: 0.7, kind: 'dent' as const, note: '后保险杠凹陷', photos: [] };
    const remoteMark = { id: '0193a1b2-0000-7000-8000-0000000000b1', number: 3, view: 'right' as const, x: 0.4, y: 0.3, kind: 'crack' as const, note: '', photos: [] };
    local.damageMarks = [...base.damageMarks, localMark];
    remote.damageMarks = [...base.damageMarks, remoteMark];

    const merged = await handler.resolve({ assumedMasterState: base, newDocumentState: local, realMasterState: remote }, 'test');

    expect(merged.damageMarks.map((mark) => mark.id)).toEqual([...base.damageMarks.map((mark) => mark.id), remoteMark.id, localMark.id]);
  });
});

/**
 * Creates a master in memory with the server's conflict rule: a push whose assumed state is
 * not the stored state gets the stored state back as a conflict.
 */
function memoryMaster() {
  const documents = new Map<string, CheckinState>();
  let pushes = 0;
  return {
    documents,
    get pushes() {
      return pushes;
    },
    async push(rows: RxReplicationWriteToMasterRow<Checkin>[]): Promise<CheckinState[]> {
      pushes += 1;
      const conflicts: CheckinState[] = [];
      for (const row of rows) {
        const stored = documents.get(row.newDocumentState.id);
        if (stored && (!row.assumedMasterState || !sameDocumentState(row.assumedMasterState, stored))) {
          conflicts.push(stored);
          continue;
        }
        documents.set(row.newDocumentState.id, row.newDocumentState);
      }
      return conflicts;
    },
  };
}

describe('conflict handler in RxDB replication', () => {
  const openDatabases: ServiceLaneDatabase[] = [];
  afterEach(async () => {
    await Promise.all(openDatabases.splice(0).map((db) => db.close()));
  });

  it('merges an offline edit with a server edit of the same sheet', async () => {
    const db = await openTabletDatabase();
    openDatabases.push(db);
    const master = memoryMaster();
    const advisor = { user: 'li.wei', dealerId: 'dealer-d01' };
    const { checkin } = walkaround();
    const saved = await saveDocument(db, 'checkins', checkin, advisor);
    const replicate = () =>
      replicateRxCollection<Checkin, number>({
        replicationIdentifier: 'memory-master',
        collection: db.checkins,
        live: false,
        push: { handler: (rows) => master.push(rows) },
      });
    const first = replicate();
    await first.awaitInitialReplication();
    await first.cancel();
    expect(master.documents.get(saved.id)?.fuelEighths).toBe(5);

    // While this tablet is offline, another tablet sets the fuel level, and this tablet's
    // advisor changes the mileage and the same fuel level.
    master.documents.set(saved.id, { ...saved, fuelEighths: 2, updatedBy: 'wang.fang', _deleted: false });
    await updateDocument(db, 'checkins', saved.id, (current) => ({ ...(current as Checkin), mileageKm: 32190, fuelEighths: 6 }), advisor);
    const second = replicate();
    await second.awaitInitialReplication();
    await second.cancel();

    const onServer = master.documents.get(saved.id);
    expect(onServer?.mileageKm).toBe(32190);
    expect(onServer?.fuelEighths).toBe(2);
    expect(onServer?.mergeConflicts.map((conflict) => [conflict.path, conflict.otherValue])).toEqual([['fuelEighths', 6]]);
    const onTablet = await db.checkins.findOne(saved.id).exec();
    expect(onTablet?.fuelEighths).toBe(2);
    expect(onTablet?.mergeConflicts).toHaveLength(1);
  });
});
