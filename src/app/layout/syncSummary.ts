import type { SyncErrorCode } from '../../db/syncErrors';
import type { SyncStatus } from '../../db/syncStatus';
import { formatShanghaiDate, formatShanghaiTime, type MessageKey, type MessageParams } from '../i18n/i18n';

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export type SyncTone = 'ok' | 'pending' | 'error' | 'offline';

export interface SyncSummary {
  tone: SyncTone;
  connection: Message;
  /**
   * The local changes: how many wait, and "all synced" only in the `synced` state. Null when
   * nothing waits but sync is held up, because then the problem is what matters.
   */
  changes: Message | null;
  /** A problem that needs attention or explains a delay; null when there is none. */
  problem: Message | null;
  /** When the last sync finished, or that none has yet. */
  lastSync: Message;
}

const ERROR_MESSAGES: Record<SyncErrorCode, MessageKey> = {
  session_expired: 'sync.errors.session_expired',
  storage_full: 'sync.errors.storage_full',
  rejected: 'sync.errors.rejected',
  invalid_server_document: 'sync.errors.invalid_server_document',
  server_error: 'sync.errors.server_error',
  offline: 'sync.errors.offline',
  unknown: 'sync.errors.unknown',
};

function describeChanges(status: SyncStatus): Message | null {
  if (status.pendingChanges === null) return { key: 'sync.counting' };
  if (status.pendingChanges > 0) return { key: 'sync.pending', params: { count: status.pendingChanges } };
  switch (status.state) {
    case 'synced':
      return { key: 'sync.allSynced' };
    case 'syncing':
      return { key: 'sync.syncing' };
    case 'error':
      return null;
    case 'offline':
    case 'unknown':
      return { key: 'sync.noPending' };
  }
}

function describeProblem(status: SyncStatus): Message | null {
  if (status.rejections.length > 0) return { key: 'sync.rejectedCount', params: { count: status.rejections.length } };
  if (!status.error) return null;
  // Offline, failed requests are expected, and the connection label already shows it.
  if (!status.online && status.error === 'offline') return null;
  return { key: ERROR_MESSAGES[status.error] };
}

function toneOf(status: SyncStatus): SyncTone {
  switch (status.state) {
    case 'error':
      return 'error';
    case 'offline':
      return 'offline';
    case 'synced':
      return 'ok';
    case 'syncing':
    case 'unknown':
      return 'pending';
  }
}

/** Describes the sync status for the top bar; pure, so the wording rules are testable. */
export function summarizeSync(status: SyncStatus, now: Date = new Date()): SyncSummary {
  let lastSync: Message = { key: 'sync.neverSynced' };
  if (status.lastSyncedAt) {
    const date = formatShanghaiDate(status.lastSyncedAt);
    const time = formatShanghaiTime(status.lastSyncedAt);
    lastSync = date === formatShanghaiDate(now)
      ? { key: 'sync.lastSynced', params: { time } }
      : { key: 'sync.lastSyncedDate', params: { date, time } };
  }

  return {
    tone: toneOf(status),
    connection: { key: status.online ? 'sync.online' : 'sync.offline' },
    changes: describeChanges(status),
    problem: describeProblem(status),
    lastSync,
  };
}
