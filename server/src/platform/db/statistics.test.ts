import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { queryRows } from './client.js';
import { analyzeIfGrown } from './statistics.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const estimate = async () =>
  (await queryRows<{ rows: number }>(database.db, sql`SELECT reltuples::int AS rows FROM pg_class WHERE relname = 'stats_probe'`))[0].rows;

/** Rows `from`..`to` of ~100 bytes (about 70 to a page). */
const fill = (from: number, to: number) =>
  database.db.execute(sql`INSERT INTO stats_probe SELECT i, repeat('x', 100) FROM generate_series(${from}::int, ${to}::int) AS i`);

describe('analyzeIfGrown', () => {
  it('takes statistics again once a table has more than doubled since they were taken, not before', async () => {
    const db = database.db;
    await db.execute(sql`CREATE TABLE stats_probe (id int, label text)`);
    await db.execute(sql`ANALYZE stats_probe`);
    expect(await estimate()).toBe(0);
    await fill(1, 20);
    expect(await analyzeIfGrown(db, 'stats_probe')).toBe(false);

    // From empty to ~150 pages (a first bulk load): planned as if empty until analysed.
    await fill(21, 10000);
    expect(await analyzeIfGrown(db, 'stats_probe')).toBe(true);
    expect(await estimate()).toBe(10000);
    expect(await analyzeIfGrown(db, 'stats_probe')).toBe(false);

    await fill(10001, 15000);
    expect(await analyzeIfGrown(db, 'stats_probe')).toBe(false);
    await fill(15001, 40000);
    expect(await analyzeIfGrown(db, 'stats_probe')).toBe(true);
    expect(await estimate()).toBe(40000);
    expect(await analyzeIfGrown(db, 'no_such_table')).toBe(false);
  });
});
