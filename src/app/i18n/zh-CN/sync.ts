/** The sync status in the top bar. */
export const sync = {
  'sync.online': '在线',
  'sync.offline': '离线',
  'sync.pending': '{count} 项待同步',
  'sync.allSynced': '已全部同步',
  'sync.syncing': '正在同步…',
  'sync.lastSynced': '上次同步 {time}',
  'sync.lastSyncedDate': '上次同步 {date} {time}',
  'sync.neverSynced': '尚未同步',
  'sync.error': '同步出错：{detail}',
  'sync.errorShort': '同步出错',
  'sync.authExpired': '登录已过期，同步暂停；请重新登录',
} as const;
