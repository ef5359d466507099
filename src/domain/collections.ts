import { z } from 'zod';
import { checkinSchema } from './schemas/checkin';
import { customerSchema } from './schemas/customer';
import { followupSchema, orderSchema } from './schemas/order';
import { pricebookItemSchema, settingsSchema } from './schemas/pricebook';
import { vehicleSchema } from './schemas/vehicle';

/**
 * The replicated collections. Each entry is the single source of a document's shape: the
 * tablet's RxDB schema is generated from it, forms validate with it, and the server parses
 * every pushed row with it. `tabletWritable: false` collections are written only by the
 * admin command and replicate to the tablets read-only.
 */
export const COLLECTIONS = {
  customers: { schema: customerSchema, version: 0, indexes: ['mobile', 'updatedAt'], tabletWritable: true },
  vehicles: { schema: vehicleSchema, version: 0, indexes: ['plate', 'vinTail', 'customerMobile', 'customerId'], tabletWritable: true },
  checkins: { schema: checkinSchema, version: 0, indexes: ['createdAt', 'vehicleId'], tabletWritable: true },
  orders: { schema: orderSchema, version: 0, indexes: ['createdAt', 'status', 'checkinId', 'vehicleId'], tabletWritable: true },
  followups: { schema: followupSchema, version: 0, indexes: ['dueAt', 'orderId'], tabletWritable: true },
  pricebook: { schema: pricebookItemSchema, version: 0, indexes: ['code'], tabletWritable: false },
  settings: { schema: settingsSchema, version: 0, indexes: [], tabletWritable: false },
} as const satisfies Record<string, CollectionDefinition>;

export interface CollectionDefinition {
  schema: z.ZodObject;
  version: number;
  indexes: readonly string[];
  tabletWritable: boolean;
}

export type CollectionName = keyof typeof COLLECTIONS;
export type DocumentOf<C extends CollectionName> = z.infer<(typeof COLLECTIONS)[C]['schema']>;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}

// RxDB needs a maximum length on the primary key and on every indexed string field.
const INDEXED_STRING_MAX_LENGTH = 64;

type JsonSchemaObject = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

/**
 * Removes `pattern` and `format` at every level: zod validates every write, and RxDB only
 * needs the shape and the index bounds (its own ajv validator would cost 40 KB gzip).
 */
function stripValidationKeywords(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(stripValidationKeywords);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  delete record.pattern;
  delete record.format;
  delete record.$schema;
  Object.values(record).forEach(stripValidationKeywords);
}

/** Generates the RxDB JSON schema of a collection from its zod schema. */
export function toRxJsonSchema(name: CollectionName): Record<string, unknown> {
  const definition: CollectionDefinition = COLLECTIONS[name];
  const generated = z.toJSONSchema(definition.schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as JsonSchemaObject;
  stripValidationKeywords(generated);
  const properties = { ...(generated.properties ?? {}) };

  for (const field of ['id', ...definition.indexes]) {
    const property = { ...(properties[field] ?? {}) };
    if (property.type === 'string' && property.maxLength === undefined) property.maxLength = INDEXED_STRING_MAX_LENGTH;
    properties[field] = property;
  }

  return {
    title: name,
    version: definition.version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: generated.required ?? ['id'],
    indexes: [...definition.indexes],
  };
}
