import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('is served without sign-in and describes the resources of API.md from the validating schemas', async () => {
    const res = await t.anonymous().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/signup', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me',
      '/api/v1/users', '/api/v1/teams', '/api/v1/roles', '/api/v1/api-keys', '/api/v1/webhooks',
      '/api/v1/webhooks/{id}/deliveries', '/api/v1/audit', '/api/v1/audit/verify',
      '/api/v1/accounts', '/api/v1/accounts/{id}', '/api/v1/accounts/{id}/timeline',
      '/api/v1/contacts', '/api/v1/activities', '/api/v1/notes', '/api/v1/search',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const create = doc.paths['/api/v1/accounts'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(['name']);
    expect(create.properties.registeredCapital).toBeDefined();
    const list = doc.paths['/api/v1/accounts'].get.parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual(expect.arrayContaining(['limit', 'cursor', 'sort', 'q', 'filter[industry]', 'filter[ownerId]']));
  });

  it('serves interactive docs', async () => {
    const res = await t.anonymous().get('/api/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger');
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await t.anonymous().get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
