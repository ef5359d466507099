import { z } from 'zod';
import { documentBase, fenSchema } from './common';

export const partSchema = z.strictObject({
  partNumber: z.string().min(1).max(40),
  name: z.string().min(1).max(120),
  quantity: z.number().positive().max(1000),
  unitPriceFen: fenSchema,
});
export type Part = z.infer<typeof partSchema>;

/** One item of the labor-hour price book (工时价目手册). Written only by the admin import; tablets read it. */
export const pricebookItemSchema = z.strictObject({
  ...documentBase,
  code: z.string().min(1).max(40),
  nameZh: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(120),
  laborHours: z.number().min(0).max(200),
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
