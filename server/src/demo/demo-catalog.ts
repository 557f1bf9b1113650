import { productLineStore, productStore, type Product } from '../modules/catalog/catalog.service.js';
import { DEMO_PRODUCT_LINES, DEMO_PRODUCTS, type ProductKey } from './demo-sales-data.js';
import type { DemoWorld } from './demo-world.js';

export type DemoProducts = Record<ProductKey, Product>;

/** The product lines and their products, priced in CNY. */
export async function seedDemoCatalog({ ctx }: DemoWorld): Promise<DemoProducts> {
  const lineIds = new Map<string, string>();
  for (const line of DEMO_PRODUCT_LINES) lineIds.set(line.key, (await productLineStore.create(ctx, { name: line.name, code: line.code, active: true })).id);
  const products = {} as DemoProducts;
  for (const p of DEMO_PRODUCTS) {
    products[p.key] = await productStore.create(ctx, {
      name: p.name, code: p.code, productLineId: lineIds.get(p.line), listPrice: { amount: p.listPrice, currency: 'CNY' }, unit: p.unit, active: true,
    });
  }
  return products;
}
