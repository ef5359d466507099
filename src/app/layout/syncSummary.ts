import type { MessageKey, MessageParams } from '../i18n/i18n';
import { formatShanghaiDate, formatShanghaiTime } from '../i18n/i18n';

/** What the top bar needs from the sync status. */
export interface SyncStatusInput {
  online: boolean;
  pendingChanges: number;
  /** When the last sync finished (ISO), null before the first. */
  lastSyncedAt: string | null;
  /** A failed request or a rejected push, null when the last attempt worked. */
  error: string | null;
  /** The sign-in expired and replication paused until the advisor signs in again. */
  authExpired?: boolean;
}

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export type SyncTone = 'ok' | 'pending' | 'error' | 'offline';

export interface SyncSummary {
  tone: SyncTone;
  connection: Message;
  /** The state of local changes; "all synced" only when nothing waits and nothing failed. */
  changes: Message;
  /** When the last sync finished; null before the first (then `changes` says so). */
  lastSync: Message | null;
}

/** Describes the sync status for the top bar; pure, so the wording rules are testable. */
export function summarizeSync(status: SyncStatusInput, now: Date = new Date()): SyncSummary {
  const connection: Message = { key: status.online ? 'sync.online' : 'sync.offline' };

  // Offline, failed requests are expected and say nothing new, so only the connection shows.
  const error = status.online ? status.error : null;

  let changes: Message;
  if (status.pendingChanges > 0) changes = { key: 'sync.pending', params: { count: status.pendingChanges } };
  else if (status.authExpired) changes = { key: 'sync.authExpired' };
  else if (error) changes = { key: 'sync.errorShort' };
  else if (status.lastSyncedAt) changes = { key: 'sync.allSynced' };
  else changes = { key: 'sync.neverSynced' };

  let lastSync: Message | null = null;
  if (status.lastSyncedAt) {
    const date = formatShanghaiDate(status.lastSyncedAt);
    const time = formatShanghaiTime(status.lastSyncedAt);
    lastSync = date === formatShanghaiDate(now)
      ? { key: 'sync.lastSynced', params: { time } }
      : { key: 'sync.lastSyncedDate', params: { date, time } };
  }

  let tone: SyncTone = 'ok';
  if (error || status.authExpired) tone = 'error';
  else if (!status.online) tone = 'offline';
  else if (status.pendingChanges > 0 || !status.lastSyncedAt) tone = 'pending';

  return { tone, connection, changes, lastSync };
}
