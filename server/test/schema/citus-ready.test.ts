import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { openTestDatabase, type TestDatabase } from '../test-database.js';

/**
 * The schema must distribute by tenant (Citus): every tenant-owned table leads its primary key
 * with tenant_id, and every foreign key and unique index includes tenant_id. Only these
 * infrastructure tables are global (reference or coordinator-local tables):
 */
const GLOBAL_TABLES = ['tenants', 'login_emails', 'jobs', 'job_schedules'];

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const cols = (c: string) => sql.raw(`(SELECT array_to_json(array_agg(attname::text ORDER BY attnum)) FROM pg_attribute WHERE attrelid = ${c})`);

describe('Citus-ready schema', () => {
  it('every tenant-owned table has tenant_id first in its primary key', async () => {
    const tables = await queryRows<{ table: string; pk: string[] | null }>(
      database.db,
      sql`SELECT c.relname AS table,
            (SELECT array_to_json(array_agg(a.attname::text ORDER BY k.ord))
               FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
    );
    expect(tables.length).toBeGreaterThan(10);
    const offenders = tables.filter((t) => !GLOBAL_TABLES.includes(t.table) && t.pk?.[0] !== 'tenant_id').map((t) => `${t.table} (${t.pk})`);
    expect(offenders).toEqual([]);
    const missing = GLOBAL_TABLES.filter((g) => !tables.some((t) => t.table === g));
    expect(missing).toEqual([]);
  });

  it('every foreign key includes tenant_id on both sides', async () => {
    const fks = await queryRows<{ table: string; name: string; cols: string[]; refCols: string[] }>(
      database.db,
      sql`SELECT conrelid::regclass::text AS table, conname AS name,
            (SELECT array_to_json(array_agg(attname::text)) FROM pg_attribute WHERE attrelid = conrelid AND attnum = ANY(conkey)) AS cols,
            (SELECT array_to_json(array_agg(attname::text)) FROM pg_attribute WHERE attrelid = confrelid AND attnum = ANY(confkey)) AS "refCols"
          FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    expect(fks.length).toBeGreaterThan(10);
    const offenders = fks.filter((f) => !f.cols.includes('tenant_id') || !f.refCols.includes('tenant_id')).map((f) => `${f.table}.${f.name}`);
    expect(offenders).toEqual([]);
  });

  it('every unique index of a tenant-owned table includes tenant_id', async () => {
    const indexes = await queryRows<{ table: string; index: string; cols: string[] }>(
      database.db,
      sql`SELECT t.relname AS table, i.relname AS index, ${cols('t.oid AND attnum = ANY(ix.indkey)')} AS cols
          FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
          JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE ix.indisunique AND n.nspname = 'public'`,
    );
    const offenders = indexes
      .filter((i) => !GLOBAL_TABLES.includes(i.table) && !i.cols.includes('tenant_id'))
      .map((i) => `${i.table}.${i.index}`);
    expect(offenders).toEqual([]);
  });
});
