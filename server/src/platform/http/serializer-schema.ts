type Schema = Record<string | symbol, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const PRIMITIVE = ['string', 'number', 'integer', 'boolean'];

/**
 * A response schema as fast-json-stringify should compile it. For `anyOf` it runs an Ajv
 * validator on the value for each branch until one matches (per field and row: a page of 50
 * accounts made ~300 validator calls, the money pattern checks included). The unions our schemas
 * use have a form it writes with plain type checks instead, with the same JSON out:
 * - `T | null` of one type (`Nullable(Money)`): T with `type: [T's type, 'null']`;
 * - a union of literals of one type (`Type.Literal`s, maybe with null): that type (or it and null).
 * The validating schemas and the OpenAPI document keep the unions; only the serializer sees this.
 */
export function serializerSchema(schema: unknown): unknown {
  if (!isSchema(schema)) return schema;
  const out: Schema = { ...schema };
  for (const key of ['properties', 'patternProperties', '$defs', 'definitions']) {
    if (isSchema(out[key])) out[key] = Object.fromEntries(Object.entries(out[key]).map(([k, v]) => [k, serializerSchema(v)]));
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else']) out[key] &&= schemaOrList(out[key]);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) out[key] &&= schemaOrList(out[key]);
  return Array.isArray(out.anyOf) ? withoutUnion(out, out.anyOf) : out;
}

const schemaOrList = (value: unknown) => (Array.isArray(value) ? value.map(serializerSchema) : serializerSchema(value));

/** The union as one schema with a `type` list, or the schema as it was when it has no such form. */
function withoutUnion(schema: Schema, members: unknown[]): Schema {
  if (!members.every(isSchema)) return schema;
  const nullable = members.some(isNull);
  const rest = members.filter((m) => !isNull(m));
  const { anyOf: _anyOf, ...outer } = schema;
  const typed = (type: unknown) => ({ type: nullable ? [type, 'null'] : type });
  const [only] = rest;
  if (rest.length === 1 && nullable && typeof only.type === 'string' && !hasChoice(only)) {
    return { ...only, ...outer, ...typed(only.type) };
  }
  const type = rest[0]?.type;
  if (rest.length > 0 && PRIMITIVE.includes(type as string) && rest.every((m) => m.type === type && 'const' in m)) {
    return { ...outer, ...typed(type) };
  }
  return schema;
}

const isNull = (schema: Schema) => schema.type === 'null' && !('const' in schema);
const hasChoice = (schema: Schema) => ['anyOf', 'oneOf', 'allOf', 'const', 'enum', 'if'].some((k) => k in schema);
