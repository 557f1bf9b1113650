import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { lockDataDir } from './lock.js';
import { afterMigrations, beforeMigrations } from './sql.js';

export type AppDb = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<AppDb['transaction']>[0]>[0];
/** Anything that runs queries: the pool or an open transaction. */
export type Executor = AppDb | Tx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: AppDb;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(import.meta.dirname, '../../../migrations');
const MIGRATION_LOCK = 7_424_201; // advisory lock id: one migrator at a time on a shared server

/**
 * What a migrated database is at: the newest generated migration and the statements of sql.ts.
 * A start finds it in the comment of drizzle's journal table and then skips migrating (every
 * statement of it would be a no-op, yet together they were a good part of a warm start).
 */
const migrationLevel = (() => {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const statements = createHash('sha256').update(`${beforeMigrations}${afterMigrations}`).digest('hex').slice(0, 16);
  return `l2c level ${Math.max(...journal.entries.map((e) => e.when))} ${statements}`;
})();

async function isMigrated(exec: Executor): Promise<boolean> {
  const [row] = await queryRows<{ level: string | null }>(
    exec,
    sql`SELECT obj_description(to_regclass('drizzle.__drizzle_migrations'), 'pg_class') AS level`,
  );
  return row?.level === migrationLevel;
}

async function markMigrated(exec: Executor) {
  await exec.execute(sql.raw(`COMMENT ON TABLE drizzle.__drizzle_migrations IS '${migrationLevel}'`));
}

// Timestamps come back as Date from both drivers, numerics as strings, bigints as strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; omitted means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts.dataDir);
}

const PGLITE_SHARED_BUFFERS = '32MB';

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
      extensions: { pg_trgm, fuzzystrmatch },
      // PostgreSQL's 128 MB of shared buffers live in the WebAssembly heap, so they are the
      // server's own memory; the operating system caches the data files for PGlite as well.
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
    const db = drizzlePglite(client) as unknown as AppDb;
    return {
      kind: 'pglite',
      db,
      async migrate() {
        if (await isMigrated(db)) return;
        await beforeMigrations(db);
        await migratePglite(drizzlePglite(client), { migrationsFolder });
        await afterMigrations(db);
        await markMigrated(db);
      },
      async close() {
        await client.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops (restart, failover) must not crash the process.
  pool.on('error', (err) => console.warn(`database connection lost: ${err.message}`));
  const db = drizzlePg(pool) as unknown as AppDb;
  return {
    kind: 'postgres',
    db,
    async migrate() {
      if (await isMigrated(db)) return;
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        const locked = drizzlePg(client) as unknown as AppDb;
        await beforeMigrations(locked);
        await migratePg(drizzlePg(client), { migrationsFolder });
        await afterMigrations(locked);
        await markMigrated(locked);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Runs raw SQL and returns its rows, the same on both drivers. */
export async function queryRows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const result = (await exec.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
