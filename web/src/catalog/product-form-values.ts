import type { Product, ProductInput, ProductLine, ProductLineInput } from '../api/catalog';
import { emptyToNull } from '../shared/form-values';
import { moneyOrNull } from '../shared/money';

/** What the product drawer edits: the list price as typed text beside its currency. */
export interface ProductFormValues {
  name: string;
  code: string;
  productLineId: string | null;
  listPrice: { amount?: string | null; currency: string };
  unit?: string | null;
  description?: string | null;
  active: boolean;
}

export const PRODUCT_FORM_FIELDS = ['name', 'code', 'productLineId', 'listPrice.amount', 'listPrice.currency', 'unit', 'description', 'active'] as const;
/** A server error on the price as a whole is shown under its amount. */
export const PRODUCT_FIELD_ALIASES: Readonly<Record<string, string>> = { listPrice: 'listPrice.amount' };

export function toProductFormValues(product: Product | null, defaultCurrency: string): ProductFormValues {
  return {
    name: product?.name ?? '',
    code: product?.code ?? '',
    productLineId: product?.productLineId ?? null,
    listPrice: { amount: product?.listPrice?.amount ?? '', currency: product?.listPrice?.currency ?? defaultCurrency },
    unit: product?.unit ?? null,
    description: product?.description ?? null,
    active: product?.active ?? true,
  };
}

export function toProductInput(values: ProductFormValues): ProductInput {
  return {
    name: values.name.trim(),
    code: values.code.trim(),
    productLineId: values.productLineId ?? null,
    listPrice: moneyOrNull(values.listPrice?.amount, values.listPrice.currency),
    unit: emptyToNull(values.unit),
    description: emptyToNull(values.description),
    active: values.active,
  };
}

export interface ProductLineFormValues {
  name: string;
  code?: string | null;
  description?: string | null;
  active: boolean;
}

export const toProductLineFormValues = (line: ProductLine | null): ProductLineFormValues => ({
  name: line?.name ?? '',
  code: line?.code ?? null,
  description: line?.description ?? null,
  active: line?.active ?? true,
});

export const toProductLineInput = (values: ProductLineFormValues): ProductLineInput => ({
  name: values.name.trim(),
  code: emptyToNull(values.code),
  description: emptyToNull(values.description),
  active: values.active,
});
