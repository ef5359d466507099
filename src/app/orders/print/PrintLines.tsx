import type { OrderLine } from '../../../domain/schemas/order';
import type { OrderTotals } from '../../../domain/totals';
import { useI18n } from '../../i18n/i18n';
import { useMoney } from '../model/useMoney';

interface PrintLinesProps {
  lines: readonly OrderLine[];
  totals: OrderTotals;
  /** Shows each line's approval column (the quote); the recommended-items sheet leaves it out. */
  showDecision: boolean;
}

/** Prints the job lines as a table: item, labor, parts, discount, amount and the customer's decision. */
export function PrintLines({ lines, totals, showDecision }: PrintLinesProps) {
  const { t, formatDateTime } = useI18n();
  const money = useMoney();
  const totalsOf = (lineId: string) => totals.lines.find((line) => line.lineId === lineId)!;

  const amountText = (line: OrderLine, amountFen: number) => {
    if (line.pendingDiagnosis) return t('orders.quote.priceAfterDiagnosis');
    return line.free ? t('orders.settlement.freeAmount') : money(amountFen);
  };

  const decision = (line: OrderLine) => {
    if (line.pendingDiagnosis) return t('orders.badge.pendingDiagnosis');
    const label = t(`orders.approval.${line.approval}`);
    return line.decidedVia === 'phone' && line.decidedAt ? t('orders.print.byPhone', { decision: label, time: formatDateTime(line.decidedAt) }) : label;
  };

  return (
    <table className="print-table">
      <thead>
        <tr>
          <th scope="col">{t('orders.print.index')}</th>
          <th scope="col">{t('orders.settlement.item')}</th>
          <th scope="col" className="settlement__number">{t('orders.print.hours')}</th>
          <th scope="col" className="settlement__number">{t('orders.settlement.labor')}</th>
          <th scope="col" className="settlement__number">{t('orders.settlement.parts')}</th>
          <th scope="col" className="settlement__number">{t('orders.settlement.discount')}</th>
          <th scope="col" className="settlement__number">{t('orders.settlement.amount')}</th>
          {showDecision && <th scope="col">{t('orders.print.decision')}</th>}
        </tr>
      </thead>
      <tbody className="tabular">
        {lines.map((line, index) => {
          const lineTotals = totalsOf(line.id);
          return (
            <tr key={line.id}>
              <td>{index + 1}</td>
              <td>
                {line.name}
                {line.addedDuringRepair && t('orders.print.tag', { tag: t('orders.badge.added') })}
                {line.free && t('orders.print.tag', { tag: t('orders.badge.free') })}
                {line.parts.length > 0 && (
                  <span className="print-table__parts">{line.parts.map((part) => `${part.partNumber} ${part.name} × ${part.quantity}`).join(' · ')}</span>
                )}
              </td>
              <td className="settlement__number">{line.pendingDiagnosis ? '—' : line.laborHours}</td>
              <td className="settlement__number">{line.pendingDiagnosis ? '—' : money(lineTotals.laborFen)}</td>
              <td className="settlement__number">{line.pendingDiagnosis ? '—' : money(lineTotals.partsFen)}</td>
              <td className="settlement__number">{lineTotals.discountFen > 0 ? `−${money(lineTotals.discountFen)}` : ''}</td>
              <td className="settlement__number">{amountText(line, lineTotals.grossFen - lineTotals.discountFen)}</td>
              {showDecision && <td>{decision(line)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
