import fastJson from 'fast-json-stringify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { Money, Nullable } from './schemas.js';
import { serializerSchema } from './serializer-schema.js';

const literals = (values: string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Item = Type.Object({
  capital: Nullable(Money),
  segment: Nullable(literals(['key', 'smb'])),
  type: literals(['call', 'visit']),
  tags: Nullable(Type.Array(Type.String())),
  either: Type.Union([Type.Object({ a: Type.String() }), Type.Object({ b: Type.Integer() })]),
});
const Page = Type.Object({ data: Type.Array(Item), nextCursor: Nullable(Type.String()) });

describe('serializerSchema', () => {
  it('writes nullable types and literal unions as type lists, leaving other unions and the original schema alone', () => {
    const before = JSON.stringify(Page);
    type Shape = { properties: { data: { items: { properties: Record<string, Record<string, unknown>> } } } };
    const { capital, segment, type, tags, either } = (serializerSchema(Page) as Shape).properties.data.items.properties;
    expect(capital).toMatchObject({ type: ['object', 'null'], properties: { amount: { type: 'string' }, currency: { type: 'string' } } });
    expect(capital.anyOf).toBeUndefined();
    expect(segment).toEqual({ type: ['string', 'null'] });
    expect(type).toEqual({ type: 'string' });
    expect(tags).toMatchObject({ type: ['array', 'null'], items: { type: 'string' } });
    expect(either.anyOf).toHaveLength(2);
    expect(JSON.stringify(Page)).toBe(before);
  });

  it('serialises values and nulls as the union schema did', () => {
    const viaUnions = fastJson(Page as never);
    const viaTypes = fastJson(serializerSchema(Page) as never);
    const page = {
      data: [
        { capital: { amount: '12.00', currency: 'CNY' }, segment: 'key', type: 'visit', tags: ['a', '"b"'], either: { b: 2 } },
        { capital: null, segment: null, type: 'call', tags: null, either: { a: '中文' } },
      ],
      nextCursor: null,
    };
    expect(viaTypes(page)).toBe(viaUnions(page));
    expect(JSON.parse(viaTypes(page))).toEqual(page);
  });
});
