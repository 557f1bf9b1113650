import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { queryRows, type AppDb, type Executor } from './client.js';

/**
 * A logical dump that works the same on PGlite and PostgreSQL (and moves data between them):
 * gzip'd lines, a header, then per table a marker line and one JSON row per line. Rows stay as
 * the JSON text PostgreSQL produced, so numerics and timestamps keep their exact values.
 */
const FORMAT = 'lead2cash-backup';
const FORMAT_VERSION = 1;
const BATCH = 1000;

interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  migrations: number;
  tables: string[];
}

export interface BackupReport {
  tables: number;
  rows: number;
}

export async function backupDatabase(db: AppDb, file: string): Promise<BackupReport> {
  const tables = await tablesInDependencyOrder(db);
  const gzip = createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  // One transaction: every table is read from the same snapshot.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    const header: Header = { format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), migrations: await migrationCount(tx), tables };
    await write(JSON.stringify(header));
    for (const table of tables) {
      await write(JSON.stringify({ table }));
      const ident = sql.identifier(table);
      for (let offset = 0; ; offset += BATCH) {
        const batch = await queryRows<{ j: string }>(
          tx,
          sql`SELECT row_to_json(t)::text AS j FROM ${ident} t ORDER BY ctid LIMIT ${BATCH} OFFSET ${offset}`,
        );
        for (const { j } of batch) await write(j);
        rows += batch.length;
        if (batch.length < BATCH) break;
      }
    }
  });
  gzip.end();
  await once(out, 'close');
  return { tables: tables.length, rows };
}

export class RestoreError extends Error {}

/**
 * Restores a dump into a migrated database that holds no tenant yet (or, with `replace`,
 * wipes it first). Runs in one transaction: a failed restore leaves the database as it was.
 */
export async function restoreDatabase(db: AppDb, file: string, opts: { replace?: boolean } = {}): Promise<BackupReport> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = parseHeader(first.done ? '' : first.value);
  let rows = 0;
  await db.transaction(async (tx) => {
    if ((await migrationCount(tx)) !== header.migrations) {
      throw new RestoreError(
        `The dump was taken at schema migration ${header.migrations}, this database is at ${await migrationCount(tx)}. ` +
          'Restore with the Lead2Cash version that made the dump, then upgrade.',
      );
    }
    const [{ n }] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM tenants`);
    if (n > 0 && !opts.replace) throw new RestoreError('The target database already has data; restore into an empty one (or pass --replace).');
    // Replica mode skips triggers and foreign-key checks while rows arrive in bulk.
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    if (opts.replace) {
      const all = (await tablesInDependencyOrder(tx)).map((t) => sql.identifier(t));
      await tx.execute(sql`TRUNCATE ${sql.join(all, sql`, `)}`);
    }
    let table: string | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const ident = sql.identifier(table);
      await tx.execute(sql`INSERT INTO ${ident} SELECT * FROM json_populate_recordset(NULL::${ident}, ${`[${batch.join(',')}]`}::json)`);
      rows += batch.length;
      batch = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (!line) continue;
      const marker = line.startsWith('{"table":') ? (JSON.parse(line) as { table?: string }) : null;
      if (marker?.table && Object.keys(marker).length === 1) {
        await flush();
        if (!header.tables.includes(marker.table)) throw new RestoreError(`Unknown table in dump: ${marker.table}`);
        table = marker.table;
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  });
  return { tables: header.tables.length, rows };
}

function parseHeader(line: string): Header {
  try {
    const header = JSON.parse(line) as Header;
    if (header.format === FORMAT && header.version === FORMAT_VERSION) return header;
  } catch {
    // fall through
  }
  throw new RestoreError('This file is not a Lead2Cash backup.');
}

async function migrationCount(exec: Executor): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(exec, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  return n;
}

/** Tables of the public schema, referenced tables before the tables that reference them. */
async function tablesInDependencyOrder(exec: Executor): Promise<string[]> {
  const tables = await queryRows<{ name: string }>(
    exec,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const edges = await queryRows<{ child: string; parent: string }>(
    exec,
    sql`SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
        FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid`,
  );
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const e of edges) if (e.child === name) visit(e.parent, path);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name, new Set());
  return ordered;
}
