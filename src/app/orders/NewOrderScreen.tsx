import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { saveDocument, updateDocument } from '../../db/repository';
import { formatPlate } from '../../domain/plate';
import { ORDER_CATEGORIES, type Order } from '../../domain/schemas/order';
import { Notice } from '../components/Notice';
import { StatusScreen } from '../components/StatusScreen';
import { useDatabase } from '../data/DatabaseContext';
import { useRxDocument } from '../data/useRxQuery';
import { useCheckinSigningState } from '../home/useSigningState';
import { useI18n } from '../i18n/i18n';
import { useSession, useWriteContext } from '../session/SessionContext';
import { DeclinedWorkNotice } from './DeclinedWorkNotice';
import { ChoiceGroup } from './fields/ChoiceGroup';
import { newOrderFromCheckin } from './model/orderFactory';
import type { Checkin } from '../../domain/schemas/checkin';

function OpenOrderForm({ checkin }: { checkin: Checkin }) {
  const { t } = useI18n();
  const database = useDatabase();
  const session = useSession();
  const context = useWriteContext();
  const [, navigate] = useLocation();
  const [category, setCategory] = useState<Order['category']>('maintenance');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const open = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const order = { ...newOrderFromCheckin(checkin, { dealerId: context.dealerId, user: context.user, advisorName: session.user.displayName, now: new Date() }), category };
      await saveDocument(database, 'orders', order, context);
      // NOTE: two tablets opening an order from the same check-in at once each create one; the check-in then links the one merged last.
      await updateDocument(database, 'checkins', checkin.id, (current) => ({ ...(current as Checkin), orderId: order.id }), context);
      navigate(`/orders/${order.id}`, { replace: true });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  return (
    <section className="orders-screen orders-new">
      <h1>{t('orders.new.title')}</h1>
      <dl className="orders-header__facts">
        <div><dt>{t('orders.header.plate')}</dt><dd className="orders-header__plate">{checkin.plate ? formatPlate(checkin.plate) : '—'}</dd></div>
        <div><dt>{t('orders.header.vehicle')}</dt><dd>{checkin.vehicleModel}</dd></div>
        <div><dt>{t('orders.header.customer')}</dt><dd>{checkin.customerName}</dd></div>
        <div><dt>{t('orders.header.mileage')}</dt><dd className="tabular">{checkin.mileageKm === null ? '—' : t('orders.header.km', { km: checkin.mileageKm.toLocaleString('en-US') })}</dd></div>
      </dl>
      <DeclinedWorkNotice vehicleId={checkin.vehicleId} />
      {checkin.customerRequests.length > 0 && (
        <ul className="orders-new__requests">{checkin.customerRequests.map((request, index) => <li key={index}>{request}</li>)}</ul>
      )}
      <ChoiceGroup label={t('orders.details.category')} options={ORDER_CATEGORIES} value={category} labelOf={(option) => t(`orders.category.${option}`)} onChange={setCategory} />
      {failure && <Notice tone="error">{t('orders.saveFailed', { message: failure })}</Notice>}
      <button type="button" className="button button--primary button--large" disabled={busy} onClick={() => void open()}>
        {busy ? t('orders.new.opening') : t('orders.new.open')}
      </button>
    </section>
  );
}

/** Opens a repair order from a check-in; only a check-in the customer has signed, and only once. */
export function NewOrderScreen({ checkinId }: { checkinId: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const { data: checkin, loading } = useRxDocument('checkins', checkinId);
  const existingOrderId = checkin?.orderId ?? null;

  useEffect(() => {
    if (existingOrderId) navigate(`/orders/${existingOrderId}`, { replace: true });
  }, [existingOrderId, navigate]);

  if (loading || existingOrderId) return <StatusScreen message={t('orders.loading')} />;
  if (!checkin) return <StatusScreen tone="error" message={t('orders.new.checkinMissing')} />;
  return <SignedGate checkin={checkin} />;
}

function SignedGate({ checkin }: { checkin: Checkin }) {
  const { t } = useI18n();
  const signing = useCheckinSigningState(checkin);

  if (signing === null) return <StatusScreen message={t('orders.loading')} />;
  if (signing !== 'signed') {
    return (
      <section className="orders-screen">
        <Notice tone="warning">{t(signing === 'unsigned' ? 'orders.new.checkinUnsigned' : 'orders.new.checkinChanged')}</Notice>
        <Link href={`/checkin/${checkin.id}`} className="button">{t('orders.new.toCheckin')}</Link>
      </section>
    );
  }
  return <OpenOrderForm checkin={checkin} />;
}
