import { Type, type TSchema } from 'typebox';
import { registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { Money, Nullable, RecordBase, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { productLineStore, productStore, type Product, type ProductLine } from './catalog.service.js';

const Text = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

const productLineFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  code: Text(50),
  description: Text(2000),
  active: Type.Optional(Type.Boolean()),
};

const productFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  code: Type.String({ minLength: 1, maxLength: 64, description: 'SKU, unique per tenant' }),
  productLineId: Type.Optional(Nullable(Uuid)),
  listPrice: Type.Optional(Nullable(Money)),
  unit: Text(20),
  description: Text(5000),
  active: Type.Optional(Type.Boolean()),
};

/** The record as returned: every writable field present, plus the bookkeeping. */
const recordOf = <T>(fields: Record<string, TSchema>, extra: Record<string, TSchema> = {}) =>
  Type.Unsafe<T>(Type.Object({
    ...RecordBase,
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { ...v }])),
    ...extra,
  } as Parameters<typeof Type.Object>[0]));

const patchOf = (fields: Record<string, TSchema>) =>
  Type.Object(
    { ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])), version: Type.Optional(VersionField) } as Parameters<typeof Type.Object>[0],
    { additionalProperties: false },
  );

export function registerCatalogRoutes(app: App) {
  registerResourceRoutes(app, {
    path: '/api/v1/product-lines',
    tag: 'Catalog',
    store: productLineStore,
    record: recordOf<ProductLine>(productLineFields, { active: Type.Boolean() }),
    create: Type.Object(productLineFields, { additionalProperties: false }),
    update: patchOf(productLineFields),
    remove: true,
    exportFields: ['id', 'name', 'code', 'description', 'active', 'createdAt'],
  });
  registerResourceRoutes(app, {
    path: '/api/v1/products',
    tag: 'Catalog',
    store: productStore,
    record: recordOf<Product>(productFields, { active: Type.Boolean(), productLineName: Type.Optional(Nullable(Type.String())) }),
    create: Type.Object(productFields, { additionalProperties: false }),
    update: patchOf(productFields),
    remove: true,
    exportFields: ['id', 'code', 'name', 'productLineName', 'listPrice', 'unit', 'active', 'createdAt'],
  });
}
