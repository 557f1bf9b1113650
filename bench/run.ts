import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/src/platform/db/client.js';
import { openTestDatabase } from '../server/test/test-database.js';
import { benchApiReads } from './api-reads.js';
import { generateScaleTenant } from './scale-data.js';
import { benchStartup } from './startup.js';

/**
 * `npm run bench [-- --scale 0.1 --duration 10]`: each benchmark runs our code and a baseline in
 * the same run on the same database and reports the ratio; absolute numbers are for information.
 * With DATABASE_URL the database is a fresh one on that server, else the embedded PGlite.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    smoke: { type: 'boolean', default: false },
  },
});
const scale = values.smoke ? 0.002 : Number(values.scale);
const durationSec = values.smoke ? 1 : Number(values.duration);

const database = await openTestDatabase();
const [{ version }] = await queryRows<{ version: string }>(database.db, sql`SELECT version()`);
const generated = performance.now();
const tenant = await generateScaleTenant(database.db, scale);
const generateMs = Math.round(performance.now() - generated);
const apiReads = await benchApiReads(database.db, tenant, { connections: Number(values.connections), durationSec });
await database.close();
const startup = await benchStartup();

const result = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version },
  database: database.kind === 'postgres' ? version.split(',')[0] : `PGlite (${version.split(',')[0]})`,
  scale,
  rows: tenant.counts,
  generateMs,
  apiReads,
  startup,
};

const resultsDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const stamp = result.at.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);

const r = apiReads;
const markdown = `## ${result.at.slice(0, 16)} — ${result.database}, scale ${scale}

Machine: ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB, Node ${result.machine.node}.
Data: ${Object.entries(tenant.counts).map(([k, v]) => `${v} ${k}`).join(', ')} (generated in ${generateMs} ms).

| Benchmark | Ours | Baseline (bare SQL route) | Ratio (target) |
|---|---|---|---|
| Get one account by id, ${values.connections} connections | ${r.getById.ours.requestsPerSecond} req/s, p50 ${r.getById.ours.p50Ms} ms, p99 ${r.getById.ours.p99Ms} ms | ${r.getById.bare.requestsPerSecond} req/s, p99 ${r.getById.bare.p99Ms} ms | ${r.getById.throughputRatio} (≥ 0.5) |
| List page of 50, filtered and sorted | ${r.listPage.ours.requestsPerSecond} req/s, p50 ${r.listPage.ours.p50Ms} ms, p99 ${r.listPage.ours.p99Ms} ms | ${r.listPage.bare.requestsPerSecond} req/s, p99 ${r.listPage.bare.p99Ms} ms | ${r.listPage.throughputRatio} (≥ 0.5; p99 < 50 ms) |
| Server RSS under load | ${r.maxRssMb} MB | | (< 300 MB) |
| Start-up to ready, embedded database | first run ${startup.firstStartMs} ms (migrations + demo), warm ${startup.warmStartMs} ms | | (< 5 s) |
`;
fs.writeFileSync(path.join(resultsDir, `${stamp}.md`), markdown);
console.log(markdown);
