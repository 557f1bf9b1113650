import { sql } from 'drizzle-orm';
import { buildApp } from '../server/src/app.js';
import { createApiKey } from '../server/src/platform/auth/api-keys.service.js';
import { loadUserContext } from '../server/src/platform/auth/context-loader.js';
import { queryRows, type AppDb, type Database } from '../server/src/platform/db/client.js';
import { startBackgroundWork } from '../server/src/platform/background.js';
import { drainEvents } from '../server/src/platform/events/event-processing.js';
import { takeStageTimes } from '../server/src/platform/perf/stage-times.js';
import { csv, multipart, runImports } from '../server/test/api/imports-test-helpers.js';
import { copyFromText, copyToText } from './copy-rows.js';
import { mobile, personName, TITLES } from './names.js';
import { Random } from './random.js';
import type { ScaleTenant } from './scale-data.js';

export interface LeadImportResult {
  rows: number;
  /** Rows the file repeats from leads already in the tenant (the duplicate policy skips them). */
  duplicatesPlanted: number;
  counts: Record<string, number>;
  /** Upload, validation, normalisation, dedup against existing leads, inserts with audit and events. */
  importRowsPerSecond: number;
  /** The same plus scoring and assignment of every new lead (its imports.score-leads jobs, on the server's background worker). */
  endToEndRowsPerSecond: number;
  /** Until all it set off has settled: the duplicate index of the new leads and every event delivery. */
  settledRowsPerSecond: number;
  copyRowsPerSecond: number;
  /** Rows the import wrote, by table: per new lead its row, status history entry, audit entry and event. */
  written: Record<string, number>;
  /** A raw COPY of all those rows, in file rows per second: the physical limit of the import's own writes. */
  copyWrittenRowsPerSecond: number;
  importRatio: number;
  /** The import against that limit. */
  writtenRatio: number;
  endToEndRatio: number;
  /** Wall milliseconds per stage (and how often it ran): the import, then what its events set off. */
  stages: { import: StageTimes; events: StageTimes };
  /** Jobs the events set off, by type (event deliveries by subscriber). */
  jobs: Record<string, number>;
}

type StageTimes = ReturnType<typeof takeStageTimes>;

const HEADER = ['姓名', '公司', '邮箱', '手机', '职位', '城市'];

/**
 * The file a trade show hands over: new people, and some already in the CRM typed anew. A tenant
 * benched again (`--tenant`) holds the people of its earlier imports: each import of the tenant
 * gets people of its own (its own seed and addresses), so they are new again.
 */
async function fileRows(database: Database, tenant: ScaleTenant, rows: number) {
  const [{ earlier }] = await queryRows<{ earlier: number }>(database.db, sql`SELECT count(*)::int AS earlier FROM imports WHERE tenant_id = ${tenant.tenantId}`);
  const random = new Random(11 + earlier);
  const show = earlier === 0 ? 'show' : `show${earlier + 1}`;
  const existing = await queryRows<{ name: string; company: string; email: string }>(
    database.db,
    sql`SELECT name, company, email FROM leads WHERE tenant_id = ${tenant.tenantId} AND email IS NOT NULL ORDER BY id LIMIT ${Math.ceil(rows * 0.03)}`,
  );
  const out: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const again = i % 33 === 0 ? existing[(i / 33) % existing.length] : undefined;
    out.push(
      again
        ? [again.name, again.company, again.email.toUpperCase(), '', '', '']
        : [personName(random), `导入公司${i % 1997}有限公司`, `import${i}@${show}-${i % 1997}.example.cn`, mobile(random), random.pick(TITLES), '上海'],
    );
  }
  return { rows: out, duplicatesPlanted: Math.min(existing.length, Math.ceil(rows / 33)) };
}

/**
 * A raw COPY of CSV text into an empty table shaped like `table` (its defaults and indexes),
 * dropped afterwards: how long it took and how many rows it copied.
 */
