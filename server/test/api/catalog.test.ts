import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
let rep: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Catalog Co');
  rep = (await t.addUser(admin, { role: 'sales_rep' })).client;
});
afterAll(() => t.close());

describe('catalog: product lines and products', () => {
  it('an admin creates product lines and products with a list price in numeric + currency', async () => {
    const line = await admin.post('/product-lines', { name: 'CRM 套件', code: 'CRM' });
    expect(line.status).toBe(201);
    expect(line.body).toMatchObject({ name: 'CRM 套件', code: 'CRM', active: true, version: 1 });
    const product = await admin.post('/products', {
      name: 'CRM 专业版（年）', code: 'CRM-PRO-Y', productLineId: line.body.id, listPrice: { amount: '19800', currency: 'CNY' }, unit: '套',
    });
    expect(product.status).toBe(201);
    expect(product.body).toMatchObject({
      code: 'CRM-PRO-Y', productLineId: line.body.id, productLineName: 'CRM 套件', listPrice: { amount: '19800.00', currency: 'CNY' }, active: true,
    });
    const listed = await rep.get(`/products?filter[productLineId]=${line.body.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((p: { code: string }) => p.code)).toEqual(['CRM-PRO-Y']);
  });

  it('keeps product codes unique per tenant, but not across tenants', async () => {
    await admin.post('/products', { name: 'A', code: 'SKU-1' });
    const twin = await admin.post('/products', { name: 'B', code: 'SKU-1' });
    expect(twin.status).toBe(409);
    expect(twin.body.error).toMatchObject({ code: 'ALREADY_EXISTS', details: { field: 'code' } });
    const other = await t.signUp('Other Catalog Co');
    expect((await other.post('/products', { name: 'A', code: 'SKU-1' })).status).toBe(201);
    expect((await other.get('/products')).body.data.map((p: { code: string }) => p.code)).toEqual(['SKU-1']);
  });

  it('refuses a product line of another tenant, bad money and unknown fields', async () => {
    const other = await t.signUp('Foreign Lines Co');
    const foreign = (await other.post('/product-lines', { name: 'Foreign' })).body;
    const res = await admin.post('/products', { name: 'X', code: 'X-1', productLineId: foreign.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0]).toMatchObject({ field: 'productLineId', code: 'REFERENCE_NOT_FOUND' });
    expect((await admin.post('/products', { name: 'X', code: 'X-2', listPrice: { amount: '1.999', currency: 'CNY' } })).status).toBe(400);
    expect((await admin.post('/products', { name: 'X', code: 'X-3', colour: 'red' })).status).toBe(400);
  });

  it('reps read the catalog but do not change it', async () => {
    const created = await rep.post('/products', { name: 'Rogue', code: 'ROGUE' });
    expect(created.status).toBe(403);
    expect((await rep.post('/product-lines', { name: 'Rogue line' })).status).toBe(403);
    const product = (await admin.post('/products', { name: 'Editable', code: 'EDIT-1' })).body;
    expect((await rep.patch(`/products/${product.id}`, { name: 'Changed', version: 1 })).status).toBe(403);
    const retired = await admin.patch(`/products/${product.id}`, { active: false, version: 1 });
    expect(retired.body.active).toBe(false);
    expect((await rep.get('/products?filter[active]=false')).body.data.map((p: { code: string }) => p.code)).toContain('EDIT-1');
  });

  it('refuses to delete a product line that still has products', async () => {
    const line = (await admin.post('/product-lines', { name: 'Services' })).body;
    const product = (await admin.post('/products', { name: 'Implementation day', code: 'SVC-DAY', productLineId: line.id })).body;
    const refused = await admin.delete(`/product-lines/${line.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HAS_DEPENDENTS');
    expect((await admin.delete(`/products/${product.id}`)).status).toBe(204);
    expect((await admin.delete(`/product-lines/${line.id}`)).status).toBe(204);
  });
});
