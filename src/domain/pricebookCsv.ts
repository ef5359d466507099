import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { parseYuan } from './money';
import type { Part } from './schemas/pricebook';

/*
 * Price-book CSV (工时价目手册), as the admin command imports it. Used by the server only:
 * iconv-lite must not reach the tablet bundle.
 *
 * Encoding: UTF-8 with or without a BOM, or GB18030 (what Excel and WPS save as "CSV" on a
 * Chinese Windows). Bytes that are valid UTF-8 are read as UTF-8, anything else as GB18030.
 *
 * The first row names the columns, in any order; extra columns are ignored:
 *   code         item code, unique in the file (letters, digits, . _ -), for example OIL-B48
 *   name_zh      Chinese name, for example 更换机油及机油滤清器
 *   name_en      English name
 *   labor_hours  hours, at most two decimals, 0 to 200 (0 for a parts-only item)
 *   series       model series separated by |, for example 3|5|X3; empty means every series
 *   parts        parts kit separated by |, each partNo:name:qty:unitPriceYuan, for example
 *                11428575211:机油滤清器:1:128.00|83212365946:机油 5W-30:5.5:98.00
 * Chinese column names are accepted too (see COLUMN_ALIASES).
 *
 * Parsing is all or nothing: one bad row rejects the whole file, and every bad row is
 * reported with its line number and field.
 */

export const PRICEBOOK_COLUMNS = ['code', 'name_zh', 'name_en', 'labor_hours', 'series', 'parts'] as const;
export type PricebookColumn = (typeof PRICEBOOK_COLUMNS)[number];

const COLUMN_ALIASES: Record<string, PricebookColumn> = {
  代码: 'code', 编码: 'code', 项目代码: 'code',
  名称: 'name_zh', 中文名称: 'name_zh', 项目名称: 'name_zh',
  英文名称: 'name_en',
  工时: 'labor_hours',
  车系: 'series', 适用车系: 'series',
  配件: 'parts',
};

const MAX_CODE_LENGTH = 40;
const MAX_NAME_LENGTH = 120;
const MAX_SERIES_LENGTH = 40;
const MAX_SERIES_COUNT = 50;
const MAX_PARTS_COUNT = 50;
const MAX_LABOR_HOURS = 200;
const MAX_QUANTITY = 1000;
const MAX_UNIT_PRICE_FEN = 1_000_000_000;

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A price-book row, parsed and checked, with the line it came from. */
export interface PricebookRow {
  line: number;
  code: string;
  nameZh: string;
  nameEn: string;
  laborHours: number;
  series: string[];
  parts: Part[];
}

export type PricebookErrorCode =
  | 'unsupported_encoding'
  | 'empty_file'
  | 'csv_syntax'
  | 'missing_column'
  | 'column_count'
  | 'required'
  | 'too_long'
  | 'invalid_code'
  | 'duplicate_code'
  | 'invalid_hours'
  | 'invalid_series'
  | 'invalid_part'
  | 'invalid_quantity'
  | 'invalid_price';

/** A problem in the file: where it is (line and column) and a message for the person who made the file. */
export interface PricebookError {
  line: number;
  field: PricebookColumn | null;
  code: PricebookErrorCode;
  message: string;
}

export type PricebookParseResult =
  | { ok: true; encoding: SourceEncoding; rows: PricebookRow[] }
  | { ok: false; encoding: SourceEncoding | null; errors: PricebookError[] };

/** Decodes the file's bytes: UTF-8 (BOM stripped) when they are valid UTF-8, GB18030 otherwise. */
export function decodePricebookBytes(bytes: Uint8Array): { ok: true; text: string; encoding: SourceEncoding } | { ok: false; error: PricebookError } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      error: { line: 1, field: null, code: 'unsupported_encoding', message: 'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or plain "CSV" and import again' },
    };
  }

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not valid UTF-8: a Chinese spreadsheet's "CSV" export, which is GB18030 (a superset of GBK and GB2312).
    return { ok: true, text: iconv.decode(body, 'gb18030'), encoding: 'gb18030' };
  }
}

function error(line: number, field: PricebookColumn | null, code: PricebookErrorCode, message: string): PricebookError {
  return { line, field, code, message };
}

