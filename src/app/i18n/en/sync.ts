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
  'sync.error': 'Sync error: {detail}',
  'sync.errorShort': 'Sync error',
  'sync.authExpired': 'Sign-in expired, sync paused; sign in again',
};
