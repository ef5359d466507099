import { z } from 'zod';
import { documentBase, fenSchema } from './common';

/**
 * Labor hours or a part quantity: at most two decimals, because the order totals count
 * them in exact hundredths (see src/domain/totals.ts).
 */
export function hundredthsSchema(max: number) {
  return z.number().min(0, { message: 'number_negative' }).max(max, { message: 'number_too_large' })
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, { message: 'at_most_two_decimals' });
}

/** A part of a price-book item or an order line, priced per unit in fen. */
export const partSchema = z.strictObject({
  partNumber: z.string().min(1).max(40),
  name: z.string().min(1).max(120),
  quantity: hundredthsSchema(1000).refine((value) => value > 0, { message: 'quantity_zero' }),
  unitPriceFen: fenSchema,
});
export type Part = z.infer<typeof partSchema>;

/** One item of the labor-hour price book (工时价目手册). Written only by the admin import; tablets read it. */
export const pricebookItemSchema = z.strictObject({
  ...documentBase,
  code: z.string().min(1).max(40),
  nameZh: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(120),
  laborHours: hundredthsSchema(200),
  /** Model series the item applies to (for example 3, 5, X3, X5); empty means every series. */
  series: z.array(z.string().min(1).max(40)).max(50),
  parts: z.array(partSchema).max(50),
});
export type PricebookItem = z.infer<typeof pricebookItemSchema>;

/** Dealer-wide settings replicated read-only to the tablets; one document whose id is the dealer id. */
export const settingsSchema = z.strictObject({
  ...documentBase,
  dealerName: z.string().min(1).max(120),
  laborRateFen: fenSchema,
});
export type Settings = z.infer<typeof settingsSchema>;
