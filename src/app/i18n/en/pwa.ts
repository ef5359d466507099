import type { pwa as zhCN } from '../zh-CN/pwa';

export const pwa: Record<keyof typeof zhCN, string> = {
  'pwa.updateAvailable': 'A new version is available.',
  'pwa.updateHint': 'What you are typing is saved before the update.',
  'pwa.updateNow': 'Update now',
  'pwa.updateLater': 'Later',
  'pwa.updating': 'Saving and updating…',
  'pwa.flushFailed': 'What you are typing could not be saved, so the app was not updated. Check it and try again.',
  'pwa.offlineReady': 'The app is ready to work offline.',
  'pwa.dismiss': 'OK',
};
