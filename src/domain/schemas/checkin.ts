import { z } from 'zod';
import { blobRefSchema, documentBase, idSchema, signatureSchema } from './common';

export const DIAGRAM_VIEWS = ['top', 'front', 'rear', 'left', 'right'] as const;
export const DAMAGE_KINDS = ['scratch', 'dent', 'crack', 'stone_chip', 'broken', 'other'] as const;
export const WARNING_LIGHTS = [
  'engine', 'oil_pressure', 'battery', 'brake', 'abs', 'airbag', 'tyre_pressure', 'coolant_temperature', 'esp', 'service_due',
] as const;
export const FUEL_EIGHTHS_MAX = 8;

/** A damage mark on the vehicle diagram; x and y are fractions (0..1) of the view's drawing. */
export const damageMarkSchema = z.strictObject({
  id: idSchema,
  number: z.number().int().min(1).max(999),
  view: z.enum(DIAGRAM_VIEWS),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  kind: z.enum(DAMAGE_KINDS),
  note: z.string().max(500),
  photos: z.array(blobRefSchema).max(20),
});
export type DamageMark = z.infer<typeof damageMarkSchema>;

export const protectiveKitSchema = z.strictObject({
  seatCover: z.boolean(),
  steeringWheelCover: z.boolean(),
  floorMat: z.boolean(),
  gearLeverCover: z.boolean(),
});

/** The check-in sheet (接车单) recorded on the walkaround and signed by the customer. */
export const checkinSchema = z.strictObject({
  ...documentBase,
  number: z.string().min(1).max(40),
  customerId: idSchema,
  vehicleId: idSchema,
  customerName: z.string().max(80),
  customerMobile: z.string().max(20),
  plate: z.string().max(12),
  vin: z.string().max(17),
  vehicleModel: z.string().max(120),
  mileageKm: z.number({ message: 'mileage_required' }).int({ message: 'mileage_integer' }).min(0, { message: 'mileage_range' }).max(2_000_000, { message: 'mileage_range' }).nullable(),
  fuelEighths: z.number().int().min(0).max(FUEL_EIGHTHS_MAX).nullable(),
  protectiveKit: protectiveKitSchema,
  valuablesReminded: z.boolean(),
  itemsLeftInCar: z.string().max(1000),
  warningLights: z.array(z.enum(WARNING_LIGHTS)).max(WARNING_LIGHTS.length),
  customerRequests: z.array(z.string().max(500)).max(50),
  offeredServices: z.array(z.string().max(200)).max(50),
  damageMarks: z.array(damageMarkSchema).max(200),
  photos: z.array(blobRefSchema).max(50),
  signatures: z.array(signatureSchema).max(50),
  advisorName: z.string().max(80),
  orderId: idSchema.nullable(),
});
export type Checkin = z.infer<typeof checkinSchema>;

export { CHECKIN_UNSIGNED_FIELDS } from '../checkinSigning';
