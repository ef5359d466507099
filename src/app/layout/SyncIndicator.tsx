import type { SyncStatus } from '../../db/syncStatus';
import { useI18n } from '../i18n/i18n';
import { summarizeSync } from './syncSummary';

/**
 * Online or offline, how many changes wait to sync, any sync problem and when the last sync
 * finished. The top bar always shows it, and it never shows "synced" while changes wait.
 */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t } = useI18n();
  const summary = summarizeSync(status);

  return (
    <div className={`sync sync--${summary.tone}`} role="status" aria-live="polite" data-testid="sync-status" data-state={status.state}>
      <span className={`sync__connection sync__connection--${status.online ? 'online' : 'offline'}`}>
        <span className="sync__dot" aria-hidden="true" />
        {t(summary.connection.key)}
      </span>
      <span className={`sync__changes ${status.pendingChanges ? 'sync__changes--waiting' : ''}`} data-pending={status.pendingChanges ?? ''}>
        {summary.changes && t(summary.changes.key, summary.changes.params)}
      </span>
      {summary.problem && <span className="sync__problem">{t(summary.problem.key, summary.problem.params)}</span>}
      <span className="sync__last tabular">{t(summary.lastSync.key, summary.lastSync.params)}</span>
    </div>
  );
}
