import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from './client.js';

type Row = Record<string, unknown>;

/** Rows per statement; they travel as one JSON parameter, so only its size bounds them. */
const ROWS_PER_STATEMENT = 1000;

/**
 * Inserts rows keyed by the table's field names and returns them as inserted (keyed and typed
 * as Drizzle returns them). The values of a statement travel as one JSON
 * parameter read by `jsonb_to_recordset`: for hundreds of rows this is many times cheaper, in
 * the server and in the query builder, than a VALUES list with a bind parameter per cell. A
 * column that some rows leave out takes its default there (`$defaultFn`, a literal default or
 * the SQL default); a column every row leaves out is not written at all.
 */
export async function insertJsonRows(exec: Executor, table: PgTable, rows: readonly Row[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    out.push(...(await insertChunk(exec, table, rows.slice(i, i + ROWS_PER_STATEMENT))));
  }
  return out;
}

async function insertChunk(exec: Executor, table: PgTable, rows: readonly Row[]): Promise<Row[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>);
  const present = columns.filter(([key]) => rows.some((r) => r[key] !== undefined));
  const json = rows.map((row, ordinal) => {
    const out: Row = { _ordinal: ordinal };
    for (const [key, column] of present) {
      let value = row[key];
      if (value === undefined && column.defaultFn) value = column.defaultFn();
      else if (value === undefined && column.default !== undefined && !is(column.default, SQL)) value = column.default;
      out[column.name] = value ?? null;
    }
    return out;
  });
  const ident = (name: string) => sql.identifier(name);
  // A column with an SQL default that some rows leave out: null there means "take the default".
  const select = present.map(([key, column]) =>
    is(column.default, SQL) && rows.some((r) => r[key] === undefined)
      ? sql`coalesce(${ident(column.name)}, ${column.default})`
      : ident(column.name));
  const definition = present.map(([, column]) => sql`${ident(column.name)} ${sql.raw(column.getSQLType())}`);
  const returned = await queryRows<Row>(
    exec,
    sql`INSERT INTO ${ident(getTableName(table))} (${sql.join(present.map(([, c]) => ident(c.name)), sql`, `)})
        SELECT ${sql.join(select, sql`, `)}
        FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS r(_ordinal int, ${sql.join(definition, sql`, `)})
        ORDER BY _ordinal
        RETURNING *`,
  );
  return returned.map((dbRow) => {
    const row: Row = {};
    for (const [key, column] of columns) {
      const value = dbRow[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row;
  });
}
