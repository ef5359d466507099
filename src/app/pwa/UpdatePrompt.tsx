import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { flushAllDrafts } from '../drafts/flush';
import { useI18n } from '../i18n/i18n';

// A tablet may keep the app open all day, so it also looks for a new version on its own.
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
const OFFLINE_READY_VISIBLE_MS = 6000;

type UpdateState = 'idle' | 'updating' | 'flush_failed';

/**
 * Registers the service worker and announces a new version. Accepting saves every pending
 * draft first (see drafts/flush.ts) and reloads only when all of them were written.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const [state, setState] = useState<UpdateState>('idle');
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      window.setInterval(() => {
        if (navigator.onLine) void registration.update().catch((error: unknown) => console.warn('service worker update check failed', error));
      }, UPDATE_CHECK_INTERVAL_MS);
    },
    onRegisterError(error: unknown) {
      console.error('service worker registration failed; the app will not start offline', error);
    },
  });

  useEffect(() => {
    if (!offlineReady) return undefined;
    const timer = window.setTimeout(() => setOfflineReady(false), OFFLINE_READY_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);

  async function update() {
    setState('updating');
    const result = await flushAllDrafts();
    if (result.failed.length > 0) {
      console.error('draft save before update failed; update postponed', result.failed);
      setState('flush_failed');
      return;
    }
    await updateServiceWorker(true);
  }

  if (needRefresh) {
    return (
      <div className="toast" role="alertdialog" aria-labelledby="update-title" aria-describedby="update-hint" data-testid="update-prompt">
        <div className="toast__text">
          <p id="update-title" className="toast__title">{t('pwa.updateAvailable')}</p>
          <p id="update-hint" className="toast__hint">
            {t(state === 'flush_failed' ? 'pwa.flushFailed' : 'pwa.updateHint')}
          </p>
        </div>
        <div className="toast__actions">
          <button type="button" className="button" onClick={() => setNeedRefresh(false)} disabled={state === 'updating'}>
            {t('pwa.updateLater')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void update()} disabled={state === 'updating'}>
            {t(state === 'updating' ? 'pwa.updating' : 'pwa.updateNow')}
          </button>
        </div>
      </div>
    );
  }

  if (offlineReady) {
    return (
      <div className="toast" role="status">
        <p className="toast__title">{t('pwa.offlineReady')}</p>
        <button type="button" className="button" onClick={() => setOfflineReady(false)}>{t('pwa.dismiss')}</button>
      </div>
    );
  }

  return null;
}
