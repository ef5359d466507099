import { z } from 'zod';
import { documentBase, fenSchema, idSchema, isoDate, isoDateTime, signatureSchema } from './common';
import { hundredthsSchema, partSchema } from './pricebook';

export const ORDER_CATEGORIES = ['maintenance', 'general_repair', 'body_paint', 'warranty', 'accident', 'internal'] as const;
export const PAYMENT_METHODS = ['cash', 'bank_card', 'wechat_pay', 'alipay', 'insurance', 'warranty'] as const;
export const REPLACED_PARTS = ['return_to_customer', 'dispose', 'keep_for_warranty'] as const;
export const ORDER_STATUSES = ['waiting', 'in_progress', 'waiting_parts', 'quality_check', 'ready', 'delivered'] as const;
export const LINE_APPROVALS = ['pending', 'approved', 'declined'] as const;
export const DECISION_CHANNELS = ['signature', 'phone'] as const;
export const DELIVERY_CHECKS = ['exterior', 'cleanliness', 'fault_fixed', 'replaced_parts', 'special_requests', 'protective_kit_removed'] as const;

/**
 * A part on an order line. Unlike the price book's parts, number and name may be empty
 * while the advisor is still typing, so a draft is always stored. The quote cannot be
 * signed until they are filled in (quoteProblems in src/domain/orderSigning.ts).
 */
export const orderPartSchema = partSchema.extend({
  partNumber: z.string().max(40),
  name: z.string().max(120),
});

/**
 * A job line of the repair order and quote: labor hours × rate plus parts, all money in fen.
 * `decidedVia` records how the customer approved or declined it: by signing on the tablet,
 * or by phone as recorded by the advisor at `decidedAt`.
 */
export const orderLineSchema = z.strictObject({
  id: idSchema,
  pricebookItemId: idSchema.nullable(),
  code: z.string().max(40),
  /** May be empty in a draft, like part names; the quote cannot be signed until it is filled in. */
  name: z.string().max(200),
  laborHours: hundredthsSchema(200),
  laborRateFen: fenSchema,
  parts: z.array(orderPartSchema).max(50),
  discountFen: fenSchema,
  free: z.boolean(),
  pendingDiagnosis: z.boolean(),
  addedDuringRepair: z.boolean(),
  approval: z.enum(LINE_APPROVALS),
  decidedVia: z.enum(DECISION_CHANNELS).nullable(),
  decidedAt: isoDateTime.nullable(),
  /** Technician's finding, for lines added during the repair. */
  note: z.string().max(500),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const statusChangeSchema = z.strictObject({
  status: z.enum(ORDER_STATUSES),
  at: isoDateTime,
  by: z.string().max(80),
});

/** The repair order (任务委托书) with its quote lines (报价单), approvals and hand-over. */
export const orderSchema = z.strictObject({
  ...documentBase,
  number: z.string().min(1).max(40),
  checkinId: idSchema,
  customerId: idSchema,
  vehicleId: idSchema,
  customerName: z.string().max(80),
  customerMobile: z.string().max(20),
  plate: z.string().max(12),
  vin: z.string().max(17),
  vehicleModel: z.string().max(120),
  mileageKm: z.number().int().min(0).max(2_000_000).nullable(),
  fuelEighths: z.number().int().min(0).max(8).nullable(),
  customerRequests: z.array(z.string().max(500)).max(50),
  category: z.enum(ORDER_CATEGORIES),
  lines: z.array(orderLineSchema).max(200),
  orderDiscountFen: fenSchema,
  promisedAt: isoDateTime.nullable(),
  replacedParts: z.enum(REPLACED_PARTS),
  paymentMethod: z.enum(PAYMENT_METHODS),
  carWash: z.boolean(),
  technician: z.string().max(80),
  advisorName: z.string().max(80),
  status: z.enum(ORDER_STATUSES),
  statusHistory: z.array(statusChangeSchema).max(200),
  quoteSignatures: z.array(signatureSchema).max(50),
  recommendedSignatures: z.array(signatureSchema).max(50),
  /** Pre-delivery checks ticked before hand-over, keyed by DELIVERY_CHECKS. */
  deliveryChecklist: z.record(z.string().max(40), z.boolean()),
  nextServiceDate: isoDate.nullable(),
  nextServiceKm: z.number().int().min(0).max(2_000_000).nullable(),
  deliveredAt: isoDateTime.nullable(),
});
export type Order = z.infer<typeof orderSchema>;

/** The customer-service call due 72 hours after delivery (回访记录). */
export const followupSchema = z.strictObject({
  ...documentBase,
  orderId: idSchema,
  customerName: z.string().max(80),
  customerMobile: z.string().max(20),
  plate: z.string().max(12),
  orderNumber: z.string().max(40),
  deliveredAt: isoDateTime,
  dueAt: isoDateTime,
  status: z.enum(['open', 'done']),
  satisfied: z.boolean().nullable(),
  note: z.string().max(2000),
  escalated: z.boolean(),
  calledAt: isoDateTime.nullable(),
});
export type Followup = z.infer<typeof followupSchema>;
