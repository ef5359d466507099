import { Link } from 'wouter';
import { updateDocument } from '../../../db/repository';
import { formatPlate } from '../../../domain/plate';
import type { Followup } from '../../../domain/schemas/order';
import { DraftText } from '../../checkin/DraftText';
import { useDatabase } from '../../data/DatabaseContext';
import { useRxQuery } from '../../data/useRxQuery';
import { useI18n } from '../../i18n/i18n';
import { useWriteContext } from '../../session/SessionContext';
import { Toggle } from '../fields/Toggle';

function FollowupItem({ followup }: { followup: Followup }) {
  const { t, formatDateTime } = useI18n();
  const database = useDatabase();
  const context = useWriteContext();
  const overdue = followup.status === 'open' && Date.parse(followup.dueAt) < Date.now();
  const done = followup.status === 'done';

  const update = (patch: Partial<Followup>) =>
    void updateDocument(database, 'followups', followup.id, (current) => ({ ...(current as Followup), ...patch }), context);

  return (
    <li className={`orders-panel followup ${overdue ? 'followup--overdue' : ''}`} data-followup-id={followup.id}>
      <div className="followup__head">
        <strong>{followup.customerName}</strong>
        <a className="tabular" href={`tel:${followup.customerMobile}`}>{followup.customerMobile}</a>
        <span>{followup.plate ? formatPlate(followup.plate) : ''}</span>
        <Link href={`/orders/${followup.orderId}`} className="tabular">{followup.orderNumber}</Link>
        <span className={`badge ${overdue ? 'badge--danger' : 'badge--muted'}`}>{t('orders.followup.due', { time: formatDateTime(followup.dueAt) })}</span>
      </div>
      <div className="followup__result">
        <div role="radiogroup" aria-label={t('orders.followup.satisfied')} className="orders-choices">
          {([true, false] as const).map((value) => (
            <button key={String(value)} type="button" role="radio" aria-checked={followup.satisfied === value} disabled={done}
              className={`button orders-choice ${followup.satisfied === value ? 'orders-choice--selected' : ''}`}
              onClick={() => update({ satisfied: value, escalated: value ? followup.escalated : true })}>
              {t(value ? 'orders.followup.yes' : 'orders.followup.no')}
            </button>
          ))}
        </div>
        <Toggle checked={followup.escalated} disabled={done} onChange={(escalated) => update({ escalated })}>{t('orders.followup.escalated')}</Toggle>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`followup-note-${followup.id}`}>{t('orders.followup.note')}</label>
        <DraftText id={`followup-note-${followup.id}`} value={followup.note} multiline rows={2} maxLength={2000} disabled={done} onCommit={(note) => update({ note })} />
      </div>
      {done ? (
        <span className="orders-muted">{t('orders.followup.doneAt', { time: followup.calledAt ? formatDateTime(followup.calledAt) : '' })}</span>
      ) : (
        <button type="button" className="button button--primary" disabled={followup.satisfied === null} onClick={() => update({ status: 'done', calledAt: new Date().toISOString() })}>
          {t('orders.followup.complete')}
        </button>
      )}
    </li>
  );
}

/** Follow-up calls (回访) due 72 hours after delivery: open ones by due time, then the latest done ones. */
export function FollowupsScreen() {
  const { t } = useI18n();
  const { data, loading } = useRxQuery((database) => database.followups.find({ sort: [{ dueAt: 'asc' }] }), []);
  const open = data.filter((followup) => followup.status === 'open');
  const done = data.filter((followup) => followup.status === 'done').slice(-20).reverse();

  return (
    <section className="orders-screen" aria-labelledby="followups-title">
      <nav className="orders-nav"><Link href="/orders" className="button button--quiet">{t('orders.backToBoard')}</Link></nav>
      <h1 id="followups-title">{t('orders.followup.title')}</h1>
      {!loading && open.length === 0 && <p className="orders-muted">{t('orders.followup.none')}</p>}
      <ul className="followup-list">{open.map((followup) => <FollowupItem key={followup.id} followup={followup} />)}</ul>
      {done.length > 0 && <h2>{t('orders.followup.doneTitle')}</h2>}
      <ul className="followup-list">{done.map((followup) => <FollowupItem key={followup.id} followup={followup} />)}</ul>
    </section>
  );
}
