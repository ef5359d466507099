import { describe, expect, it } from 'vitest';
import { classifyStorage } from '../../src/app/data/storage';

const GB = 1024 ** 3;

describe('classifyStorage', () => {
  it('is ok when storage is persisted and mostly free', () => {
    expect(classifyStorage({ status: 'persisted', usageBytes: 1 * GB, quotaBytes: 10 * GB })).toEqual({ kind: 'ok' });
  });

  it('reports a refusal of persistent storage', () => {
    expect(classifyStorage({ status: 'denied', usageBytes: 1 * GB, quotaBytes: 10 * GB })).toEqual({ kind: 'refused' });
  });

  it('reports a nearly full quota with the used percentage', () => {
    expect(classifyStorage({ status: 'persisted', usageBytes: 9.35 * GB, quotaBytes: 10 * GB })).toEqual({ kind: 'nearly_full', usedPercent: 93 });
  });

  it('reports a full quota before a refusal', () => {
    expect(classifyStorage({ status: 'denied', usageBytes: 99, quotaBytes: 100 })).toEqual({ kind: 'full' });
  });

  it('knows nothing without a storage manager', () => {
    expect(classifyStorage({ status: 'unsupported', usageBytes: null, quotaBytes: null })).toEqual({ kind: 'unknown' });
  });
});
