import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pricebookItemSchema, settingsSchema } from '../../src/domain/schemas/pricebook';
import { DEMO_LABOR_RATE_FEN, seedDemoPricebook } from '../../src/server/pricebook/demo';
import { importPriceBook, PricebookImportError } from '../../src/server/pricebook/import';
import { openStore, type Store, type StoredDocument } from '../../src/server/store/store';

const HEADER = 'code,name_zh,name_en,labor_hours,series,parts';
const OIL_ROW = 'OIL-B48,更换机油及机油滤清器,Engine oil and oil filter change,0.5,3|5|X3,11428575211:机油滤清器:1:128.00';
const ALIGN_ROW = 'ALIGN,四轮定位,Four-wheel alignment,1.2,,';
const WIPER_ROW = 'WIPER-F,更换前雨刮片,Front wiper blades,0.2,,61615A07CF4:前雨刮片套件:1:468.00';

function csv(...rows: string[]): Uint8Array {
  return new TextEncoder().encode([HEADER, ...rows].join('\n'));
}

async function pullAll(store: Store, dealerId: string, collection: string): Promise<StoredDocument[]> {
  return store.pullDocuments(dealerId, collection, 0, 10_000);
}

describe('price-book import', () => {
  let dataDir: string;
  let store: Store;
  let dealerId: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pricebook-import-'));
    store = await openStore({ dataDir });
    dealerId = (await store.createDealer({ code: 'D01', name: '宝马演示4S店' })).id;
  });

  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes every item as a valid document', async () => {
    const result = await importPriceBook(store, dealerId, csv(OIL_ROW, ALIGN_ROW));

    expect(result).toMatchObject({ items: 2, created: 2, updated: 0, removed: 0, encoding: 'utf-8' });
    const stored = await pullAll(store, dealerId, 'pricebook');
    expect(stored).toHaveLength(2);
    for (const document of stored) expect(pricebookItemSchema.safeParse(document.data).success).toBe(true);
    expect(stored.find((document) => document.data.code === 'OIL-B48')?.data.parts).toEqual([
      { partNumber: '11428575211', name: '机油滤清器', quantity: 1, unitPriceFen: 12_800 },
    ]);
  });

  it('imports a GB18030 file', async () => {
    const bytes = iconv.encode([HEADER, OIL_ROW, ALIGN_ROW].join('\r\n'), 'gb18030');

    const result = await importPriceBook(store, dealerId, bytes);

    expect(result.encoding).toBe('gb18030');
    const names = (await pullAll(store, dealerId, 'pricebook')).map((document) => document.data.nameZh).sort();
    expect(names).toEqual(['四轮定位', '更换机油及机油滤清器']);
  });

  it('bad file writes nothing', async () => {
    await importPriceBook(store, dealerId, csv(OIL_ROW));
    const seqBefore = await store.latestSeq(dealerId, 'pricebook');

    const attempt = importPriceBook(store, dealerId, csv(ALIGN_ROW, 'BAD,刹车,Brake,abc,,', WIPER_ROW));

    await expect(attempt).rejects.toBeInstanceOf(PricebookImportError);
    await expect(attempt).rejects.toThrow(/line 3, labor_hours/);
    expect(await store.latestSeq(dealerId, 'pricebook')).toBe(seqBefore);
    expect((await pullAll(store, dealerId, 'pricebook')).map((document) => document.data.code)).toEqual(['OIL-B48']);
  });

  it('same file again writes nothing', async () => {
    await importPriceBook(store, dealerId, csv(OIL_ROW, ALIGN_ROW));
    const seqBefore = await store.latestSeq(dealerId, 'pricebook');

    const result = await importPriceBook(store, dealerId, csv(OIL_ROW, ALIGN_ROW));

    expect(result).toMatchObject({ items: 2, created: 0, updated: 0, unchanged: 2, removed: 0 });
    expect(await store.latestSeq(dealerId, 'pricebook')).toBe(seqBefore);
  });

  it('new book keeps ids by code and removes missing items', async () => {
    await importPriceBook(store, dealerId, csv(OIL_ROW, ALIGN_ROW));
    const before = await pullAll(store, dealerId, 'pricebook');
    const oilId = before.find((document) => document.data.code === 'OIL-B48')!.id;

    const result = await importPriceBook(store, dealerId, csv(OIL_ROW.replace('0.5', '0.6'), WIPER_ROW));

    expect(result).toMatchObject({ items: 2, created: 1, updated: 1, removed: 1 });
    const after = await pullAll(store, dealerId, 'pricebook');
    const oil = after.find((document) => document.data.code === 'OIL-B48')!;
    expect(oil.id).toBe(oilId);
    expect(oil.data.laborHours).toBe(0.6);
    expect(after.find((document) => document.data.code === 'ALIGN')!.deleted).toBe(true);
    expect(after.find((document) => document.data.code === 'WIPER-F')!.deleted).toBe(false);
  });

  it('removed item comes back with its id', async () => {
    await importPriceBook(store, dealerId, csv(OIL_ROW, ALIGN_ROW));
    const alignId = (await pullAll(store, dealerId, 'pricebook')).find((document) => document.data.code === 'ALIGN')!.id;
    await importPriceBook(store, dealerId, csv(OIL_ROW));

    const result = await importPriceBook(store, dealerId, csv(OIL_ROW, ALIGN_ROW));

    expect(result.created).toBe(1);
    const align = (await pullAll(store, dealerId, 'pricebook')).find((document) => document.data.code === 'ALIGN')!;
    expect(align.id).toBe(alignId);
    expect(align.deleted).toBe(false);
  });

  it('import leaves the labor rate alone', async () => {
    await seedDemoPricebook(store, dealerId);
    const settingsBefore = await pullAll(store, dealerId, 'settings');

    await importPriceBook(store, dealerId, csv(OIL_ROW));

    expect(await pullAll(store, dealerId, 'settings')).toEqual(settingsBefore);
  });

  it('demo seed loads the sample book and labor rate', async () => {
    const sampleLines = readFileSync(new URL('../../seed/pricebook-bmw.csv', import.meta.url), 'utf8').trim().split('\n').length - 1;

    const result = await seedDemoPricebook(store, dealerId);

    expect(result.items).toBe(sampleLines);
    expect(await pullAll(store, dealerId, 'pricebook')).toHaveLength(sampleLines);
    const [settings] = await pullAll(store, dealerId, 'settings');
    expect(settingsSchema.parse(settings!.data)).toMatchObject({ id: dealerId, dealerName: '宝马演示4S店', laborRateFen: DEMO_LABOR_RATE_FEN });
  });

  it('demo seed twice changes nothing', async () => {
    await seedDemoPricebook(store, dealerId);
    const seqs = [await store.latestSeq(dealerId, 'pricebook'), await store.latestSeq(dealerId, 'settings')];

    await seedDemoPricebook(store, dealerId);

    expect([await store.latestSeq(dealerId, 'pricebook'), await store.latestSeq(dealerId, 'settings')]).toEqual(seqs);
  });
});
