import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from './client.js';

/** Pages a table may grow by before its statistics count as stale, however small it was. */
const SLACK_PAGES = 128;

/**
 * Takes a table's planner statistics again when it has more than doubled since they were taken.
 * Bulk work that fills a table from empty (a tenant's first import into the duplicate index) would
 * otherwise run every statement on the statistics of an empty table: the planner then takes any
 * index for a lookup, and scanned all of a tenant's entries for each key. Autovacuum catches up a
 * minute or so later; a bulk job is done by then. ANALYZE samples a bounded number of rows and
 * may run inside the caller's transaction. Returns whether it ran.
 */
export async function analyzeIfGrown(exec: Executor, table: string): Promise<boolean> {
  const [size] = await queryRows<{ pages: number; counted: number }>(
    exec,
    sql`SELECT (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS pages, c.relpages AS counted
        FROM pg_class c WHERE c.oid = to_regclass(${table})`,
  );
  if (!size || size.pages <= 2 * size.counted + SLACK_PAGES) return false;
  await exec.execute(sql`ANALYZE ${sql.identifier(table)}`);
  return true;
}
