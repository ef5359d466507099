/**
 * Fields of a check-in sheet that a customer signature does not cover: bookkeeping, the link
 * to the repair order and the signatures themselves. Kept apart from the zod schema so the
 * check-in list can show signing states without loading zod.
 */
export const CHECKIN_UNSIGNED_FIELDS = ['signatures', 'updatedAt', 'updatedBy', 'mergeConflicts', 'orderId', '_deleted'] as const;
