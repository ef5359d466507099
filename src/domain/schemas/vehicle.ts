import { z } from 'zod';
import { documentBase, idSchema, mobileSchema, plateSchema, vinSchema } from './common';

/**
 * A vehicle. `vinTail` and `customerMobile` are copies kept for the local look-up indexes
 * (plate, VIN tail, mobile) so a search among 20,000 vehicles is one index range.
 */
export const vehicleSchema = z.strictObject({
  ...documentBase,
  customerId: idSchema,
  customerMobile: mobileSchema,
  plate: plateSchema,
  vin: vinSchema,
  vinTail: z.string().length(6),
  make: z.string().trim().min(1, { message: 'make_required' }).max(40),
  model: z.string().trim().min(1, { message: 'model_required' }).max(80),
  series: z.string().max(40),
  color: z.string().max(40),
  lastMileageKm: z.number().int().min(0).max(2_000_000),
});
export type Vehicle = z.infer<typeof vehicleSchema>;
