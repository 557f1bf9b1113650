import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../server/src/platform/db/client.js';
import { openTestDatabase, type TestDatabase } from '../server/test/test-database.js';
import { benchAnalytics } from './analytics.js';
import { benchApiKey, benchApiReads, type BenchTarget } from './api-reads.js';
import { benchLeadImport } from './lead-import.js';
import { recordResults, resultsMarkdown, type BenchResult } from './report.js';
import { generateScaleTenant, loadScaleTenant } from './scale-data.js';
import { benchStartup } from './startup.js';

/**
 * `npm run bench [-- --scale 0.1 --duration 10 --import-rows 20000 --only analytics,api,import,startup --record]`: each benchmark
 * runs our code and a baseline in the same run on the same database and reports the ratio;
 * absolute numbers are for information. With DATABASE_URL the database is a fresh one on that
 * server, else the embedded PGlite. `--record` keeps docs/performance.md current.
 * `--tenant ID` benches a tenant `npm run seed:scale` left in DATABASE_URL's database instead
 * (scale 10 takes most of an hour to generate; the import benchmark adds leads to it).
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'import-rows': { type: 'string', default: '20000' },
    smoke: { type: 'boolean', default: false },
    record: { type: 'boolean', default: false },
    /** Comma-separated subset of analytics, api, import, startup (all by default): profile one benchmark without the others. */
    only: { type: 'string' },
    tenant: { type: 'string' },
  },
});
const BENCHMARKS = ['analytics', 'api', 'import', 'startup'] as const;
const only = new Set(values.only ? values.only.split(',').map((s) => s.trim()) : BENCHMARKS);
for (const name of only) if (!(BENCHMARKS as readonly string[]).includes(name)) throw new Error(`--only: unknown benchmark ${name} (${BENCHMARKS.join(', ')})`);
if (values.record && only.size < BENCHMARKS.length) throw new Error('--record needs every benchmark (no --only)');
if (values.tenant && !process.env.DATABASE_URL) throw new Error('--tenant needs DATABASE_URL: the database holding the generated tenant');
const scale = values.smoke ? 0.002 : Number(values.scale);
const durationSec = values.smoke ? 1 : Number(values.duration);
const importRows = values.smoke ? 200 : Number(values['import-rows']);

// The API reads run against a separate server process on the same data: on PostgreSQL a fresh
// database on that server; on PGlite a data folder the bench fills, closes (one connection, and
// the folder is locked) and hands to the server, then opens again for the import benchmark.
const dataDir = process.env.DATABASE_URL || !only.has('api') ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-bench-'));
const serverDatabase: TestDatabase | undefined = dataDir
  ? undefined
  : values.tenant
    ? { ...(await openDatabase({ databaseUrl: process.env.DATABASE_URL })), url: process.env.DATABASE_URL }
    : await openTestDatabase();
let database: Database = serverDatabase ?? (await openDatabase({ dataDir }));
await database.migrate();
const target: BenchTarget = serverDatabase ? { databaseUrl: serverDatabase.url! } : { dataDir: dataDir! };
const [{ version }] = await queryRows<{ version: string }>(database.db, sql`SELECT version()`);
const generated = performance.now();
const tenant = values.tenant ? await loadScaleTenant(database.db, values.tenant) : await generateScaleTenant(database.db, scale);
const generateMs = Math.round(performance.now() - generated);
const analytics = only.has('analytics') ? await benchAnalytics(database.db, tenant, values.smoke ? 1 : 5) : undefined;
let apiReads: BenchResult['apiReads'];
if (only.has('api')) {
  const apiKey = await benchApiKey(database.db, tenant);
  if (dataDir) await database.close();
  apiReads = await benchApiReads(target, tenant, apiKey, {
    connections: Number(values.connections),
    durationSec,
    requests: values.smoke ? Number(values.connections) * 8 : undefined,
  });
  if (dataDir) database = await openDatabase({ dataDir });
}
const leadImport = only.has('import') ? await benchLeadImport(database, tenant, importRows) : undefined;
await database.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
const startup = only.has('startup') ? await benchStartup() : undefined;

const result: BenchResult = {
  at: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  },
  databaseKind: database.kind,
  database: database.kind === 'postgres' ? version.split(',')[0] : `PGlite (${version.split(',')[0]})`,
  scale: tenant.scale,
  rows: tenant.counts,
  generateMs,
  connections: Number(values.connections),
  analytics,
  apiReads,
  leadImport,
  startup,
};

const resultsDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const stamp = result.at.replace(/[:.]/g, '-');
const markdown = resultsMarkdown(result);
fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
fs.writeFileSync(path.join(resultsDir, `${stamp}.md`), markdown);
if (values.record) recordResults(path.join(import.meta.dirname, '../docs/performance.md'), result.databaseKind, markdown);
console.log(markdown);
