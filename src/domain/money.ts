/** Money is integer fen (1 yuan = 100 fen) everywhere; only formatting shows yuan. */
export type Fen = number;

export type MoneyParseResult = { ok: true; fen: Fen } | { ok: false; error: 'money_format' };

/** Parses a yuan amount typed by a user ("1,234.5", "１２３", "¥88") into integer fen without float rounding. */
export function parseYuan(input: string): MoneyParseResult {
  const text = input
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\uff0e/g, '.')
    .replace(/[\s,，¥￥]/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { ok: false, error: 'money_format' };
  const yuan = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return { ok: true, fen: yuan * 100 + Number(fraction) };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats fen as yuan with two decimals for the locale, for example ¥1,234.50 in zh-CN. */
export function formatFen(fen: Fen, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 });
    formatters.set(locale, formatter);
  }
  return formatter.format(fen / 100);
}
