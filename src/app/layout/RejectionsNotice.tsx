import type { PushRejection } from '../../db/pushRejections';
import type { CollectionName } from '../../domain/collections';
import { Notice } from '../components/Notice';
import { fieldErrorText } from '../forms/fieldError';
import { useI18n, type MessageKey } from '../i18n/i18n';

const COLLECTION_LABELS: Record<CollectionName, MessageKey> = {
  customers: 'sync.collection.customers',
  vehicles: 'sync.collection.vehicles',
  checkins: 'sync.collection.checkins',
  orders: 'sync.collection.orders',
  followups: 'sync.collection.followups',
  pricebook: 'sync.collection.pricebook',
  settings: 'sync.collection.settings',
};
const SHOWN_MAX = 3;

/** Returns the last named segment of a field path such as `lines[2].name` or `damageMarks.0.note`. */
export function fieldNameOf(path: string): string {
  const names = path.split(/[.[\]]/).filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  return names.at(-1) ?? '';
}

/** Names the documents the server rejected, with the field and the reason, until corrected. */
export function RejectionsNotice({ rejections }: { rejections: readonly PushRejection[] }) {
  const { t } = useI18n();
  if (rejections.length === 0) return null;

  return (
    <Notice tone="error">
      {t('sync.rejected.title', { count: rejections.length })}
      <span className="rejections">
        {rejections.slice(0, SHOWN_MAX).map((rejection) => {
          const issue = rejection.issues[0] ?? { field: rejection.field, code: rejection.error };
          const number = rejection.rejectedState.number;
          const collection = t(COLLECTION_LABELS[rejection.collection]);
          const problem = fieldErrorText(t, fieldNameOf(issue.field), { code: issue.code });
          return (
            <span key={`${rejection.collection}-${rejection.documentId}`} className="rejections__item">
              {typeof number === 'string' && number
                ? t('sync.rejected.item', { collection, number, problem })
                : t('sync.rejected.itemWithoutNumber', { collection, problem })}
            </span>
          );
        })}
        {rejections.length > SHOWN_MAX && (
          <span className="rejections__item">{t('sync.rejected.more', { count: rejections.length - SHOWN_MAX })}</span>
        )}
      </span>
    </Notice>
  );
}