async function timedCopy(db: AppDb, table: string, text: string, columns?: string): Promise<{ ms: number; rows: number }> {
  const target = `bench_copy_${table}`;
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${target}`));
  await db.execute(sql.raw(`CREATE TABLE ${target} (LIKE ${table} INCLUDING DEFAULTS INCLUDING INDEXES)`));
  const started = performance.now();
  const rows = await copyFromText(db, `COPY ${target}${columns ? ` (${columns})` : ''} FROM STDIN WITH (FORMAT csv)`, () => [text]);
  const ms = performance.now() - started;
  await db.execute(sql.raw(`DROP TABLE ${target}`));
  return { ms, rows };
}

/** A raw COPY of the same rows into a table shaped like `leads`: the physical limit of the database. */
async function copyRate(db: AppDb, tenantId: string, rows: string[][]): Promise<number> {
  const lines = rows.map((r, i) => [tenantId, `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, ...r.slice(0, 5), 'import'].map((v) => `"${v}"`).join(','));
  const { ms } = await timedCopy(db, 'leads', `${lines.join('\n')}\n`, 'tenant_id, id, name, company, email, phone, title, source');
  return rows.length / (ms / 1000);
}

/** The tables an import of leads writes a row to for each new lead, and the column that dates the row. */
const WRITTEN = { leads: 'created_at', lead_status_history: 'at', audit_log: 'at', outbox_events: 'occurred_at' } as const;

/**
 * What the import wrote (read right after it, before anything else runs), as CSV per table: each
 * new lead's row, its status history entry, its audit entry and its event.
 */
async function importWrites(db: AppDb, tenantId: string, since: string): Promise<{ table: string; text: string }[]> {
  const written = [];
  for (const [table, at] of Object.entries(WRITTEN)) {
    written.push({ table, text: await copyToText(db, `SELECT * FROM ${table} WHERE tenant_id = '${tenantId}' AND ${at} >= '${since}'::timestamptz`) });
  }
  return written;
}

/**
 * A raw COPY of every row the import wrote into tables shaped like theirs, one after another:
 * the physical limit of the import's own writes, in file rows per second, and the rows by table.
 */
async function copyWritesRate(db: AppDb, written: { table: string; text: string }[], fileRows: number) {
  let ms = 0;
  const rows: Record<string, number> = {};
  for (const { table, text } of written) {
    const copy = await timedCopy(db, table, text);
    ms += copy.ms;
    rows[table] = copy.rows;
  }
  return { rowsPerSecond: fileRows / (ms / 1000), rows };
}

/**
 * Hands what the import set off to the background work a server runs (`startBackgroundWork`: one
 * process, its default concurrency, event dispatch alongside the jobs) and waits until no event
 * or job is left. The server's own entry point, not a part of it: a job type it alone registers
 * (the hourly auth housekeeping a bench server scheduled) would otherwise stay queued once due,
 * and the wait would never end.
 */
async function runLikeTheServer(db: AppDb): Promise<void> {
  const worker = await startBackgroundWork(db);
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [{ busy }] = await queryRows<{ busy: boolean }>(
        db,
        sql`SELECT EXISTS (SELECT 1 FROM outbox_events WHERE dispatched_at IS NULL)
            OR EXISTS (SELECT 1 FROM jobs WHERE status IN ('queued', 'running', 'failed')) AS busy`,
      );
      if (!busy) return;
    }
  } finally {
    await worker.stop();
  }
}

/**
 * Our lead import, through the HTTP API and the import job, into a tenant that already holds the
 * scale data (so dedup has something to search), against a raw COPY of the same rows.
 */
