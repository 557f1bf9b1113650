import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { AppDb } from '../server/src/platform/db/client.js';

/** Rows per COPY: large enough that statement overhead vanishes, small enough to keep the text in memory modestly. */
const CHUNK = 50_000;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Inserts generated rows with COPY … FROM STDIN (CSV) instead of parameterised INSERTs: the
 * generator writes millions of rows at scale 10, and binding parameters in Node was most of its
 * time. Values go through each column's own driver mapping (dates, arrays, JSON) as drizzle
 * would send them; columns a row leaves out get their JavaScript default, or the table's.
 */
export async function copyRows(db: AppDb, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table));
  const used = columns.filter(([key, column]) => key in rows[0] || column.defaultFn);
  const head = `COPY "${getTableName(table)}" (${used.map(([, c]) => `"${c.name}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  const line = (row: Record<string, unknown>) =>
    used.map(([key, column]) => {
      const value = key in row ? row[key] : column.defaultFn?.();
      return csvField(value === null || value === undefined ? value : column.mapToDriverValue(value));
    }).join(',');
  const client = (db as unknown as { $client: PGlite | pg.Pool }).$client;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const text = `${rows.slice(i, i + CHUNK).map(line).join('\n')}\n`;
    if (client instanceof PGlite) {
      await client.query(head.replace('FROM STDIN', "FROM '/dev/blob'"), [], { blob: new Blob([text]) });
      continue;
    }
    const connection = await client.connect();
    try {
      await pipeline(Readable.from([text]), connection.query(copyFrom(head)));
    } finally {
      connection.release();
    }
  }
}
