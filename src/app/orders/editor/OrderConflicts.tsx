import type { MergeConflict } from '../../../domain/schemas/common';
import type { Order } from '../../../domain/schemas/order';
import { dismissConflict, openConflicts, parseConflictPath, setAtConflictPath } from '../../checkin/conflicts';
import { isMessageKey, useI18n, type MessageKey } from '../../i18n/i18n';
import { useMoney } from '../model/useMoney';
import type { OrderChange } from '../model/useOrder';

type Translate = ReturnType<typeof useI18n>['t'];

// Fields whose values are codes with their own labels in the catalog, for example `orders.status.waiting`.
const CODE_LABELS: Record<string, string> = {
  status: 'orders.status',
  category: 'orders.category',
  paymentMethod: 'orders.payment',
  replacedParts: 'orders.replacedParts',
  approval: 'orders.approval',
};

function lastKey(path: string): string {
  const segments = parseConflictPath(path);
  const last = segments[segments.length - 1];
  return last?.kind === 'key' ? last.key : '';
}

/** Names a conflict's field: "维修技师", "项目 更换机油 · 工时", "交车前检查 · 车内外清洁". */
function describePath(t: Translate, order: Order, path: string): string {
  const segments = parseConflictPath(path);
  const names = segments.map((segment, index) => {
    if (segment.kind === 'id') {
      const line = order.lines.find((item) => item.id === segment.id);
      return line ? t('orders.conflict.line', { name: line.name || t('orders.line.unnamed') }) : t('orders.conflict.removedItem');
    }
    const parent = segments[index - 1];
    if (parent?.kind === 'key' && parent.key === 'deliveryChecklist') {
      const check = `orders.check.${segment.key}`;
      if (isMessageKey(check)) return t(check, { parts: t(`orders.replacedParts.${order.replacedParts}`) });
    }
    const key = `orders.field.${segment.key}`;
    return isMessageKey(key) ? t(key as MessageKey) : segment.key;
  });
  return names.join(' · ');
}

/** Shows a conflicting value in the advisor's words: a status label, yuan, a time, yes or no. */
function describeValue(i18n: ReturnType<typeof useI18n>, money: (fen: number) => string, path: string, value: unknown): string {
  const { t } = i18n;
  if (value === null || value === undefined || value === '') return t('orders.conflict.empty');
  const field = lastKey(path);
  if (typeof value === 'string' && field.endsWith('At') && !Number.isNaN(Date.parse(value))) return i18n.formatDateTime(value);
  if (typeof value === 'boolean') return value ? t('orders.quote.yes') : t('orders.quote.no');
  if (typeof value === 'number' && field.endsWith('Fen')) return money(value);
  if (typeof value === 'string' && CODE_LABELS[field]) {
    const key = `${CODE_LABELS[field]}.${value}`;
    if (isMessageKey(key)) return t(key as MessageKey);
  }
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) {
    return value.length === 0 ? t('orders.conflict.empty') : value.join(t('orders.listSeparator'));
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface OrderConflictsProps {
  order: Order;
  change: (apply: OrderChange) => Promise<boolean>;
}

/**
 * Fields that another tablet changed at the same time, each with the value kept and the other
 * tablet's value. The advisor takes the other value or dismisses the conflict. A delivered
 * order only allows dismissing, and so does a deletion on the other tablet (path `_deleted`).
 */
export function OrderConflicts({ order, change }: OrderConflictsProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = useMoney();
  const conflicts = openConflicts(order.mergeConflicts);
  if (conflicts.length === 0) return null;

  const takeOther = (conflict: MergeConflict) => {
    void change((current) => {
      const changed = setAtConflictPath(current, conflict.path, conflict.otherValue);
      return { ...changed, mergeConflicts: dismissConflict(current.mergeConflicts, conflict) };
    });
  };

  const dismiss = (conflict: MergeConflict) => {
    void change((current) => ({ ...current, mergeConflicts: dismissConflict(current.mergeConflicts, conflict) }));
  };

  return (
    <section className="notice notice--warning orders-conflicts" aria-labelledby="orders-conflicts-title" data-testid="order-conflicts">
      <h2 className="orders-panel__title" id="orders-conflicts-title">{t('orders.conflict.title')}</h2>
      <ul className="orders-conflicts__list">
        {conflicts.map((conflict) => (
          <li key={`${conflict.path}|${conflict.detectedAt}`} className="orders-conflict" data-path={conflict.path}>
            <div>{t('orders.conflict.field')}<strong>{describePath(t, order, conflict.path)}</strong></div>
            <div>{t('orders.conflict.kept')}<span className="orders-conflict__value">{describeValue(i18n, money, conflict.path, conflict.keptValue)}</span></div>
            <div>
              {t('orders.conflict.other', { by: conflict.otherUpdatedBy })}
              <span className="orders-conflict__value">{describeValue(i18n, money, conflict.path, conflict.otherValue)}</span>
            </div>
            <div className="orders-conflict__actions">
              {conflict.path !== '_deleted' && (
                <button type="button" className="button" disabled={order.status === 'delivered'} onClick={() => takeOther(conflict)}>
                  {t('orders.conflict.useOther')}
                </button>
              )}
              <button type="button" className="button button--quiet" onClick={() => dismiss(conflict)}>{t('orders.conflict.dismiss')}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