export async function benchLeadImport(database: Database, tenant: ScaleTenant, rowCount: number): Promise<LeadImportResult> {
  const file = await fileRows(database, tenant, rowCount);
  const app = await buildApp({ db: database.db, logLevel: 'error', rateLimit: false });
  try {
    const loaded = await loadUserContext(database.db, tenant.tenantId, tenant.adminId, {});
    const { key } = await createApiKey(loaded!.ctx, 'bench import');
    const authorization = `Bearer ${key}`;
    await drainEvents(database.db); // start from a quiet queue: only the import's own events count
    const [{ since }] = await queryRows<{ since: string }>(database.db, sql`SELECT now()::text AS since`);

    takeStageTimes();
    const started = performance.now();
    const body = multipart({ object: 'leads' }, { name: 'trade-show.csv', content: csv([HEADER, ...file.rows]) });
    const uploaded = await app.inject({ method: 'POST', url: '/api/v1/imports', payload: body.body, headers: { ...body.headers, authorization } });
    if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body}`);
    const { id, mapping } = uploaded.json<{ id: string; mapping: unknown }>();
    const start = await app.inject({ method: 'POST', url: `/api/v1/imports/${id}/start`, payload: { mapping, duplicatePolicy: 'skip' }, headers: { authorization } });
    if (start.statusCode >= 300) throw new Error(`start: ${start.statusCode} ${start.body}`);
    const uploadedAt = performance.now();
    await runImports(database.db);
    const imported = performance.now();
    const written = await importWrites(database.db, tenant.tenantId, since);
    const importStages = { upload: { ms: Math.round(uploadedAt - started), calls: 1 }, ...takeStageTimes() };
    await runLikeTheServer(database.db);
    const finished = performance.now();
    // When the last chunk was scored and routed, in the database's clock like `since` (null: no
    // new lead, so nothing to score once the import was done).
    const [{ scoredAfterMs }] = await queryRows<{ scoredAfterMs: number | null }>(
      database.db,
      sql`SELECT (extract(epoch FROM max(finished_at) - ${since}::timestamptz) * 1000)::float8 AS "scoredAfterMs"
          FROM jobs WHERE type = 'imports.score-leads' AND created_at >= ${since}::timestamptz`,
    );
    const eventStages = takeStageTimes();
    const jobs = await queryRows<{ kind: string; n: number }>(
      database.db,
      sql`SELECT coalesce(payload->>'subscriber', type) AS kind, count(*)::int AS n FROM jobs
          WHERE created_at >= ${since}::timestamptz GROUP BY 1 ORDER BY 2 DESC`,
    );

    const result = (await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { authorization } })).json<{ status: string; counts: Record<string, number> }>();
    if (result.status !== 'completed') throw new Error(`import ${result.status}`);
    const copyRowsPerSecond = await copyRate(database.db, tenant.tenantId, file.rows);
    const copyWritten = await copyWritesRate(database.db, written, rowCount);
    const importRowsPerSecond = rowCount / ((imported - started) / 1000);
    const endToEndRowsPerSecond = rowCount / ((scoredAfterMs ?? imported - started) / 1000);
    const settledRowsPerSecond = rowCount / ((finished - started) / 1000);
    const ratio = (x: number) => Math.round((x / copyRowsPerSecond) * 1000) / 1000;
    return {
      rows: rowCount,
      duplicatesPlanted: file.duplicatesPlanted,
      counts: result.counts,
      importRowsPerSecond: Math.round(importRowsPerSecond),
      endToEndRowsPerSecond: Math.round(endToEndRowsPerSecond),
      settledRowsPerSecond: Math.round(settledRowsPerSecond),
      copyRowsPerSecond: Math.round(copyRowsPerSecond),
      written: copyWritten.rows,
      copyWrittenRowsPerSecond: Math.round(copyWritten.rowsPerSecond),
      importRatio: ratio(importRowsPerSecond),
      writtenRatio: Math.round((importRowsPerSecond / copyWritten.rowsPerSecond) * 1000) / 1000,
      endToEndRatio: ratio(endToEndRowsPerSecond),
      stages: { import: importStages, events: eventStages },
      jobs: Object.fromEntries(jobs.map((j) => [j.kind, j.n])),
    };
  } finally {
    await app.close();
  }
}
