import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { openTestDatabase, type TestDatabase } from '../test-database.js';

/** A start on a database already at the current level skips migrating; an older level migrates again. */
let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const level = async () =>
  (await queryRows<{ level: string | null }>(database.db, sql`SELECT obj_description('drizzle.__drizzle_migrations'::regclass, 'pg_class') AS level`))[0].level;
const hasTrigger = async () =>
  (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'audit_log_no_change'`))[0].n === 1;

describe('migration level', () => {
  it('is recorded after migrating, and a start at that level runs none of the statements', async () => {
    const current = await level();
    expect(current).toMatch(/^l2c level \d+ [0-9a-f]{16}$/);
    await database.db.execute(sql`DROP TRIGGER audit_log_no_change ON audit_log`);
    await database.migrate();
    expect(await hasTrigger()).toBe(false);
    expect(await level()).toBe(current);
  });

  it('migrates again, idempotently, when the database records another level', async () => {
    const current = await level();
    await database.db.execute(sql`COMMENT ON TABLE drizzle.__drizzle_migrations IS 'l2c level 0 older'`);
    await database.migrate();
    expect(await hasTrigger()).toBe(true);
    expect(await level()).toBe(current);
  });
});
