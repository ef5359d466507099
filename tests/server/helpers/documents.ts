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
