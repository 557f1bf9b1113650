import { bigint, integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from './ids.js';

/**
 * Every timestamp is stored in UTC (timestamptz) and read as a Date. Millisecond precision, the
 * same as a JS Date, so a value read back compares equal (keyset cursors depend on it).
 */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * The columns every tenant-owned record has. `tenant_id` comes first and is part of the
 * primary key (declared by each table) so the schema can be distributed by tenant (Citus).
 */
export const recordColumns = () => ({
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull().$defaultFn(uuidv7),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const bigintCol = (name: string) => bigint(name, { mode: 'number' });
