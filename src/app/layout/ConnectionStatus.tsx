import { useOnline } from '../data/useOnline';
import { useI18n } from '../i18n/i18n';

/** Online or offline, for screens without the sync status (the sign-in screen). */
export function ConnectionStatus() {
  const { t } = useI18n();
  const online = useOnline();

  return (
    <div className={`sync sync--${online ? 'ok' : 'offline'}`} role="status" aria-live="polite" data-testid="connection-status">
      <span className={`sync__connection sync__connection--${online ? 'online' : 'offline'}`}>
        <span className="sync__dot" aria-hidden="true" />
        {t(online ? 'sync.online' : 'sync.offline')}
      </span>
    </div>
  );
}
