import type { sync as zhCN } from '../zh-CN/sync';

export const sync: Record<keyof typeof zhCN, string> = {
  'sync.online': 'Online',
  'sync.offline': 'Offline',
  'sync.pending': '{count} waiting to sync',
  'sync.allSynced': 'All synced',
  'sync.syncing': 'Syncing…',
  'sync.lastSynced': 'Last sync {time}',
  'sync.lastSyncedDate': 'Last sync {date} {time}',
  'sync.neverSynced': 'Not synced yet',
  'sync.noPending': 'Nothing waiting',
  'sync.counting': 'Counting changes…',
  'sync.errors.session_expired': 'Sign-in expired, sync paused',
  'sync.errors.storage_full': 'Tablet storage full',
  'sync.errors.rejected': 'The server rejected a change',
  'sync.errors.invalid_server_document': 'Invalid data from the server',
  'sync.errors.server_error': 'Server error, retrying',
  'sync.errors.offline': 'Server unreachable',
  'sync.errors.unknown': 'Sync error',
};
