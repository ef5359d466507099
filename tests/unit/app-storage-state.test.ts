import { describe, expect, it } from 'vitest';
import { classifyStorage } from '../../src/app/data/storage';

const GB = 1024 ** 3;

describe('classifyStorage', () => {
  it('accepts persisted free storage', () => {
    expect(classifyStorage({ status: 'persisted', usageBytes: 1 * GB, quotaBytes: 10 * GB })).toEqual({ kind: 'ok' });
  });

  it('reports refused persistence', () => {
    expect(classifyStorage({ status: 'denied', usageBytes: 1 * GB, quotaBytes: 10 * GB })).toEqual({ kind: 'refused' });
  });

  it('reports a nearly full quota', () => {
    expect(classifyStorage({ status: 'persisted', usageBytes: 9.35 * GB, quotaBytes: 10 * GB })).toEqual({ kind: 'nearly_full', usedPercent: 93 });
  });

  it('puts a full quota first', () => {
    expect(classifyStorage({ status: 'denied', usageBytes: 99, quotaBytes: 100 })).toEqual({ kind: 'full' });
  });

  it('is unknown without StorageManager', () => {
    expect(classifyStorage({ status: 'unsupported', usageBytes: null, quotaBytes: null })).toEqual({ kind: 'unknown' });
  });
});
