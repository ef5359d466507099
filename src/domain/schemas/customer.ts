import { z } from 'zod';
import { documentBase, mobileSchema } from './common';

/** A customer (客户/车主) of the dealership. */
export const customerSchema = z.strictObject({
  ...documentBase,
  name: z.string().trim().min(1, { message: 'customer_name_required' }).max(80),
  mobile: mobileSchema,
  note: z.string().max(1000),
});
export type Customer = z.infer<typeof customerSchema>;
