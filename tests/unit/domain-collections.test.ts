import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES, isCollectionName, toRxJsonSchema } from '../../src/domain/collections';

type PropertySchema = { type?: string; maxLength?: number; minimum?: number; maximum?: number };
type RxSchema = {
  primaryKey: string;
  version: number;
  required: string[];
  indexes: string[];
  properties: Record<string, PropertySchema>;
};

function rxSchema(name: (typeof COLLECTION_NAMES)[number]): RxSchema {
  return toRxJsonSchema(name) as RxSchema;
}

function findKeyword(node: unknown, keyword: string): boolean {
  if (Array.isArray(node)) return node.some((item) => findKeyword(item, keyword));
  if (node === null || typeof node !== 'object') return false;
  return Object.entries(node).some(([key, value]) => key === keyword || findKeyword(value, keyword));
}

describe('toRxJsonSchema', () => {
  it.each(COLLECTION_NAMES)('gives %s the id as primary key with a maximum length', (name) => {
    const schema = rxSchema(name);

    expect(schema.primaryKey).toBe('id');
    expect(schema.properties.id?.type).toBe('string');
    expect(schema.properties.id?.maxLength).toBeGreaterThan(0);
    expect(schema.required).toContain('id');
  });

  it.each(COLLECTION_NAMES)('declares every index of %s as a required property', (name) => {
    const schema = rxSchema(name);

    expect(schema.indexes).toEqual([...COLLECTIONS[name].indexes]);
    for (const field of schema.indexes) {
      expect(schema.properties[field], `index ${field}`).toBeDefined();
      expect(schema.required, `index ${field}`).toContain(field);
    }
  });

  it.each(COLLECTION_NAMES)('bounds every indexed string of %s with maxLength', (name) => {
    const schema = rxSchema(name);

    for (const field of schema.indexes) {
      const property = schema.properties[field];
      if (property?.type === 'string') expect(property.maxLength, `index ${field}`).toBeGreaterThan(0);
    }
  });

  it.each(COLLECTION_NAMES)('has exactly the fields of the zod schema of %s', (name) => {
    const zodFields = Object.keys(COLLECTIONS[name].schema.shape).sort();

    expect(Object.keys(rxSchema(name).properties).sort()).toEqual(zodFields);
  });

  it.each(COLLECTION_NAMES)('carries no pattern or format keyword for %s', (name) => {
    const schema = rxSchema(name);

    expect(findKeyword(schema.properties, 'pattern')).toBe(false);
    expect(findKeyword(schema.properties, 'format')).toBe(false);
  });

  it.each(COLLECTION_NAMES)('passes the RxDB dev-mode schema check for %s', (name) => {
    expect(() => checkSchema(toRxJsonSchema(name) as never)).not.toThrow();
  });

  it('indexes vehicles by plate, VIN tail and customer mobile for the look-up', () => {
    const schema = rxSchema('vehicles');

    expect(schema.indexes).toEqual(expect.arrayContaining(['plate', 'vinTail', 'customerMobile']));
    expect(schema.properties.vinTail?.maxLength).toBe(6);
  });

  it('returns a fresh schema on each call, so RxDB may change it', () => {
    const first = rxSchema('vehicles');
    first.properties.plate!.maxLength = 1;

    expect(rxSchema('vehicles').properties.plate?.maxLength).toBe(12);
  });
});

describe('isCollectionName', () => {
  it.each(COLLECTION_NAMES)('accepts %s', (name) => {
    expect(isCollectionName(name)).toBe(true);
  });

  it.each(['users', 'toString', '__proto__', 'Vehicles', ''])('rejects %j', (name) => {
    expect(isCollectionName(name)).toBe(false);
  });
});
