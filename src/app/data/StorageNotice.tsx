import { useEffect, useState, useSyncExternalStore } from 'react';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/i18n';
import { getStorageState, refreshStorageState, subscribeStorageState } from './storage';

const RECHECK_INTERVAL_MS = 5 * 60_000;
const DISMISSED_KEY = 'service-lane.storage-refused-dismissed';

function wasDismissed(): boolean {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Asks for persistent storage and shows plainly when the browser refuses it or the quota is
 * (nearly) used up. The "refused" warning can be dismissed for this visit; "full" cannot.
 */
export function StorageNotice() {
  const { t } = useI18n();
  const state = useSyncExternalStore(subscribeStorageState, getStorageState, getStorageState);
  const [dismissed, setDismissed] = useState(wasDismissed);

  useEffect(() => {
    void refreshStorageState();
    const timer = window.setInterval(() => void refreshStorageState(), RECHECK_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, []);

  function dismiss() {
    setDismissed(true);
    try {
      sessionStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Without sessionStorage the notice comes back on the next visit, which is acceptable.
    }
  }

  switch (state.kind) {
    case 'full':
      return <Notice tone="error">{t('storage.full')}</Notice>;
    case 'nearly_full':
      return <Notice tone="warning">{t('storage.nearlyFull', { percent: state.usedPercent })}</Notice>;
    case 'refused':
      if (dismissed) return null;
      return (
        <Notice tone="warning" actions={<button type="button" className="button" onClick={dismiss}>{t('pwa.dismiss')}</button>}>
          {t('storage.refused')}
        </Notice>
      );
    case 'ok':
    case 'unknown':
      return null;
  }
}
