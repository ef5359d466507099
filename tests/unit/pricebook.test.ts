import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePricebookBytes, formatPricebookError, parsePricebookCsv, type PricebookError } from '../../src/domain/pricebookCsv';
import { itemAppliesToSeries, seriesFromModel, seriesKey, vehicleSeriesKey } from '../../src/domain/series';

const SAMPLE_PATH = new URL('../../seed/pricebook-bmw.csv', import.meta.url);
const HEADER = 'code,name_zh,name_en,labor_hours,series,parts';
const OIL_ROW = 'OIL-B48,更换机油及机油滤清器,Engine oil and oil filter change,0.5,3|5|X3,11428575211:机油滤清器:1:128.00|83212365946:机油 5W-30 1L:5.25:98';
const ALIGN_ROW = 'ALIGN,四轮定位,Four-wheel alignment,1.2,,';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function errorsOf(text: string): PricebookError[] {
  const result = parsePricebookCsv(utf8(text));
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
}

describe('price-book CSV', () => {
  it('sample book parses completely', () => {
    const result = parsePricebookCsv(readFileSync(SAMPLE_PATH));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.length).toBeGreaterThanOrEqual(50);
    const codes = result.rows.map((row) => row.code);
    for (const code of ['OIL-B48', 'MF-3', 'AF-B48', 'BRK-FP-X5', 'BRK-RD-5', 'BRK-FLUID', 'SPARK-B48', 'TYRE-CHG', 'ALIGN', 'BAT-80', 'WIPER-F', 'AC-SVC', 'PAINT-DOOR']) {
      expect(codes).toContain(code);
    }
  });

  it('good row becomes an item in fen and hundredths', () => {
    const result = parsePricebookCsv(utf8(`${HEADER}\n${OIL_ROW}\n${ALIGN_ROW}\n`));

    expect(result).toEqual({
      ok: true,
      encoding: 'utf-8',
      rows: [
        {
          line: 2,
          code: 'OIL-B48',
          nameZh: '更换机油及机油滤清器',
          nameEn: 'Engine oil and oil filter change',
          laborHours: 0.5,
          series: ['3', '5', 'X3'],
          parts: [
            { partNumber: '11428575211', name: '机油滤清器', quantity: 1, unitPriceFen: 12_800 },
            { partNumber: '83212365946', name: '机油 5W-30 1L', quantity: 5.25, unitPriceFen: 9_800 },
          ],
        },
        { line: 3, code: 'ALIGN', nameZh: '四轮定位', nameEn: 'Four-wheel alignment', laborHours: 1.2, series: [], parts: [] },
      ],
    });
  });

  it('UTF-8 with a BOM reads the first column name', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${HEADER}\r\n${OIL_ROW}\r\n`)]);
    const result = parsePricebookCsv(bytes);

    expect(result.ok).toBe(true);
    expect(result.encoding).toBe('utf-8-bom');
    if (result.ok) expect(result.rows[0]!.code).toBe('OIL-B48');
  });

  it('GB18030 file decodes Chinese names', () => {
    const bytes = iconv.encode(`${HEADER}\r\n${OIL_ROW}\r\n${ALIGN_ROW}\r\n`, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();

    const result = parsePricebookCsv(bytes);

    expect(result.ok).toBe(true);
    expect(result.encoding).toBe('gb18030');
    if (!result.ok) return;
    expect(result.rows[0]!.nameZh).toBe('更换机油及机油滤清器');
    expect(result.rows[0]!.parts[0]!.name).toBe('机油滤清器');
    expect(result.rows[1]!.nameZh).toBe('四轮定位');
  });

  it('GB18030 file with Chinese column names', () => {
    const bytes = iconv.encode('代码,名称,英文名称,工时,车系,配件\r\nALIGN,四轮定位,Four-wheel alignment,1.2,,\r\n', 'gb18030');
    const result = parsePricebookCsv(bytes);

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rows[0]!.laborHours).toBe(1.2);
  });

  it('UTF-16 file is rejected with advice', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(HEADER, 'utf16le')]);
    const result = parsePricebookCsv(bytes);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.code).toBe('unsupported_encoding');
  });

  it('bad rows are reported by line and field', () => {
    const errors = errorsOf([
      HEADER,
      OIL_ROW,
      'BAD-HOURS,刹车检查,Brake check,abc,,',
      ',无代码,No code,0.5,,',
      'PART-BAD,换滤芯,Filter,0.5,,11428575211:滤芯:1',
      'PRICE-BAD,换滤芯,Filter,0.5,,11428575211:滤芯:1:12.345',
      'QTY-BAD,换滤芯,Filter,0.5,,11428575211:滤芯:0:12',
      'OIL-B48,重复,Duplicate,0.5,,',
      'SHORT,少一列,Short row,0.5,',
    ].join('\n'));

    expect(errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 3, field: 'labor_hours', code: 'invalid_hours' },
      { line: 4, field: 'code', code: 'required' },
      { line: 5, field: 'parts', code: 'invalid_part' },
      { line: 6, field: 'parts', code: 'invalid_price' },
      { line: 7, field: 'parts', code: 'invalid_quantity' },
      { line: 8, field: 'code', code: 'duplicate_code' },
      { line: 9, field: null, code: 'column_count' },
    ]);
  });

  it('one bad row rejects the whole file', () => {
    const result = parsePricebookCsv(utf8(`${HEADER}\n${OIL_ROW}\n${ALIGN_ROW}\nX,名称,Name,-1,,\n`));

    expect(result.ok).toBe(false);
    expect('rows' in result).toBe(false);
  });

  it('line numbers count blank lines and quoted line breaks', () => {
    const errors = errorsOf(`${HEADER}\n\n"MULTI","多行\n名称",Multi,1,,\nLATE,迟,Late,x,,\n`);

    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(5);
  });

  it('missing column is named', () => {
    const errors = errorsOf('code,name_zh,name_en,series,parts\nALIGN,四轮定位,Alignment,,\n');

    expect(errors).toEqual([expect.objectContaining({ line: 1, field: 'labor_hours', code: 'missing_column' })]);
  });

  it('unclosed quote is a CSV syntax error', () => {
    const errors = errorsOf(`${HEADER}\nALIGN,"四轮定位,Alignment,1.2,,\n`);

    expect(errors[0]!.code).toBe('csv_syntax');
  });

  it('header without items is rejected', () => {
    expect(errorsOf(`${HEADER}\n`)[0]!.code).toBe('empty_file');
  });

  it('grouped part numbers lose their spaces', () => {
    const result = parsePricebookCsv(utf8(`${HEADER}\nOIL,机油,Oil,0.5,,11 42 8 575 211:滤芯:1:128\n`));

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rows[0]!.parts[0]!.partNumber).toBe('11428575211');
  });

  it('error message names line and field', () => {
    const [problem] = errorsOf(`${HEADER}\nBAD,刹车,Brake,abc,,\n`);

    expect(formatPricebookError(problem!)).toMatch(/^line 2, labor_hours: invalid labor hours "abc"/);
  });

  it('plain ASCII decodes as UTF-8', () => {
    const decoded = decodePricebookBytes(utf8('code\n'));

    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.encoding).toBe('utf-8');
  });
});

