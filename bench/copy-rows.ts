import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { AppDb } from '../server/src/platform/db/client.js';

/** Rows per piece of COPY text: PostgreSQL's stream takes pieces as they come; PGlite takes one blob per piece. */
const PIECE = { postgres: 2_000, pglite: 50_000 };
/** A progress line every this many rows, so a long run at scale 10 shows where it is. */
const PROGRESS_EVERY = 500_000;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Inserts generated rows with COPY … FROM STDIN (CSV) instead of parameterised INSERTs: the
 * generator writes millions of rows at scale 10, and binding parameters in Node was most of its
 * time. Rows are pulled from the iterable as the database takes them (one COPY stream per table
 * on PostgreSQL, with backpressure; blobs of 50 000 rows on PGlite), so only a piece of the table
 * is ever in memory. Values go through each column's own driver mapping (dates, arrays, JSON) as
 * drizzle would send them; columns the first row leaves out get their JavaScript default, or the
 * table's. Prints the table's rows and seconds as it goes; returns the number of rows.
 */
export async function copyRows(db: AppDb, table: PgTable, rows: Iterable<Record<string, unknown>>): Promise<number> {
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return 0;
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table));
  const used = columns.filter(([key, column]) => key in first.value || column.defaultFn);
  const head = `COPY "${name}" (${used.map(([, c]) => `"${c.name}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  const line = (row: Record<string, unknown>) =>
    used.map(([key, column]) => {
      const value = key in row ? row[key] : column.defaultFn?.();
      return csvField(value === null || value === undefined ? value : column.mapToDriverValue(value));
    }).join(',');

  const started = performance.now();
  let count = 0;
  const report = (done: boolean) =>
    console.log(`  ${name}: ${count.toLocaleString('en-US')} rows${done ? '' : ' …'}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  function* pieces(size: number): Generator<string> {
    let lines: string[] = [line(first.value!)];
    count = 1;
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      lines.push(line(next.value));
      if (++count % PROGRESS_EVERY === 0) report(false);
      if (lines.length === size) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length) yield `${lines.join('\n')}\n`;
  }

  await copyFromText(db, head, pieces);
  report(true);
  return count;
}

/** The driver's client under drizzle: COPY goes around drizzle. */
const clientOf = (db: AppDb) => (db as unknown as { $client: PGlite | pg.Pool }).$client;

/**
 * Runs `head` (`COPY … FROM STDIN …`) with CSV text on either driver: PostgreSQL takes the pieces
 * as one stream, with backpressure; PGlite takes one blob per piece. `pieces` is asked for the
 * rows per piece that suit the driver. Returns the rows the database copied.
 */
export async function copyFromText(db: AppDb, head: string, pieces: (rowsPerPiece: number) => Iterable<string>): Promise<number> {
  const client = clientOf(db);
  if (client instanceof PGlite) {
    const fromBlob = head.replace('FROM STDIN', "FROM '/dev/blob'");
    let copied = 0;
    for (const text of pieces(PIECE.pglite)) copied += (await client.query(fromBlob, [], { blob: new Blob([text]) })).affectedRows ?? 0;
    return copied;
  }
  const connection = await client.connect();
  try {
    const stream = connection.query(copyFrom(head));
    await pipeline(Readable.from(pieces(PIECE.postgres)), stream);
    return stream.rowCount;
  } finally {
    connection.release();
  }
}

/** The CSV text of a query's rows (`COPY (query) TO STDOUT`), on either driver. */
export async function copyToText(db: AppDb, query: string): Promise<string> {
  const client = clientOf(db);
  if (client instanceof PGlite) {
    const result = await client.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT csv)`);
    return (await result.blob?.text()) ?? '';
  }
  const connection = await client.connect();
  try {
    const chunks: Buffer[] = [];
    await pipeline(connection.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`)), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    });
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    connection.release();
  }
}
