import { eq, sql } from 'drizzle-orm';
import { alias, boolean, date, integer, jsonb, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { withColumnRowMapper } from './column-rows.js';
import { bigintCol, tstz } from './columns.js';

const probe = pgTable('row_mapper_probe', {
  id: uuid('id').notNull(),
  name: text('name'),
  count: integer('count'),
  big: bigintCol('big'),
  amount: numeric('amount', { precision: 18, scale: 2 }),
  active: boolean('active'),
  details: jsonb('details'),
  at: tstz('at'),
  day: date('day'),
  tags: text('tags').array(),
  parentId: uuid('parent_id'),
});
const parent = alias(probe, 'parent');

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`CREATE TABLE row_mapper_probe (id uuid NOT NULL, name text, count int, big bigint, amount numeric(18, 2),
    active boolean, details jsonb, at timestamptz(3), day date, tags text[], parent_id uuid)`);
  await database.db.insert(probe).values([
    { id: '01a21e52-9906-7482-b856-000000000001', name: '华为', count: 3, big: 2 ** 40, amount: '1234.50', active: true,
      details: { a: [1, 'x'] }, at: new Date('2026-11-27T21:00:00.123Z'), day: '2026-11-27', tags: ['a', 'b,c'], parentId: null },
    { id: '01a21e52-9906-7482-b856-000000000002', name: null, count: null, big: null, amount: null, active: null,
      details: null, at: null, day: null, tags: null, parentId: '01a21e52-9906-7482-b856-000000000001' },
  ]);
});
afterAll(() => database.close());

const select = () =>
  database.db
    .select({ id: probe.id, name: probe.name, count: probe.count, big: probe.big, amount: probe.amount, active: probe.active,
      details: probe.details, at: probe.at, day: probe.day, tags: probe.tags, parentName: parent.name })
    .from(probe)
    .leftJoin(parent, eq(parent.id, probe.parentId))
    .orderBy(probe.id);

describe('withColumnRowMapper', () => {
  it("reads a selection of columns (a joined one too) as drizzle's own mapper does, every type and null", async () => {
    const drizzles = await select().prepare('row_mapper_drizzle').execute();
    const ours = withColumnRowMapper(select().prepare('row_mapper_ours'));
    expect((ours as unknown as { customResultMapper?: unknown }).customResultMapper).toBeTypeOf('function');
    const rows = await ours.execute();
    expect(rows).toEqual(drizzles);
    expect(rows[0].at).toBeInstanceOf(Date);
    expect(rows[0].big).toBe(2 ** 40);
    expect(rows[1]).toMatchObject({ name: null, at: null, parentName: '华为' });
  });

  it("leaves a selection with anything but columns to drizzle's mapper", () => {
    const statement = withColumnRowMapper(database.db.select({ id: probe.id, n: sql<number>`1` }).from(probe).prepare('row_mapper_sql'));
    expect((statement as unknown as { customResultMapper?: unknown }).customResultMapper).toBeUndefined();
  });
});