describe('model series', () => {
  it.each([
    ['3系', '3'],
    ['3 Series', '3'],
    ['5er', '5'],
    ['x3', 'X3'],
    ['宝马X5', 'X5'],
  ])('series key of %s is %s', (series, key) => {
    expect(seriesKey(series)).toBe(key);
  });

  it.each([
    ['530Li', '5'],
    ['BMW 325Li M运动套装', '3'],
    ['X3 xDrive28i', 'X3'],
    ['M340i', '3'],
    ['iX3', 'IX3'],
    ['MINI Cooper', ''],
  ])('series of model %s is %s', (model, key) => {
    expect(seriesFromModel(model)).toBe(key);
  });

  it('vehicle series falls back to the model', () => {
    expect(vehicleSeriesKey('', 'X5 xDrive40Li')).toBe('X5');
    expect(vehicleSeriesKey('3系', 'X5 xDrive40Li')).toBe('3');
  });

  it('item applies to its series only', () => {
    expect(itemAppliesToSeries(['3', '5', 'X3'], 'X3')).toBe(true);
    expect(itemAppliesToSeries(['3', '5', 'X3'], 'X5')).toBe(false);
    expect(itemAppliesToSeries([], 'X5')).toBe(true);
    expect(itemAppliesToSeries(['X5'], '')).toBe(true);
  });
});
