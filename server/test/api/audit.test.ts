import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.service.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
let tenantId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Audit Co');
  tenantId = (await admin.get('/me')).body.tenant.id;
});
afterAll(() => t.close());

describe('audit log [PLT-5]', () => {
  it('records who, when, from where and the field-level before/after of every change', async () => {
    const created = (await admin.post('/accounts', { name: 'Audited Ltd', city: '上海' }, { 'user-agent': 'audit-test/1.0' })).body;
    await admin.patch(`/accounts/${created.id}`, { city: '杭州', version: 1 });
    await admin.delete(`/accounts/${created.id}`);
    const log = await admin.get(`/audit?recordId=${created.id}`);
    expect(log.body.data.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    const [del, upd, crt] = log.body.data;
    expect(crt).toMatchObject({
      object: 'accounts',
      actorKind: 'user',
      actorName: 'Admin',
      ip: '127.0.0.1',
      userAgent: 'audit-test/1.0',
      changes: { name: { before: null, after: 'Audited Ltd' }, city: { before: null, after: '上海' } },
    });
    expect(upd.changes).toEqual({ city: { before: '上海', after: '杭州' } });
    expect(del.changes.name).toEqual({ before: 'Audited Ltd', after: null });
    expect(new Date(upd.at).getTime()).toBeLessThanOrEqual(new Date(del.at).getTime());
  });

  it('keeps a password change in the log without the hash', async () => {
    const me = (await admin.get('/me')).body.user;
    await admin.post('/me/password', { currentPassword: 'correct horse battery', newPassword: 'correct horse battery 2' });
    const log = await admin.get(`/audit?recordId=${me.id}`);
    expect(log.body.data[0].changes).toEqual({ password: { before: '[redacted]', after: '[redacted]' } });
    expect(JSON.stringify(log.body)).not.toMatch(/argon2/);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const db = t.database.db;
    await expect(db.execute(sql`UPDATE audit_log SET actor_name = 'someone else' WHERE tenant_id = ${tenantId}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log WHERE tenant_id = ${tenantId}`)).rejects.toThrow();
    expect((await admin.post('/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('verifies the hash chain and reports the first broken link after tampering', async () => {
    const verified = await admin.post('/audit/verify');
    expect(verified.body.ok).toBe(true);
    expect(verified.body.checked).toBeGreaterThan(5);
    const db = t.database.db;
    const [target] = await queryRows<{ seq: string }>(
      db,
      sql`SELECT seq FROM audit_log WHERE tenant_id = ${tenantId} AND action = 'update' ORDER BY seq LIMIT 1`,
    );
    // Someone with database access edits history, getting past the trigger.
    await db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
      await tx.execute(sql`UPDATE audit_log SET changes = '{"city":{"before":"上海","after":"北京"}}'
                           WHERE tenant_id = ${tenantId} AND seq = ${Number(target.seq)}`);
      await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
    });
    const report = await admin.post('/audit/verify');
    expect(report.body).toMatchObject({ ok: false, firstBrokenSeq: Number(target.seq), firstBrokenId: String(target.seq), reason: 'hash_mismatch' });
    // Other tenants' chains are not affected.
    const other = await t.signUp('Other Audit Co');
    expect((await other.post('/audit/verify')).body.ok).toBe(true);
  });

  it('catches a deleted entry and a cut tail', async () => {
    const tenant = await t.signUp('Cut Co');
    const id = (await tenant.get('/me')).body.tenant.id;
    await tenant.post('/accounts', { name: 'One' });
    await tenant.post('/accounts', { name: 'Two' });
    const db = t.database.db;
    const removeWithoutTrigger = (where: ReturnType<typeof sql>) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
        await tx.execute(sql`DELETE FROM audit_log WHERE tenant_id = ${id} AND ${where}`);
        await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
      });
    const [last] = await queryRows<{ seq: string }>(db, sql`SELECT max(seq) AS seq FROM audit_log WHERE tenant_id = ${id}`);
    await removeWithoutTrigger(sql`seq = ${Number(last.seq)}`);
    expect(await verifyAuditChain(db, id)).toMatchObject({ ok: false, reason: 'head_mismatch' });
    await removeWithoutTrigger(sql`seq = 3`);
    expect(await verifyAuditChain(db, id)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'missing_entry' });
  });

  it('is for admins only', async () => {
    const rep = await t.addUser(admin, { role: 'sales_rep' });
    expect((await rep.client.post('/audit/verify')).status).toBe(403);
  });
});
