import { v7 as uuidv7 } from 'uuid';

/** Builds a valid customer document of `dealerId`, with `overrides` replacing fields. */
export function customerDocument(dealerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    dealerId,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'li.wei',
    mergeConflicts: [],
    name: '王芳',
    mobile: '13812345678',
    note: '',
    ...overrides,
  };
}

/** Builds a valid settings document of `dealerId`, whose id is the dealer id. */
export function settingsDocument(dealerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id: dealerId,
    dealerId,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'admin',
    mergeConflicts: [],
    dealerName: '宝马测试4S店',
    laborRateFen: 36_000,
    ...overrides,
  };
}

/** Builds a valid, unsigned check-in document of `dealerId`. */
export function checkinDocument(dealerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    dealerId,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'li.wei',
    mergeConflicts: [],
    number: 'JC-20261204-001',
    customerId: uuidv7(),
    vehicleId: uuidv7(),
    customerName: '王芳',
    customerMobile: '13812345678',
    plate: '京A12345',
    vin: 'WBA8E9G50GNT12345',
    vehicleModel: 'BMW 320Li',
    mileageKm: 35_210,
    fuelEighths: 5,
    protectiveKit: { seatCover: true, steeringWheelCover: true, floorMat: true, gearLeverCover: false },
    valuablesReminded: true,
    itemsLeftInCar: '',
    warningLights: [],
    customerRequests: ['常规保养'],
    offeredServices: [],
    damageMarks: [],
    photos: [],
    signatures: [],
    advisorName: '李伟',
    orderId: null,
    ...overrides,
  };
}

/** Builds a customer signature over content with the given hash. */
export function signature(contentHash: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uuidv7(),
    signerName: '王芳',
    signedAt: new Date().toISOString(),
    contentHash,
    padAspectRatio: 2.5,
    strokes: [{ points: [{ x: 0.1, y: 0.5, pressure: 0.5, time: 0 }, { x: 0.4, y: 0.6, pressure: 0.5, time: 40 }] }],
    image: { sha256: 'c'.repeat(64), mimeType: 'image/png', bytes: 2048, width: 600, height: 240 },
    ...overrides,
  };
}

/** Builds a valid, unsigned repair order of `dealerId` with one approved line and one declined line. */
export function orderDocument(dealerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString();
  const line = (name: string, approval: string) => ({
    id: uuidv7(),
    pricebookItemId: null,
    code: '',
    name,
    laborHours: 0.5,
    laborRateFen: 38_000,
    parts: [],
    discountFen: 0,
    free: false,
    pendingDiagnosis: false,
    addedDuringRepair: false,
    approval,
    decidedVia: 'signature',
    decidedAt: now,
    note: '',
  });
  return {
    id: uuidv7(),
    dealerId,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'li.wei',
    mergeConflicts: [],
    number: 'WT20261204-0001',
    checkinId: uuidv7(),
    customerId: uuidv7(),
    vehicleId: uuidv7(),
    customerName: '王芳',
    customerMobile: '13812345678',
    plate: '京A12345',
    vin: 'WBA8E9G50GNT12345',
    vehicleModel: 'BMW 320Li',
    mileageKm: 35_210,
    fuelEighths: 5,
    customerRequests: ['常规保养'],
    category: 'maintenance',
    lines: [line('更换机油及机油滤清器', 'approved'), line('更换前刹车片', 'declined')],
    orderDiscountFen: 0,
    promisedAt: null,
    replacedParts: 'return_to_customer',
    paymentMethod: 'wechat_pay',
    carWash: true,
    technician: '',
    advisorName: '李伟',
    status: 'waiting',
    statusHistory: [{ status: 'waiting', at: now, by: 'li.wei' }],
    quoteSignatures: [],
    recommendedSignatures: [],
    deliveryChecklist: {},
    nextServiceDate: null,
    nextServiceKm: null,
    deliveredAt: null,
    ...overrides,
  };
}
