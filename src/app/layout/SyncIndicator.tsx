import { useI18n } from '../i18n/i18n';
import { summarizeSync, type SyncStatusInput } from './syncSummary';

/**
 * Online or offline, how many changes wait to sync and when the last sync finished. Always
 * visible in the top bar; it never says "synced" while changes wait.
 */
export function SyncIndicator({ status }: { status: SyncStatusInput }) {
  const { t } = useI18n();
  const summary = summarizeSync(status);
  const detail = status.online && status.error ? t('sync.error', { detail: status.error }) : undefined;

  return (
    <div className={`sync sync--${summary.tone}`} role="status" aria-live="polite" title={detail} data-testid="sync-status">
      <span className={`sync__connection sync__connection--${status.online ? 'online' : 'offline'}`}>
        <span className="sync__dot" aria-hidden="true" />
        {t(summary.connection.key)}
      </span>
      <span className="sync__changes" data-pending={status.pendingChanges}>
        {t(summary.changes.key, summary.changes.params)}
      </span>
      {summary.lastSync && <span className="sync__last tabular">{t(summary.lastSync.key, summary.lastSync.params)}</span>}
    </div>
  );
}
