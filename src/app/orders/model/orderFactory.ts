import { v7 as uuidv7 } from 'uuid';
import type { Checkin } from '../../../domain/schemas/checkin';
import type { Followup, Order, OrderLine } from '../../../domain/schemas/order';
import type { PricebookItem } from '../../../domain/schemas/pricebook';

/** Hours between delivery and the customer-service call (回访): within 72 hours of every repair. */
export const FOLLOWUP_DELAY_HOURS = 72;
/** Default interval to the next service: BMW Condition Based Service in China, about 10,000 km or a year. */
export const NEXT_SERVICE_KM = 10_000;
export const NEXT_SERVICE_MONTHS = 12;

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Returns the Asia/Shanghai calendar date of an instant as 2026-12-04. */
export function shanghaiDate(at: Date): string {
  return SHANGHAI_DATE.format(at);
}

/**
 * Builds an order number such as WT20261204-3F9A (委托) from the Shanghai date and the last
 * four hex digits of the id, like the check-in sheet's number. The id stays the key.
 */
export function orderNumber(id: string, now: Date): string {
  const suffix = id.replaceAll('-', '').slice(-4).toUpperCase();
  return `WT${shanghaiDate(now).replaceAll('-', '')}-${suffix}`;
}

export interface OrderAuthor {
  dealerId: string;
  user: string;
  advisorName: string;
  now: Date;
}

/** Opens a repair order from a signed check-in, carrying customer, vehicle, mileage, fuel and requests. */
export function newOrderFromCheckin(checkin: Checkin, author: OrderAuthor): Order {
  const id = uuidv7();
  const at = author.now.toISOString();
  return {
    id,
    dealerId: author.dealerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: author.user,
    mergeConflicts: [],
    number: orderNumber(id, author.now),
    checkinId: checkin.id,
    customerId: checkin.customerId,
    vehicleId: checkin.vehicleId,
    customerName: checkin.customerName,
    customerMobile: checkin.customerMobile,
    plate: checkin.plate,
    vin: checkin.vin,
    vehicleModel: checkin.vehicleModel,
    mileageKm: checkin.mileageKm,
    fuelEighths: checkin.fuelEighths,
    customerRequests: [...checkin.customerRequests],
    category: 'maintenance',
    lines: [],
    orderDiscountFen: 0,
    promisedAt: null,
    replacedParts: 'return_to_customer',
    paymentMethod: 'wechat_pay',
    carWash: true,
    technician: '',
    advisorName: author.advisorName,
    status: 'waiting',
    statusHistory: [{ status: 'waiting', at, by: author.user }],
    quoteSignatures: [],
    recommendedSignatures: [],
    deliveryChecklist: {},
    nextServiceDate: null,
    nextServiceKm: null,
    deliveredAt: null,
  };
}

export interface NewLineOptions {
  laborRateFen: number;
  addedDuringRepair: boolean;
  pendingDiagnosis?: boolean;
  name?: string;
}

/** Creates a line typed freely by the advisor, or a line pending diagnosis (待检测) without a price. */
export function newLine(options: NewLineOptions): OrderLine {
  return {
    id: uuidv7(),
    pricebookItemId: null,
    code: '',
    name: options.name ?? '',
    laborHours: 0,
    laborRateFen: options.laborRateFen,
    parts: [],
    discountFen: 0,
    free: false,
    pendingDiagnosis: options.pendingDiagnosis ?? false,
    addedDuringRepair: options.addedDuringRepair,
    approval: 'pending',
    decidedVia: null,
    decidedAt: null,
    note: '',
  };
}

/** Creates a line from a price-book item: its code, Chinese name, labor hours and parts kit. */
export function lineFromPricebook(item: PricebookItem, options: Omit<NewLineOptions, 'name'>): OrderLine {
  return {
    ...newLine(options),
    pricebookItemId: item.id,
    code: item.code,
    name: item.nameZh,
    laborHours: item.laborHours,
    parts: item.parts.map((part) => ({ ...part })),
  };
}

/** Adds months to a calendar date (2026-12-04), clamping to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** Creates the customer-service call due FOLLOWUP_DELAY_HOURS after delivery. */
export function newFollowup(order: Order, deliveredAt: Date, author: Pick<OrderAuthor, 'dealerId' | 'user'>): Followup {
  const at = deliveredAt.toISOString();
  return {
    id: uuidv7(),
    dealerId: author.dealerId,
    createdAt: at,
    updatedAt: at,
    updatedBy: author.user,
    mergeConflicts: [],
    orderId: order.id,
    orderNumber: order.number,
    customerName: order.customerName,
    customerMobile: order.customerMobile,
    plate: order.plate,
    deliveredAt: at,
    dueAt: new Date(deliveredAt.getTime() + FOLLOWUP_DELAY_HOURS * 60 * 60 * 1000).toISOString(),
    status: 'open',
    satisfied: null,
    note: '',
    escalated: false,
    calledAt: null,
  };
}
