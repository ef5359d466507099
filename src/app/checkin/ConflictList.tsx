import type { Checkin } from '../../domain/schemas/checkin';
import type { MergeConflict } from '../../domain/schemas/common';
import { fieldLabel } from '../forms/fieldError';
import { isMessageKey, useI18n, type MessageKey } from '../i18n/i18n';
import { dismissConflict, openConflicts, parseConflictPath, setAtConflictPath } from './conflicts';

function formatValue(value: unknown, empty: string, separator: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.length === 0 ? empty : value.join(separator);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

type Translate = ReturnType<typeof useI18n>['t'];

function fieldName(t: Translate, name: string): string {
  const key = `checkin.field.${name}`;
  return isMessageKey(key) ? t(key as MessageKey) : fieldLabel(t, name);
}

/** Names a conflict's field for the advisor: "里程", "四件套 · 脚垫", "损伤标记 · 标记 2 · 备注". */
function describePath(t: Translate, checkin: Checkin, path: string): string {
  const parts = parseConflictPath(path).map((segment) => {
    if (segment.kind === 'key') return fieldName(t, segment.key);
    const mark = checkin.damageMarks.find((item) => item.id === segment.id);
    return mark ? t('checkin.field.markNumber', { number: mark.number }) : segment.id;
  });
  return parts.join(' · ');
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

  const takeOther = (conflict: MergeConflict) => {
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
              <div className="ck-conflict__field">{t('checkin.conflict.field')}<strong>{describePath(t, checkin, conflict.path)}</strong></div>
              <div>{t('checkin.conflict.kept')}<span className="ck-conflict__value">{formatValue(conflict.keptValue, empty, separator)}</span></div>
              <div>
                {t('checkin.conflict.other', { by: conflict.otherUpdatedBy })}
                <span className="ck-conflict__value">{formatValue(conflict.otherValue, empty, separator)}</span>
              </div>
              <div className="ck-conflict__actions">
                <button type="button" className="button" disabled={locked} onClick={() => takeOther(conflict)}>{t('checkin.conflict.useOther')}</button>
                <button type="button" className="button button--quiet" onClick={() => dismiss(conflict)}>{t('checkin.conflict.dismiss')}</button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