/** Parses a decimal with at most two places into hundredths, or null when it is not one. */
function parseHundredths(text: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function parseColumns(header: string[]): { ok: true; indexes: Record<PricebookColumn, number> } | { ok: false; errors: PricebookError[] } {
  const indexes: Partial<Record<PricebookColumn, number>> = {};
  header.forEach((raw, index) => {
    const name = raw.trim();
    const column = COLUMN_ALIASES[name] ?? (PRICEBOOK_COLUMNS as readonly string[]).find((known) => known === name.toLowerCase());
    if (column && indexes[column as PricebookColumn] === undefined) indexes[column as PricebookColumn] = index;
  });

  const missing = PRICEBOOK_COLUMNS.filter((column) => indexes[column] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((column) => error(1, column, 'missing_column', `missing column "${column}"; the header row must name ${PRICEBOOK_COLUMNS.join(', ')}`)),
    };
  }
  return { ok: true, indexes: indexes as Record<PricebookColumn, number> };
}

function parseText(line: number, field: PricebookColumn, value: string, maxLength: number, errors: PricebookError[]): string {
  if (value === '') errors.push(error(line, field, 'required', `${field} is missing`));
  else if (value.length > maxLength) errors.push(error(line, field, 'too_long', `${field} has ${value.length} characters; at most ${maxLength} are allowed`));
  return value;
}

