import { and, eq, inArray } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import './catalog.messages.js';
import { productLines, products } from './catalog.schema.js';

export interface ProductLine extends ApiRecord {
  name: string;
  code: string | null;
  description: string | null;
  active: boolean;
}

export interface Product extends ApiRecord {
  name: string;
  code: string;
  productLineId: string | null;
  productLineName?: string | null;
  listPrice: Money | null;
  unit: string | null;
  description: string | null;
  active: boolean;
}

const nullable = <T>(v: unknown) => (v ?? null) as T | null;

export const productLineStore = new RecordStore<ProductLine>({
  object: 'product_lines',
  table: productLines,
  sortable: { name: productLines.name, createdAt: productLines.createdAt, updatedAt: productLines.updatedAt },
  defaultSort: 'name',
  filters: { active: productLines.active, code: productLines.code },
  searchColumns: [productLines.name, productLines.code],
  unique: { product_lines_name_uq: 'name' },
  toApi: (r) => ({
    name: r.name as string,
    code: nullable(r.code),
    description: nullable(r.description),
    active: r.active as boolean,
  }),
  toColumns: (input) => ({
    name: trimmedOrNull(input.name),
    code: trimmedOrNull(input.code),
    description: trimmedOrNull(input.description),
    active: input.active,
  }),
});

export const productStore = new RecordStore<Product>({
  object: 'products',
  table: products,
  sortable: { name: products.name, code: products.code, createdAt: products.createdAt, updatedAt: products.updatedAt },
  defaultSort: 'name',
  filters: { productLineId: products.productLineId, active: products.active, code: products.code },
  searchColumns: [products.name, products.code],
  unique: { products_code_uq: 'code' },
  references: { productLineId: { table: productLines } },
  toApi: (r) => ({
    name: r.name as string,
    code: r.code as string,
    productLineId: nullable(r.productLineId),
    listPrice: moneyFromColumns(r.listPrice, r.listPriceCurrency),
    unit: nullable(r.unit),
    description: nullable(r.description),
    active: r.active as boolean,
  }),
  toColumns: (input) => {
    const price = input.listPrice as Money | null | undefined;
    return {
      name: trimmedOrNull(input.name),
      code: trimmedOrNull(input.code),
      productLineId: input.productLineId,
      listPrice: price === undefined ? undefined : price?.amount ?? null,
      listPriceCurrency: price === undefined ? undefined : price?.currency ?? null,
      unit: trimmedOrNull(input.unit),
      description: trimmedOrNull(input.description),
      active: input.active,
    };
  },
  decorate: addProductLineNames,
});

registerRecordType('products', {
  store: productStore,
  describe: (p) => ({ title: p.name, subtitle: [p.code, p.productLineName].filter(Boolean).join(' · ') || undefined }),
});

/** Adds `productLineName` to a page of products with one query. */
async function addProductLineNames(ctx: RequestContext, records: Product[]) {
  const ids = [...new Set(records.map((r) => r.productLineId).filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const rows = await executor(ctx)
    .select({ id: productLines.id, name: productLines.name })
    .from(productLines)
    .where(and(eq(productLines.tenantId, ctx.tenantId), inArray(productLines.id, ids)));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  for (const record of records) record.productLineName = record.productLineId ? (names.get(record.productLineId) ?? null) : null;
}

/** The products the caller can see, by id (for pricing deal line items); unknown ids are left out. */
export async function productsById(ctx: RequestContext, ids: string[]): Promise<Map<string, Product>> {
  const found = await productStore.getMany(ctx, [...new Set(ids)]);
  return new Map(found.map((p) => [p.id, p]));
}
