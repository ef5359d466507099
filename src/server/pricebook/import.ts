import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../../domain/canonical';
import { formatPricebookError, parsePricebookCsv, type PricebookError, type PricebookRow, type SourceEncoding } from '../../domain/pricebookCsv';
import { pricebookItemSchema, type PricebookItem } from '../../domain/schemas/pricebook';
import type { Store, StoredDocument } from '../store/store';

const COLLECTION = 'pricebook';
const PULL_PAGE_SIZE = 500;
/** `updatedBy` of documents the import writes; tablets show it as the author of a price-book change. */
export const PRICEBOOK_IMPORT_AUTHOR = 'price-book import';

/** A price-book file the import rejected, with every bad row; nothing was written. */
export class PricebookImportError extends Error {
  constructor(readonly errors: readonly PricebookError[]) {
    super(`price book rejected, ${errors.length} error(s):\n${errors.map(formatPricebookError).join('\n')}`);
    this.name = 'PricebookImportError';
  }
}

export interface PricebookImportResult {
  /** Items in the book after the import. */
  items: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Items of the previous book missing from the file, now soft-deleted. */
  removed: number;
  encoding: SourceEncoding;
}

/** Reads every stored price-book document of a dealer, deleted ones included. */
async function loadCurrentBook(store: Store, dealerId: string): Promise<StoredDocument[]> {
  const documents: StoredDocument[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await store.pullDocuments(dealerId, COLLECTION, afterSeq, PULL_PAGE_SIZE);
    documents.push(...page);
    if (page.length < PULL_PAGE_SIZE) return documents;
    afterSeq = page.at(-1)!.seq;
  }
}

function itemContent(item: Record<string, unknown>): string {
  const { code, nameZh, nameEn, laborHours, series, parts } = item;
  return canonicalJson({ code, nameZh, nameEn, laborHours, series, parts });
}

function toItem(row: PricebookRow, dealerId: string, existing: StoredDocument | undefined, now: string): PricebookItem {
  return pricebookItemSchema.parse({
    id: existing?.id ?? uuidv7(),
    dealerId,
    createdAt: typeof existing?.data.createdAt === 'string' ? existing.data.createdAt : now,
    updatedAt: now,
    updatedBy: PRICEBOOK_IMPORT_AUTHOR,
    mergeConflicts: [],
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    laborHours: row.laborHours,
    series: row.series,
    parts: row.parts,
  });
}

/**
 * Replaces a dealer's price book with the items of a CSV file (UTF-8 with or without a BOM,
 * or GB18030). An item keeps its document id by code, so tablets update it in place; items
 * missing from the file are soft-deleted. Everything is written in one transaction, and a
 * file with any bad row writes nothing and throws PricebookImportError. The dealer's labor
 * rate (the settings document) is not touched.
 */
export async function importPriceBook(store: Store, dealerId: string, bytes: Uint8Array): Promise<PricebookImportResult> {
  const parsed = parsePricebookCsv(bytes);
  if (!parsed.ok) throw new PricebookImportError(parsed.errors);

  // NOTE: the current book is read outside the write transaction. Two imports for one
  // dealer at the same moment could both create an item, so run imports one at a time.
  const current = await loadCurrentBook(store, dealerId);
  const currentByCode = new Map<string, StoredDocument>();
  for (const document of current) currentByCode.set(String(document.data.code).toUpperCase(), document);

  const now = new Date().toISOString();
  const docs: Array<Record<string, unknown>> = [];
  const result: PricebookImportResult = { items: parsed.rows.length, created: 0, updated: 0, unchanged: 0, removed: 0, encoding: parsed.encoding };

  for (const row of parsed.rows) {
    const key = row.code.toUpperCase();
    const existing = currentByCode.get(key);
    currentByCode.delete(key);
    const item = toItem(row, dealerId, existing, now);

    if (existing && !existing.deleted && itemContent(existing.data) === itemContent(item)) {
      result.unchanged += 1;
      continue;
    }
    if (existing && !existing.deleted) result.updated += 1;
    else result.created += 1;
    docs.push(item);
  }

  for (const leftover of currentByCode.values()) {
    if (leftover.deleted) continue;
    docs.push({ ...leftover.data, updatedAt: now, updatedBy: PRICEBOOK_IMPORT_AUTHOR, _deleted: true });
    result.removed += 1;
  }

  if (docs.length > 0) await store.writeServerDocuments(dealerId, COLLECTION, docs);
  return result;
}
