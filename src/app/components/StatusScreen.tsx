import { useI18n } from '../i18n/i18n';

interface StatusScreenProps {
  message: string;
  tone?: 'info' | 'error';
  /** Offers a reload, for a screen whose code failed to load. */
  retry?: boolean;
}

/** Shows a full-area message while something loads, or when it failed. */
export function StatusScreen({ message, tone = 'info', retry = false }: StatusScreenProps) {
  const { t } = useI18n();

  return (
    <div className={`status-screen status-screen--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p>{message}</p>
      {retry && (
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}
