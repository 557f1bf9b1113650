import { sql } from 'drizzle-orm';
import type { Executor } from './client.js';

/**
 * Statements drizzle-kit cannot express, run around the generated migrations on every
 * start. Each one is idempotent.
 */
export async function beforeMigrations(exec: Executor) {
  await exec.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  await exec.execute(sql`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`);
}

export async function afterMigrations(exec: Executor) {
  // The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
  await exec.execute(sql`
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$`);
  await exec.execute(sql`DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log`);
  await exec.execute(sql`
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  await exec.execute(sql`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`);
  await exec.execute(sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
}
