import { Type, type Static, type TSchema } from 'typebox';

/**
 * `T | null`. For a plain scalar the null goes into `type` itself: with type coercion on, ajv
 * would otherwise turn null into 0, false or "" inside a union before trying the null branch.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const scalar = schema as { type?: unknown; const?: unknown; enum?: unknown };
  if (typeof scalar.type === 'string' && !['object', 'array', 'null'].includes(scalar.type) && scalar.const === undefined && scalar.enum === undefined) {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [scalar.type, 'null'] });
  }
  return Type.Union([schema, Type.Null()]);
}

export const Uuid = Type.String({ format: 'uuid' });

export const LocaleSchema = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]);

export const Timestamp = Type.String({ format: 'date-time' });

/** Money is a decimal string with its currency, never a float. */
export const Money = Type.Object(
  {
    amount: Type.String({ pattern: '^-?\\d{1,16}(\\.\\d{1,2})?$', examples: ['1234.50'] }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', examples: ['CNY'] }),
  },
  { additionalProperties: false },
);

export const RecordBase = {
  id: Uuid,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
};

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ examples: ['VALIDATION_FAILED'] }),
      message: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  },

);

export const IdParams = Type.Object({ id: Type.String() });

export const VersionField = Type.Integer({
  minimum: 1,
  description: 'The version you edited; a stale version gets 409 VERSION_CONFLICT. Or send If-Match.',
});

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** Query string of a list endpoint, with one `filter[field]` entry per filterable field. */
export function listQuery(filterFields: string[], sortFields: string[]) {
  const sortValues = sortFields.flatMap((f) => [f, `-${f}`]).join(', ');
  return Type.Object({
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ description: 'nextCursor of the previous page' })),
    sort: Type.Optional(Type.String({ description: `One of: ${sortValues}` })),
    q: Type.Optional(Type.String({ description: 'Search text', maxLength: 200 })),
    ...Object.fromEntries(
      filterFields.map((f) => [`filter[${f}]`, Type.Optional(Type.String({ description: 'Equals; a,b for any of' }))]),
    ),
  });
}

/** Pulls `filter[field]` entries out of a parsed query string. */
export function filtersFrom(query: Record<string, unknown>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const match = /^filter\[(\w+)\]$/.exec(key);
    if (match && typeof value === 'string') filters[match[1]] = value;
  }
  return filters;
}
