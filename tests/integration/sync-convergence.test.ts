import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveDocument, updateDocument } from '../../src/db/repository';
import type { Checkin } from '../../src/domain';
import { sameDocumentState } from '../../src/domain/merge';
import { walkaround } from './support/fixtures';
import { openTablet, removeTestServer, SECOND_ADVISOR, startTestServer, statusWhere, waitFor, type Tablet, type TestServer } from './support/harness';

let server: TestServer;
const tablets: Tablet[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await Promise.all(tablets.splice(0).map((tablet) => tablet.close()));
});

afterAll(async () => {
  await removeTestServer(server);
});

async function twoTablets(): Promise<[Tablet, Tablet]> {
  const first = await openTablet({ baseUrl: server.url });
  const second = await openTablet({ baseUrl: server.url, credentials: SECOND_ADVISOR });
  tablets.push(first, second);
  return [first, second];
}

async function checkinOn(tablet: Tablet, id: string): Promise<Checkin | undefined> {
  const document = await tablet.db.checkins.findOne(id).exec();
  return document?.toMutableJSON();
}

describe('two tablets syncing through the server', () => {
  it('delivers a check-in with its customer and vehicle', async () => {
    const [first, second] = await twoTablets();
    const { customer, vehicle, checkin } = walkaround();

    await saveDocument(first.db, 'customers', customer, first.writer);
    await saveDocument(first.db, 'vehicles', vehicle, first.writer);
    await saveDocument(first.db, 'checkins', checkin, first.writer);

    await waitFor('the second tablet has the check-in, customer and vehicle', async () =>
      Boolean((await checkinOn(second, checkin.id)) && (await second.db.customers.findOne(customer.id).exec()) && (await second.db.vehicles.findOne(vehicle.id).exec())),
    );
    const received = await checkinOn(second, checkin.id);
    expect(received?.customerRequests).toEqual(checkin.customerRequests);
    expect(received?.damageMarks).toEqual(checkin.damageMarks);
    expect(received?.updatedBy).toBe('demo');
  });

  it('merges offline edits of both tablets', async () => {
    const [first, second] = await twoTablets();
    const { checkin } = walkaround();
    await saveDocument(first.db, 'checkins', checkin, first.writer);
    await waitFor('the second tablet has the check-in', async () => Boolean(await checkinOn(second, checkin.id)));
    await statusWhere(first, (status) => status.state === 'synced');

    first.network.setOnline(false);
    second.network.setOnline(false);
    await updateDocument(first.db, 'checkins', checkin.id, (current) => ({ ...(current as Checkin), mileageKm: 32190, fuelEighths: 2 }), first.writer);
    await updateDocument(second.db, 'checkins', checkin.id, (current) => ({ ...(current as Checkin), itemsLeftInCar: '行车记录仪，儿童座椅', fuelEighths: 6 }), second.writer);
    await statusWhere(first, (status) => status.pendingChanges === 1 && status.state === 'offline');
    await statusWhere(second, (status) => status.pendingChanges === 1 && status.state === 'offline');

    // The first tablet reconnects first, so its fuel level reaches the server first.
    first.network.setOnline(true);
    await statusWhere(first, (status) => status.state === 'synced');
    second.network.setOnline(true);

    await waitFor('both tablets hold the same version', async () => {
      const [onFirst, onSecond] = await Promise.all([checkinOn(first, checkin.id), checkinOn(second, checkin.id)]);
      return Boolean(onFirst && onSecond && onSecond.mergeConflicts.length > 0 && sameDocumentState(onFirst, onSecond));
    });
    const merged = await checkinOn(first, checkin.id);
    expect(merged?.mileageKm).toBe(32190);
    expect(merged?.itemsLeftInCar).toBe('行车记录仪，儿童座椅');
    expect(merged?.fuelEighths).toBe(2);
    expect(merged?.mergeConflicts.map((conflict) => [conflict.path, conflict.keptValue, conflict.otherValue, conflict.otherUpdatedBy])).toEqual([
      ['fuelEighths', 2, 6, 'wang.fang'],
    ]);
    await statusWhere(second, (status) => status.state === 'synced' && status.pendingChanges === 0);
  });
});
