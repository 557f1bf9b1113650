import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from './client.js';

type Row = Record<string, unknown>;

/** Rows per statement; they travel as one JSON parameter, so only its size bounds them. */
const ROWS_PER_STATEMENT = 1000;

const ident = (name: string) => sql.identifier(name);

async function inChunks(rows: readonly Row[], write: (chunk: readonly Row[]) => Promise<Row[]>): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(...(await write(rows.slice(i, i + ROWS_PER_STATEMENT))));
  return out;
}

/**
 * The rows as one JSON parameter read by `jsonb_to_recordset`, typed by the table's columns
 * (those some row sets): for hundreds of rows this is many times cheaper, in the server and in
 * the query builder, than a VALUES list with a bind parameter per cell. `_ordinal` keeps input order.
 */
function recordset(table: PgTable, rows: readonly Row[], withDefaults: boolean) {
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>);
  const present = columns.filter(([key]) => rows.some((r) => r[key] !== undefined));
  // What a row that leaves a column out gets, decided once per column rather than per cell.
  const fields = present.map(([key, column]) => {
    const literal = withDefaults && column.default !== undefined && !is(column.default, SQL) ? column.default : null;
    const defaultFn = withDefaults ? column.defaultFn : undefined;
    return { key, name: column.name, fill: defaultFn ?? (() => literal) };
  });
  const json = rows.map((row, ordinal) => {
    const out: Row = { _ordinal: ordinal };
    for (const { key, name, fill } of fields) {
      const value = row[key];
      out[name] = value === undefined ? fill() : value;
    }
    return out;
  });
  const definition = present.map(([, column]) => sql`${ident(column.name)} ${sql.raw(column.getSQLType())}`);
  const from = sql`jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS r(_ordinal int, ${sql.join(definition, sql`, `)})`;
  return { columns, present, from };
}

/** Database rows as Drizzle returns them: keyed by field name, values mapped from the driver. */
function fromDriver(columns: [string, PgColumn][], dbRows: Row[]): Row[] {
  return dbRows.map((dbRow) => {
    const row: Row = {};
    for (const [key, column] of columns) {
      const value = dbRow[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row;
  });
}

/**
 * Inserts rows keyed by the table's field names and returns them as inserted (keyed and typed
 * as Drizzle returns them), in statements of up to 1000 rows. A column that some rows leave out
 * takes its default there (`$defaultFn`, a literal default or the SQL default); a column every
 * row leaves out is not written at all.
 */
export function insertJsonRows(exec: Executor, table: PgTable, rows: readonly Row[]): Promise<Row[]> {
  return inChunks(rows, async (chunk) => {
    const { columns, present, from } = recordset(table, chunk, true);
    // A column with an SQL default that some rows leave out: null there means "take the default".
    const select = present.map(([key, column]) =>
      is(column.default, SQL) && chunk.some((r) => r[key] === undefined)
        ? sql`coalesce(${ident(column.name)}, ${column.default})`
        : ident(column.name));
    const returned = await queryRows<Row>(
      exec,
      sql`INSERT INTO ${ident(getTableName(table))} (${sql.join(present.map(([, c]) => ident(c.name)), sql`, `)})
          SELECT ${sql.join(select, sql`, `)} FROM ${from} ORDER BY _ordinal
          RETURNING *`,
    );
    return fromDriver(columns, returned);
  });
}

/**
 * Updates many rows of a tenant table, each with its own values, in one statement per 1000 rows:
 * every row names `tenantId` and `id`, and sets the other fields it carries (all rows carry the
 * same fields). `also` adds assignments every row gets (`version = version + 1`). Returns the
 * rows as updated, in no particular order.
 */
export function updateJsonRows(exec: Executor, table: PgTable, rows: readonly Row[], also?: SQL): Promise<Row[]> {
  return inChunks(rows, async (chunk) => {
    const { columns, present, from } = recordset(table, chunk, false);
    const set = present
      .filter(([key]) => key !== 'tenantId' && key !== 'id')
      .map(([, column]) => sql`${ident(column.name)} = r.${ident(column.name)}`);
    const t = ident(getTableName(table));
    const returned = await queryRows<Row>(
      exec,
      sql`UPDATE ${t} SET ${sql.join(also ? [...set, also] : set, sql`, `)} FROM ${from}
          WHERE ${t}.tenant_id = r.tenant_id AND ${t}.id = r.id
          RETURNING ${t}.*`,
    );
    return fromDriver(columns, returned);
  });
}
