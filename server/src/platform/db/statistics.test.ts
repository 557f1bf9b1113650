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
    // Grows the table to `rows` rows; when analyzeIfGrown says it took statistics, they are right.
    let filled = 0;
    const growTo = async (rows: number, analysed: boolean) => {
      await fill(filled + 1, rows);
      filled = rows;
      expect(await analyzeIfGrown(db, 'stats_probe')).toBe(analysed);
      if (analysed) expect(await estimate()).toBe(rows);
    };
    await growTo(20, false);
    // From empty to ~150 pages (a first bulk load): planned as if empty until analysed.
    await growTo(10000, true);
    expect(await analyzeIfGrown(db, 'stats_probe')).toBe(false);
    await growTo(15000, false);
    await growTo(40000, true);
    expect(await analyzeIfGrown(db, 'no_such_table')).toBe(false);
  });
});
