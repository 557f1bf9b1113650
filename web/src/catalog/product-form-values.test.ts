import { describe, expect, it } from 'vitest';
import type { Product } from '../api/catalog';
import { toProductFormValues, toProductInput, toProductLineInput } from './product-form-values';

const product: Product = {
  id: 'p1', createdAt: '', updatedAt: '', version: 2, name: 'CRM 企业版', code: 'CRM-ENT', productLineId: 'l1', productLineName: 'CRM',
  listPrice: { amount: '120000.00', currency: 'CNY' }, unit: '套', description: null, active: true,
};

describe('product form values', () => {
  it('a new product starts active, priced in the tenant currency', () => {
    expect(toProductFormValues(null, 'CNY')).toMatchObject({ active: true, listPrice: { amount: '', currency: 'CNY' }, productLineId: null });
  });

  it('sends the list price as an exact decimal string with its currency', () => {
    const values = { ...toProductFormValues(product, 'CNY'), listPrice: { amount: '1,299.9', currency: 'USD' }, unit: '  ', code: ' CRM-ENT ' };
    expect(toProductInput(values)).toEqual({
      name: 'CRM 企业版', code: 'CRM-ENT', productLineId: 'l1', listPrice: { amount: '1299.90', currency: 'USD' }, unit: null, description: null, active: true,
    });
  });

  it('a blank price clears it', () => {
    expect(toProductInput({ ...toProductFormValues(product, 'CNY'), listPrice: { amount: '', currency: 'CNY' } }).listPrice).toBeNull();
  });

  it('product lines: blanks as null', () => {
    expect(toProductLineInput({ name: ' 数据平台 ', code: '', description: ' ', active: false })).toEqual({ name: '数据平台', code: null, description: null, active: false });
  });
});
