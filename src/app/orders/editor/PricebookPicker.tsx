import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { toHalfWidth } from '../../../domain/normalize';
import type { PricebookItem } from '../../../domain/schemas/pricebook';
import { itemAppliesToSeries } from '../../../domain/series';
import { laborAmountFen, partAmountFen } from '../../../domain/totals';
import { useRxQuery } from '../../data/useRxQuery';
import { useI18n } from '../../i18n/i18n';
import { useMoney } from '../model/useMoney';

const MAX_RESULTS = 60;

interface PricebookPickerProps {
  open: boolean;
  /** Series key of the vehicle (3, 5, X3, X5), '' when unknown. */
  seriesKey: string;
  laborRateFen: number;
  onPick: (item: PricebookItem) => void;
  onClose: () => void;
}

function matches(item: PricebookItem, query: string): boolean {
  if (query === '') return true;
  const haystack = toHalfWidth(`${item.code} ${item.nameZh} ${item.nameEn} ${item.parts.map((part) => part.partNumber).join(' ')}`).toUpperCase();
  return query.split(/\s+/).every((word) => haystack.includes(word));
}

/** Searches the price book in a dialog by code, name or part number, filtered by the vehicle's series. */
export function PricebookPicker({ open, seriesKey, laborRateFen, onPick, onClose }: PricebookPickerProps) {
  const { t, locale } = useI18n();
  const money = useMoney();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [seriesOnly, setSeriesOnly] = useState(true);
  const { data: items, loading } = useRxQuery((database) => database.pricebook.find({ sort: [{ code: 'asc' }] }), []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const normalizedQuery = toHalfWidth(query).trim().toUpperCase();
  const results = useMemo(
    () => items
      .filter((item) => !seriesOnly || itemAppliesToSeries(item.series, seriesKey))
      .filter((item) => matches(item, normalizedQuery)),
    [items, seriesOnly, seriesKey, normalizedQuery],
  );

  const estimateFen = (item: PricebookItem) =>
    laborAmountFen(item.laborHours, laborRateFen) + item.parts.reduce((sum, part) => sum + partAmountFen(part.quantity, part.unitPriceFen), 0);

  return (
    <dialog ref={dialogRef} className="dialog orders-picker" aria-labelledby={titleId} onCancel={(event) => { event.preventDefault(); onClose(); }}>
      <div className="orders-picker__head">
        <h2 id={titleId} className="dialog__title">{t('orders.picker.title')}</h2>
        <button type="button" className="button" onClick={onClose}>{t('orders.picker.close')}</button>
      </div>
      <input
        type="search"
        className="field__input"
        aria-label={t('orders.picker.search')}
        placeholder={t('orders.picker.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoFocus
      />
      {seriesKey !== '' && (
        <label className="orders-toggle">
          <input type="checkbox" checked={seriesOnly} onChange={(event) => setSeriesOnly(event.target.checked)} />
          <span>{t('orders.picker.seriesOnly', { series: seriesKey })}</span>
        </label>
      )}
      {!loading && items.length === 0 && <p className="orders-muted">{t('orders.picker.emptyBook')}</p>}
      {!loading && items.length > 0 && results.length === 0 && <p className="orders-muted">{t('orders.picker.noResults')}</p>}
      <ul className="orders-picker__list">
        {results.slice(0, MAX_RESULTS).map((item) => (
          <li key={item.id}>
            <button type="button" className="orders-picker__item" onClick={() => onPick(item)}>
              <span className="orders-picker__code tabular">{item.code}</span>
              <span className="orders-picker__name">
                {locale === 'en' ? item.nameEn : item.nameZh}
                <span className="orders-muted">
                  {t('orders.picker.itemDetail', { hours: item.laborHours, parts: item.parts.length, series: item.series.join(' / ') || t('orders.picker.allSeries') })}
                </span>
              </span>
              <span className="orders-picker__price tabular">{money(estimateFen(item))}</span>
            </button>
          </li>
        ))}
      </ul>
      {results.length > MAX_RESULTS && <p className="orders-muted">{t('orders.picker.more', { count: results.length - MAX_RESULTS })}</p>}
    </dialog>
  );
}