function parseCode(line: number, value: string, errors: PricebookError[]): string {
  if (value === '') errors.push(error(line, 'code', 'required', 'code is missing'));
  else if (!new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${MAX_CODE_LENGTH - 1}}$`).test(value)) {
    errors.push(error(line, 'code', 'invalid_code', `invalid code "${value}"; expected letters, digits, ".", "_" or "-", at most ${MAX_CODE_LENGTH} characters`));
  }
  return value;
}

function parseLaborHours(line: number, value: string, errors: PricebookError[]): number {
  const hundredths = parseHundredths(value);
  if (value === '') errors.push(error(line, 'labor_hours', 'required', 'labor_hours is missing; write 0 for a parts-only item'));
  else if (hundredths === null || hundredths > MAX_LABOR_HOURS * 100) {
    errors.push(error(line, 'labor_hours', 'invalid_hours', `invalid labor hours "${value}"; expected a number from 0 to ${MAX_LABOR_HOURS} with at most two decimals, such as 0.5 or 1.25`));
  }
  return (hundredths ?? 0) / 100;
}

function parseSeries(line: number, value: string, errors: PricebookError[]): string[] {
  const series = value.split('|').map((item) => item.trim()).filter((item) => item !== '');
  if (series.length > MAX_SERIES_COUNT) errors.push(error(line, 'series', 'invalid_series', `${series.length} series listed; at most ${MAX_SERIES_COUNT} are allowed`));
  for (const item of series) {
    if (item.length > MAX_SERIES_LENGTH) errors.push(error(line, 'series', 'invalid_series', `series "${item}" is longer than ${MAX_SERIES_LENGTH} characters`));
  }
  return series;
}

function parsePart(line: number, text: string, errors: PricebookError[]): Part | null {
  const fields = text.split(/[:：]/).map((item) => item.trim());
  if (fields.length !== 4) {
    errors.push(error(line, 'parts', 'invalid_part', `invalid part "${text}"; expected partNo:name:qty:unitPriceYuan, such as 11428575211:机油滤清器:1:128.00`));
    return null;
  }

  const [rawNumber, name, rawQuantity, rawPrice] = fields as [string, string, string, string];
  // Part numbers are often printed in groups ("11 42 8 575 211"); the stored form has no spaces.
  const partNumber = rawNumber.replace(/\s+/g, '');
  let valid = true;
  if (!/^[A-Za-z0-9-]{1,40}$/.test(partNumber)) {
    errors.push(error(line, 'parts', 'invalid_part', `invalid part number "${rawNumber}" in "${text}"; expected letters, digits or "-", at most 40 characters`));
    valid = false;
  }
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    errors.push(error(line, 'parts', 'invalid_part', `invalid part name in "${text}"; expected 1 to ${MAX_NAME_LENGTH} characters`));
    valid = false;
  }
  const quantityHundredths = parseHundredths(rawQuantity);
  if (quantityHundredths === null || quantityHundredths === 0 || quantityHundredths > MAX_QUANTITY * 100) {
    errors.push(error(line, 'parts', 'invalid_quantity', `invalid quantity "${rawQuantity}" in "${text}"; expected a number above 0 and up to ${MAX_QUANTITY} with at most two decimals`));
    valid = false;
  }
  const price = parseYuan(rawPrice);
  if (!price.ok || price.fen > MAX_UNIT_PRICE_FEN) {
    errors.push(error(line, 'parts', 'invalid_price', `invalid unit price "${rawPrice}" in "${text}"; expected yuan with at most two decimals, such as 128 or 128.50`));
    valid = false;
  }

  if (!valid || quantityHundredths === null || !price.ok) return null;
  return { partNumber, name, quantity: quantityHundredths / 100, unitPriceFen: price.fen };
}

function parseParts(line: number, value: string, errors: PricebookError[]): Part[] {
  const texts = value.split('|').map((item) => item.trim()).filter((item) => item !== '');
  if (texts.length > MAX_PARTS_COUNT) errors.push(error(line, 'parts', 'invalid_part', `${texts.length} parts listed; at most ${MAX_PARTS_COUNT} are allowed`));
  return texts.map((text) => parsePart(line, text, errors)).filter((part): part is Part => part !== null);
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** Reads the CSV text into records with their line numbers, or the syntax error csv-parse found. */
function readRecords(text: string): { ok: true; records: CsvRecord[] } | { ok: false; error: PricebookError } {
  try {
    const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as CsvRecord[];
    return { ok: true, records };
  } catch (cause) {
    const details = cause as { lines?: unknown; message?: unknown };
    const line = typeof details.lines === 'number' ? details.lines : 1;
    return { ok: false, error: error(line, null, 'csv_syntax', `invalid CSV: ${String(details.message ?? cause)}`) };
  }
}

/** Parses a price-book CSV file, checking every row; returns all rows or every error found. */
export function parsePricebookCsv(bytes: Uint8Array): PricebookParseResult {
  const decoded = decodePricebookBytes(bytes);
  if (!decoded.ok) return { ok: false, encoding: null, errors: [decoded.error] };
  const { encoding } = decoded;

  const read = readRecords(decoded.text);
  if (!read.ok) return { ok: false, encoding, errors: [read.error] };
  const [header, ...body] = read.records;
  if (!header) return { ok: false, encoding, errors: [error(1, null, 'empty_file', 'the file is empty; expected a header row and at least one item')] };
  if (body.length === 0) return { ok: false, encoding, errors: [error(header.info.lines, null, 'empty_file', 'the file has a header row but no items')] };

  const columns = parseColumns(header.record);
  if (!columns.ok) return { ok: false, encoding, errors: columns.errors };
  const { indexes } = columns;

  const errors: PricebookError[] = [];
  const rows: PricebookRow[] = [];
  const firstLineOfCode = new Map<string, number>();

  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== header.record.length) {
      errors.push(error(line, null, 'column_count', `expected ${header.record.length} columns, found ${record.length}; quote a value that contains a comma`));
      continue;
    }

    const cell = (column: PricebookColumn) => record[indexes[column]] ?? '';
    const rowErrorCount = errors.length;
    const row: PricebookRow = {
      line,
      code: parseCode(line, cell('code'), errors),
      nameZh: parseText(line, 'name_zh', cell('name_zh'), MAX_NAME_LENGTH, errors),
      nameEn: parseText(line, 'name_en', cell('name_en'), MAX_NAME_LENGTH, errors),
      laborHours: parseLaborHours(line, cell('labor_hours'), errors),
      series: parseSeries(line, cell('series'), errors),
      parts: parseParts(line, cell('parts'), errors),
    };

    const firstLine = firstLineOfCode.get(row.code.toUpperCase());
    if (row.code !== '' && firstLine !== undefined) {
      errors.push(error(line, 'code', 'duplicate_code', `code "${row.code}" already appears on line ${firstLine}; each code may appear once`));
    } else if (row.code !== '') {
      firstLineOfCode.set(row.code.toUpperCase(), line);
    }
    if (errors.length === rowErrorCount) rows.push(row);
  }

  if (errors.length > 0) return { ok: false, encoding, errors };
  return { ok: true, encoding, rows };
}

/** Formats an error as one line for the admin command: "line 7, labor_hours: invalid labor hours …". */
export function formatPricebookError(problem: PricebookError): string {
  return problem.field ? `line ${problem.line}, ${problem.field}: ${problem.message}` : `line ${problem.line}: ${problem.message}`;
}
