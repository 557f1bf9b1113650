import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.service.js';
import { backupDatabase, restoreDatabase, RestoreError } from '../../src/platform/db/backup.js';
import { queryRows, type AppDb } from '../../src/platform/db/client.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { openTestDatabase, type TestDatabase } from '../test-database.js';

let source: TestApp;
let target: TestDatabase;
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-backup-')), 'dump.l2c.gz');

beforeAll(async () => {
  source = await createTestApp();
  target = await openTestDatabase();
  const admin = await source.signUp('Backup Co');
  const account = await admin.post('/accounts', {
    name: '备份测试有限公司',
    registeredCapital: { amount: '12345678901234.56', currency: 'CNY' },
    creditCode: '91110113MA01GHE6XA',
  });
  await admin.post('/contacts', { name: '张三', accountId: account.body.id, phones: ['13800138000'] });
  await admin.patch(`/accounts/${account.body.id}`, { city: '北京', version: 1 });
});
afterAll(async () => {
  await source.close();
  await target.close();
});

const counts = async (db: AppDb) =>
  queryRows<{ t: string; n: number }>(
    db,
    sql`SELECT 'accounts' AS t, count(*)::int AS n FROM accounts UNION ALL SELECT 'contacts', count(*)::int FROM contacts
        UNION ALL SELECT 'users', count(*)::int FROM users UNION ALL SELECT 'audit_log', count(*)::int FROM audit_log
        UNION ALL SELECT 'outbox_events', count(*)::int FROM outbox_events ORDER BY 1`,
  );

describe('backup and restore', () => {
  it('round-trips every row with exact values, and the audit chain still verifies', async () => {
    const report = await backupDatabase(source.database.db, file);
    expect(report.rows).toBeGreaterThan(20);
    const restored = await restoreDatabase(target.db, file);
    expect(restored.rows).toBe(report.rows);
    expect(await counts(target.db)).toEqual(await counts(source.database.db));
    const [account] = await queryRows<{ capital: string; name: string }>(
      target.db,
      sql`SELECT registered_capital::text AS capital, name FROM accounts`,
    );
    expect(account).toEqual({ capital: '12345678901234.56', name: '备份测试有限公司' });
    const [tenant] = await queryRows<{ id: string }>(target.db, sql`SELECT id FROM tenants`);
    expect(await verifyAuditChain(target.db, tenant.id)).toMatchObject({ ok: true });
  });

  it('refuses to restore over existing data unless told to replace it', async () => {
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(RestoreError);
    await restoreDatabase(target.db, file, { replace: true });
    expect(await counts(target.db)).toEqual(await counts(source.database.db));
  });

  it('refuses a file that is not a backup, changing nothing', async () => {
    const junk = `${file}.junk`;
    fs.writeFileSync(junk, 'hello');
    await expect(restoreDatabase(target.db, junk, { replace: true })).rejects.toThrow();
    expect(await counts(target.db)).toEqual(await counts(source.database.db));
  });
});
