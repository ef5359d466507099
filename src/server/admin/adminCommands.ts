import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fenSchema } from '../../domain/schemas/common';
import { settingsSchema } from '../../domain/schemas/pricebook';
import { findPasswordWeakness, hashPassword } from '../auth/passwords';
import { importPriceBook, PricebookImportError, type PricebookImportResult } from '../pricebook/import';
import { isUserRole, StoreError, USER_ROLES, type Dealer, type Store, type User } from '../store/store';

/** Labor rate of a new dealer when --labor-rate-fen is not given: ¥380 an hour. */
export const DEFAULT_LABOR_RATE_FEN = 38_000;
/** `updatedBy` of the settings document the admin command writes. */
export const ADMIN_AUTHOR = 'admin';

const DEALER_CODE = /^[A-Z0-9][A-Z0-9_-]{1,19}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** A failed admin command; `usage` marks bad input (exit code 2) as opposed to a refused action (exit code 1). */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

/** Normalizes and checks a dealer code: upper case, 2 to 20 letters, digits, `-` or `_`. */
export function parseDealerCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!DEALER_CODE.test(code)) {
    throw new AdminError(`Invalid dealer code "${raw}": expected 2 to 20 letters, digits, "-" or "_", starting with a letter or digit.`, true);
  }
  return code;
}

async function findDealer(store: Store, rawCode: string): Promise<Dealer> {
  const code = parseDealerCode(rawCode);
  const dealer = await store.getDealerByCode(code);
  if (!dealer) throw new AdminError(`Dealer ${code} not found: create it first with create-dealer --code ${code} --name "…".`);
  return dealer;
}

// Digits only: Number() would read "" and "  " as 0, and accept "0x10" and "1e4".
const WHOLE_NUMBER = /^[0-9]+$/;

/** Parses --labor-rate-fen: a whole number of fen per hour in the range of a money amount; the default when absent. */
export function parseLaborRateFen(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LABOR_RATE_FEN;
  const text = raw.trim();
  const value = WHOLE_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!fenSchema.safeParse(value).success) {
    throw new AdminError(`Invalid --labor-rate-fen "${raw}": expected a whole number of fen per hour, for example 38000 for ¥380.`, true);
  }
  return value;
}

/** Creates a dealer and its settings document (name and labor rate), which the tablets replicate read-only. */
export async function createDealer(store: Store, input: { code: string; name: string; laborRateFen?: string | undefined }): Promise<Dealer> {
  const code = parseDealerCode(input.code);
  const name = input.name.trim();
  if (name === '' || name.length > 120) throw new AdminError(`Invalid dealer name "${input.name}": expected 1 to 120 characters.`, true);
  const laborRate = parseLaborRateFen(input.laborRateFen);

  let dealer: Dealer;
  try {
    dealer = await store.createDealer({ code, name });
  } catch (error) {
    if (error instanceof StoreError && error.code === 'dealer_code_taken') throw new AdminError(`Dealer code ${code} is already in use.`);
    throw error;
  }

  const now = new Date().toISOString();
  const settings = settingsSchema.parse({
    id: dealer.id,
    dealerId: dealer.id,
    createdAt: now,
    updatedAt: now,
    updatedBy: ADMIN_AUTHOR,
    mergeConflicts: [],
    dealerName: name,
    laborRateFen: laborRate,
  });
  await store.writeServerDocuments(dealer.id, 'settings', [settings]);
  return dealer;
}

const displayNameSchema = z.string().trim().min(1).max(80);

/** Creates a user of a dealer after checking the username, role and password strength. */
export async function createUser(
  store: Store,
  input: { dealer: string; username: string; password: string | undefined; role: string; displayName?: string | undefined },
): Promise<User> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AdminError(`Invalid username "${input.username}": expected 2 to 40 lowercase letters, digits, ".", "-" or "_".`, true);
  }
  if (!isUserRole(input.role)) throw new AdminError(`Invalid role "${input.role}": expected one of ${USER_ROLES.join(', ')}.`, true);
  if (input.password === undefined || input.password === '') throw new AdminError('Missing --password: give the user an initial password.', true);
  const weakness = findPasswordWeakness(input.password, username);
  if (weakness) throw new AdminError(`Password rejected: ${weakness}.`, true);
  const displayName = displayNameSchema.safeParse(input.displayName ?? username);
  if (!displayName.success) throw new AdminError(`Invalid --display-name "${input.displayName}": expected 1 to 80 characters.`, true);

  const dealer = await findDealer(store, input.dealer);
  const passwordHash = await hashPassword(input.password);
  try {
    return await store.createUser({ dealerId: dealer.id, username, displayName: displayName.data, role: input.role, passwordHash });
  } catch (error) {
    if (error instanceof StoreError && error.code === 'username_taken') throw new AdminError(`User ${username} already exists at dealer ${dealer.code}.`);
    throw error;
  }
}

/** Replaces a dealer's price book with the items of a CSV file; a file with a bad row changes nothing. */
export async function importPriceBookFile(store: Store, input: { dealer: string; file: string }): Promise<PricebookImportResult> {
  const dealer = await findDealer(store, input.dealer);
  let bytes: Buffer;
  try {
    bytes = await readFile(input.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AdminError(`Cannot read price book file ${input.file}: ${reason}`);
  }

  try {
    return await importPriceBook(store, dealer.id, bytes);
  } catch (error) {
    if (error instanceof PricebookImportError) throw new AdminError(error.message);
    throw error;
  }
}
