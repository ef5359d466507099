import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src/db/syncStatus';
import { fieldNameOf } from '../../src/app/layout/RejectionsNotice';
import { summarizeSync } from '../../src/app/layout/syncSummary';

const NOW = new Date('2026-12-04T06:30:00Z'); // 14:30 in Shanghai

function status(overrides: Partial<SyncStatus>): SyncStatus {
  return {
    state: 'synced',
    online: true,
    pendingChanges: 0,
    pendingDocuments: 0,
    pendingBlobs: 0,
    lastSyncedAt: '2026-12-04T06:29:00Z',
    error: null,
    rejections: [],
    ...overrides,
  };
}

describe('summarizeSync', () => {
  it('says all synced when synced', () => {
    const summary = summarizeSync(status({}), NOW);

    expect(summary.changes?.key).toBe('sync.allSynced');
    expect(summary.tone).toBe('ok');
  });

  it('counts waiting changes', () => {
    const summary = summarizeSync(status({ state: 'syncing', pendingChanges: 3, pendingDocuments: 2, pendingBlobs: 1 }), NOW);

    expect(summary.changes).toEqual({ key: 'sync.pending', params: { count: 3 } });
    expect(summary.tone).toBe('pending');
  });

  it('never says synced while changes wait', () => {
    const summary = summarizeSync(status({ state: 'synced', pendingChanges: 1 }), NOW);

    expect(summary.changes?.key).toBe('sync.pending');
  });

  it('counts waiting changes offline', () => {
    const summary = summarizeSync(status({ state: 'offline', online: false, pendingChanges: 5, error: 'offline' }), NOW);

    expect(summary.connection.key).toBe('sync.offline');
    expect(summary.changes).toEqual({ key: 'sync.pending', params: { count: 5 } });
    expect(summary.problem).toBeNull();
    expect(summary.tone).toBe('offline');
  });

  it('says counting before the first count', () => {
    const summary = summarizeSync(status({ state: 'unknown', pendingChanges: null, pendingDocuments: null }), NOW);

    expect(summary.changes?.key).toBe('sync.counting');
  });

  it('names an expired session', () => {
    const summary = summarizeSync(status({ state: 'error', pendingChanges: 2, error: 'session_expired' }), NOW);

    expect(summary.problem).toEqual({ key: 'sync.errors.session_expired' });
    expect(summary.tone).toBe('error');
  });

  it('counts rejected changes', () => {
    const rejection = {
      error: 'invalid_document', message: 'invalid vin', field: 'vin', documentId: 'v1', issues: [{ field: 'vin', code: 'vin_check_digit' }],
      collection: 'vehicles' as const, rejectedState: {}, rejectedAt: '2026-12-04T06:00:00Z',
    };
    const summary = summarizeSync(status({ state: 'error', error: 'rejected', rejections: [rejection] }), NOW);

    expect(summary.problem).toEqual({ key: 'sync.rejectedCount', params: { count: 1 } });
    expect(summary.changes).toBeNull();
  });

  it('reports a server error online', () => {
    const summary = summarizeSync(status({ state: 'syncing', error: 'server_error' }), NOW);

    expect(summary.problem).toEqual({ key: 'sync.errors.server_error' });
  });

  it('shows the time of today\'s sync', () => {
    const summary = summarizeSync(status({ lastSyncedAt: '2026-12-04T01:05:00Z' }), NOW);

    expect(summary.lastSync).toEqual({ key: 'sync.lastSynced', params: { time: '09:05' } });
  });

  it('dates an earlier day\'s sync', () => {
    const summary = summarizeSync(status({ lastSyncedAt: '2026-12-03T15:59:00Z' }), NOW);

    expect(summary.lastSync).toEqual({ key: 'sync.lastSyncedDate', params: { date: '2026-12-03', time: '23:59' } });
  });

  it('says never synced at first', () => {
    const summary = summarizeSync(status({ state: 'syncing', lastSyncedAt: null }), NOW);

    expect(summary.lastSync).toEqual({ key: 'sync.neverSynced' });
  });
});

describe('fieldNameOf', () => {
  it('returns the last named segment', () => {
    expect(fieldNameOf('lines[2].name')).toBe('name');
    expect(fieldNameOf('damageMarks.0.note')).toBe('note');
    expect(fieldNameOf('vin')).toBe('vin');
    expect(fieldNameOf('')).toBe('');
  });
});
