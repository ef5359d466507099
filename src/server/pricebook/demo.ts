import { readFile } from 'node:fs/promises';
import { settingsSchema } from '../../domain/schemas/pricebook';
import type { Store } from '../store/store';
import { importPriceBook, PRICEBOOK_IMPORT_AUTHOR, type PricebookImportResult } from './import';

/** The sample BMW price book (3 Series, 5 Series, X3, X5) shipped with the product; its prices are illustrative. */
export const SAMPLE_PRICEBOOK_URL = new URL('../../../seed/pricebook-bmw.csv', import.meta.url);

/** Labor rate of the demo dealership: ¥380 an hour. */
export const DEMO_LABOR_RATE_FEN = 38_000;

/**
 * Loads the sample price book into a dealer and, when the dealer has no settings document
 * yet, writes one with its name and the demo labor rate. Running it again changes nothing.
 */
export async function seedDemoPricebook(store: Store, dealerId: string): Promise<PricebookImportResult> {
  const dealer = await store.getDealerById(dealerId);
  if (!dealer) throw new Error(`seedDemoPricebook: dealer ${dealerId} not found`);

  const result = await importPriceBook(store, dealerId, await readFile(SAMPLE_PRICEBOOK_URL));

  const existingSettings = await store.pullDocuments(dealerId, 'settings', 0, 1);
  if (existingSettings.length === 0) {
    const now = new Date().toISOString();
    const settings = settingsSchema.parse({
      id: dealerId,
      dealerId,
      createdAt: now,
      updatedAt: now,
      updatedBy: PRICEBOOK_IMPORT_AUTHOR,
      mergeConflicts: [],
      dealerName: dealer.name,
      laborRateFen: DEMO_LABOR_RATE_FEN,
    });
    await store.writeServerDocuments(dealerId, 'settings', [settings]);
  }
  return result;
}
