/** Service-worker messages: the update prompt and offline readiness. */
export const pwa = {
  'pwa.updateAvailable': '有新版本可用。',
  'pwa.updateHint': '更新前会先保存正在填写的内容。',
  'pwa.updateNow': '立即更新',
  'pwa.updateLater': '稍后',
  'pwa.updating': '正在保存并更新…',
  'pwa.flushFailed': '正在填写的内容未能保存，因此暂不更新。请检查后再试。',
  'pwa.offlineReady': '应用已可离线使用。',
  'pwa.dismiss': '知道了',
} as const;
