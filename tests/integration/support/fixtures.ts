import { v7 as uuidv7 } from 'uuid';
import type { BlobRef, Checkin, Customer, Vehicle } from '../../../src/domain';
import { vinCheckDigit } from '../../../src/domain/vin';
import type { DocumentDraft } from '../../../src/db/repository';

/** Replaces position 9 of a 17-character VIN with its check digit. */
export function withCheckDigit(vin: string): string {
  const digit = vinCheckDigit(vin);
  if (!digit) throw new Error(`fixture VIN ${vin} contains a character that is not allowed`);
  return `${vin.slice(0, 8)}${digit}${vin.slice(9)}`;
}

/** A Chinese-market BMW 5 Series VIN (LBV = BMW Brilliance) with a valid check digit. */
export const BMW_530LI_VIN = withCheckDigit('LBV53DB00PSR41872');

export function customerDraft(overrides: Partial<DocumentDraft<'customers'>> = {}): DocumentDraft<'customers'> {
  return { id: uuidv7(), name: '张伟', mobile: '13812345678', note: '', ...overrides };
}

export function vehicleDraft(customer: Pick<Customer, 'id' | 'mobile'>, overrides: Partial<DocumentDraft<'vehicles'>> = {}): DocumentDraft<'vehicles'> {
  return {
    id: uuidv7(),
    customerId: customer.id,
    customerMobile: customer.mobile,
    plate: '京AF3K27',
    vin: BMW_530LI_VIN,
    vinTail: BMW_530LI_VIN.slice(-6),
    make: '宝马',
    model: '530Li',
    series: '5系',
    color: '矿石白',
    lastMileageKm: 31820,
    ...overrides,
  };
}

export function checkinDraft(
  customer: Pick<Customer, 'id' | 'name' | 'mobile'>,
  vehicle: Pick<Vehicle, 'id' | 'plate' | 'vin' | 'model'>,
  overrides: Partial<DocumentDraft<'checkins'>> = {},
): DocumentDraft<'checkins'> {
  return {
    id: uuidv7(),
    number: 'JC20261204-0007',
    customerId: customer.id,
    vehicleId: vehicle.id,
    customerName: customer.name,
    customerMobile: customer.mobile,
    plate: vehicle.plate,
    vin: vehicle.vin,
    vehicleModel: `宝马 ${vehicle.model}`,
    mileageKm: 32150,
    fuelEighths: 5,
    protectiveKit: { seatCover: true, steeringWheelCover: true, floorMat: true, gearLeverCover: false },
    valuablesReminded: true,
    itemsLeftInCar: '行车记录仪',
    warningLights: ['tyre_pressure'],
    customerRequests: ['更换机油和机油滤清器', '左前轮胎压报警，请检查'],
    offeredServices: ['空调清洗'],
    damageMarks: [
      { id: uuidv7(), number: 1, view: 'left', x: 0.31, y: 0.52, kind: 'scratch', note: '左后门划痕约10厘米', photos: [] },
      { id: uuidv7(), number: 2, view: 'front', x: 0.62, y: 0.4, kind: 'stone_chip', note: '', photos: [] },
    ],
    photos: [],
    signatures: [],
    advisorName: '李伟',
    orderId: null,
    ...overrides,
  };
}

/** Builds a complete check-in with its customer and vehicle, as an advisor records it on the walkaround. */
export function walkaround(overrides: Partial<DocumentDraft<'checkins'>> = {}) {
  const customer = customerDraft();
  const vehicle = vehicleDraft(customer);
  const checkin = checkinDraft({ ...customer }, { ...vehicle }, overrides);
  return { customer, vehicle, checkin };
}

/** Builds a stored check-in as replication carries it: the draft with its bookkeeping fields. */
export function storedCheckin(draft: DocumentDraft<'checkins'>, bookkeeping: Partial<Checkin> = {}): Checkin & { _deleted: boolean } {
  return {
    dealerId: 'dealer-d01',
    createdAt: '2026-12-04T01:12:00.000Z',
    updatedAt: '2026-12-04T01:12:00.000Z',
    updatedBy: 'li.wei',
    mergeConflicts: [],
    ...draft,
    ...bookkeeping,
    _deleted: false,
  };
}

export type { BlobRef };
