import { toHalfWidth } from './normalize';

/*
 * Model series matching between price-book items and vehicles. The price book lists
 * series as short codes (3, 5, X3, X5). Vehicles may carry "3系", "3 Series", "5er" or
 * only a model name such as "530Li", so both sides reduce to the same key.
 */

const SERIES_NOISE = /BMW|宝马|华晨|SERIES|系列|系|\s/g;

/** Reduces a series name to its key: "3系", "3 Series" and "3er" all become "3"; "x3" becomes "X3". */
export function seriesKey(series: string): string {
  const compact = toHalfWidth(series).toUpperCase().replace(SERIES_NOISE, '');
  return compact.replace(/^(\d)ER$/, '$1');
}

/** Derives the series key from a BMW model name ("530Li" → "5", "X3 xDrive28i" → "X3"), or '' when it has none. */
export function seriesFromModel(model: string): string {
  const text = toHalfWidth(model).toUpperCase();
  const sportsActivity = /(?:^|[^A-Z0-9])(X[1-7]|IX[1-3]?)(?=$|[^0-9])/.exec(text);
  if (sportsActivity) return sportsActivity[1]!;
  const numbered = /(?:^|[^A-Z0-9])M?([1-8])\d{2}(?:[A-Z]{0,3})(?=$|[^0-9])/.exec(text);
  if (numbered) return numbered[1]!;
  const named = /(?:^|[^A-Z0-9])([1-8])(?:系|\s*SERIES|ER)/.exec(text);
  return named ? named[1]! : '';
}

/** Tells whether a price-book item applies to a vehicle; an item without series, or a vehicle of unknown series, matches. */
export function itemAppliesToSeries(itemSeries: readonly string[], vehicleSeriesKey: string): boolean {
  if (itemSeries.length === 0 || vehicleSeriesKey === '') return true;
  return itemSeries.some((series) => seriesKey(series) === vehicleSeriesKey);
}

/** Returns the series key of a vehicle from its series field, falling back to its model name. */
export function vehicleSeriesKey(series: string, model: string): string {
  const fromSeries = seriesKey(series);
  return fromSeries !== '' ? fromSeries : seriesFromModel(model);
}
