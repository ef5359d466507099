import type { Checkin } from '../../domain/schemas/checkin';
import type { MergeConflict } from '../../domain/schemas/common';
import { fieldLabel } from '../forms/fieldError';
import { useI18n } from '../i18n/i18n';
import { conflictField, dismissConflict, openConflicts, setAtConflictPath } from './conflicts';

function formatValue(value: unknown, empty: string, separator: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.length === 0 ? empty : value.join(separator);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface ConflictListProps {
  checkin: Checkin;
  update: (change: (checkin: Checkin) => Checkin) => void;
  locked: boolean;
}

/**
 * Fields that another tablet changed at the same time, with the value kept and the other
 * tablet's value. The advisor takes the other value or dismisses the conflict; nothing is
 * dropped silently.
 */
export function ConflictList({ checkin, update, locked }: ConflictListProps) {
  const { t } = useI18n();
  const conflicts = openConflicts(checkin.mergeConflicts);
  if (conflicts.length === 0) return null;

  const empty = t('checkin.conflict.empty');
  const separator = t('checkin.listSeparator');

  const useOther = (conflict: MergeConflict) => {
    update((current) => {
      const changed = setAtConflictPath(current, conflict.path, conflict.otherValue);
      return { ...changed, mergeConflicts: dismissConflict(current.mergeConflicts, conflict) };
    });
  };

  const dismiss = (conflict: MergeConflict) => {
    update((current) => ({ ...current, mergeConflicts: dismissConflict(current.mergeConflicts, conflict) }));
  };

  return (
    <section className="notice notice--warning ck-conflicts" aria-labelledby="ck-conflicts-title" data-testid="conflicts">
      <div className="ck-conflicts__body">
        <h2 className="ck-card__title" id="ck-conflicts-title">{t('checkin.conflict.title')}</h2>
        <ul className="ck-conflicts__list">
          {conflicts.map((conflict) => (
            <li key={`${conflict.path}|${conflict.detectedAt}`} className="ck-conflict">
              <div className="ck-conflict__field">{t('checkin.conflict.field')}: <strong>{fieldLabel(t, conflictField(conflict.path))}</strong></div>
              <div>{t('checkin.conflict.kept')}: <span className="ck-conflict__value">{formatValue(conflict.keptValue, empty, separator)}</span></div>
              <div>
                {t('checkin.conflict.other', { by: conflict.otherUpdatedBy })}:{' '}
                <span className="ck-conflict__value">{formatValue(conflict.otherValue, empty, separator)}</span>
              </div>
              <div className="ck-conflict__actions">
                <button type="button" className="button" disabled={locked} onClick={() => useOther(conflict)}>{t('checkin.conflict.useOther')}</button>
                <button type="button" className="button button--quiet" onClick={() => dismiss(conflict)}>{t('checkin.conflict.dismiss')}</button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
