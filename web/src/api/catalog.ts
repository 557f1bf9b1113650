import { resource } from './resources';
import type { BaseRecord, Money } from './types';

/** The product catalog: product lines and products with list prices. */

export interface ProductLine extends BaseRecord {
  name: string;
  code: string | null;
  description: string | null;
  active: boolean;
}

export interface ProductLineInput {
  name: string;
  code: string | null;
  description: string | null;
  active: boolean;
}

export interface Product extends BaseRecord {
  name: string;
  code: string;
  productLineId: string | null;
  productLineName?: string | null;
  listPrice: Money | null;
  unit: string | null;
  description: string | null;
  active: boolean;
}

export interface ProductInput {
  name: string;
  code: string;
  productLineId: string | null;
  listPrice: Money | null;
  unit: string | null;
  description: string | null;
  active: boolean;
}

export const productLinesApi = resource<ProductLine, ProductLineInput>('product-lines');
export const productsApi = resource<Product, ProductInput>('products');
