import { boolean, char, foreignKey, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../platform/db/columns.js';

/** A family of products (e.g. "CRM suite", "Implementation services"): forecasts and analytics group by it. */
export const productLines = pgTable(
  'product_lines',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    code: text('code'),
    description: text('description'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('product_lines_name_uq').on(t.tenantId, t.name),
  ],
);

/** What the tenant sells, with its list price (numeric + currency, never a float). */
export const products = pgTable(
  'products',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    /** The SKU, unique per tenant. */
    code: text('code').notNull(),
    productLineId: uuid('product_line_id'),
    listPrice: numeric('list_price', { precision: 20, scale: 2 }),
    listPriceCurrency: char('list_price_currency', { length: 3 }),
    unit: text('unit'),
    description: text('description'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.productLineId], foreignColumns: [productLines.tenantId, productLines.id] }),
    uniqueIndex('products_code_uq').on(t.tenantId, t.code),
    index('products_line_idx').on(t.tenantId, t.productLineId),
    index('products_name_idx').on(t.tenantId, t.name),
  ],
);
