import { Link } from 'wouter';
import { maskMobile } from '../../../domain/phone';
import { formatPlate } from '../../../domain/plate';
import type { Checkin } from '../../../domain/schemas/checkin';
import { useRxDocument } from '../../data/useRxQuery';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useSession } from '../../session/SessionContext';
import { DiagramCanvas } from '../diagram/DiagramCanvas';
import { checkinPath } from '../paths';
import { PhotoStrip } from '../photos/PhotoStrip';
import { SignatureImage } from '../sign/SignatureHistory';
import { useSigning } from '../sign/useSigning';
import { PrintDetails } from './PrintDetails';

const PRINT_VIEWS = ['left', 'right', 'top', 'front', 'rear'] as const;

/** Shows the customer copy: an A4 page with the sheet, the diagram, photo thumbnails and the signature. */
export function CheckinPrintScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const { data: checkin, loading } = useRxDocument('checkins', id);

  if (loading) return <div className="status-screen" role="status">{t('checkin.loading')}</div>;
  if (!checkin) {
    return (
      <div className="status-screen">
        <p>{t('checkin.notFound')}</p>
        <Link href="/" className="button">{t('checkin.backHome')}</Link>
      </div>
    );
  }
  return <CustomerCopy checkin={checkin} />;
}

function CustomerCopy({ checkin }: { checkin: Checkin }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const session = useSession();
  const settings = useRxDocument('settings', checkin.dealerId);
  const signing = useSigning(checkin);
  const signature = checkin.signatures.at(-1);
  const dealerName = settings.data?.dealerName ?? session.dealer.name;

  return (
    <div className="ck-print-screen">
      <div className="ck-print__toolbar">
        <Link href={checkinPath(checkin.id)} className="button">{t('checkin.print.back')}</Link>
        <button type="button" className="button button--primary button--large" onClick={() => window.print()}>
          {t('checkin.print.button')}
        </button>
      </div>

      <article className="ck-print" data-testid="customer-copy">
        <header className="ck-print__header">
          <div>
            <p className="ck-print__dealer">{dealerName}</p>
            <h1 className="ck-print__title">{t('checkin.print.title')}</h1>
          </div>
          <dl className="ck-print__meta">
            <div><dt>{t('checkin.print.number')}</dt><dd>{checkin.number}</dd></div>
            <div><dt>{t('checkin.print.date')}</dt><dd>{formatDateTime(checkin.createdAt)}</dd></div>
            <div><dt>{t('checkin.print.advisor')}</dt><dd>{checkin.advisorName}</dd></div>
          </dl>
        </header>

        <dl className="ck-print__grid">
          <div><dt>{t('checkin.print.customer')}</dt><dd>{checkin.customerName} {maskMobile(checkin.customerMobile)}</dd></div>
          <div><dt>{t('checkin.print.vehicle')}</dt><dd>{formatPlate(checkin.plate)} · {checkin.vehicleModel}</dd></div>
          <div><dt>{t('checkin.label.vin')}</dt><dd className="tabular">{checkin.vin}</dd></div>
        </dl>

        <PrintDetails checkin={checkin} />

        <section className="ck-print__section">
          <h2>{t('checkin.print.diagram')}</h2>
          <div className="ck-print__views">
            {PRINT_VIEWS.map((view) => (
              <figure key={view} className={`ck-print__view ck-print__view--${view}`}>
                <DiagramCanvas view={view} marks={checkin.damageMarks.filter((mark) => mark.view === view)} readOnly />
                <figcaption>{t(`checkin.view.${view}` as MessageKey)}</figcaption>
              </figure>
            ))}
          </div>
        </section>

        <section className="ck-print__section">
          <h2>{t('checkin.print.marks')}</h2>
          {checkin.damageMarks.length === 0 ? <p>{t('checkin.print.none')}</p> : (
            <table className="ck-print__table">
              <thead>
                <tr>
                  <th>{t('checkin.print.column.number')}</th>
                  <th>{t('checkin.print.column.view')}</th>
                  <th>{t('checkin.print.column.kind')}</th>
                  <th>{t('checkin.print.column.note')}</th>
                  <th>{t('checkin.print.column.photos')}</th>
                </tr>
              </thead>
              <tbody>
                {checkin.damageMarks.map((mark) => (
                  <tr key={mark.id}>
                    <td><span className="ck-mark ck-mark--inline">{mark.number}</span></td>
                    <td>{t(`checkin.view.${mark.view}` as MessageKey)}</td>
                    <td>{t(`checkin.kind.${mark.kind}` as MessageKey)}</td>
                    <td>{mark.note}</td>
                    <td><PhotoStrip photos={mark.photos} testId={`print-mark-${mark.number}-photos`} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {checkin.photos.length > 0 && <PhotoStrip photos={checkin.photos} testId="print-sheet-photos" />}
        </section>

        <section className="ck-print__section ck-print__signature">
          <h2>{t('checkin.print.signature')}</h2>
          {signature ? (
            <>
              <p className="ck-print__confirm">{t('checkin.sign.confirmText')}</p>
              <SignatureImage signature={signature} className="ck-print__signature-image" />
              <p>{t('checkin.sign.signedBy', { name: signature.signerName, time: formatDateTime(signature.signedAt) })}</p>
              <p className="ck-print__hash">{t('checkin.sign.hash', { hash: signature.contentHash })}</p>
              {signing.state === 'changed_after_signing' && <p className="field__error">{t('checkin.print.changed')}</p>}
            </>
          ) : (
            <p>{t('checkin.print.unsigned')}</p>
          )}
        </section>
        <footer className="ck-print__footer">{formatDate(checkin.createdAt)} · {checkin.number}</footer>
      </article>
    </div>
  );
}
