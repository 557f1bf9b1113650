/**
 * Lead import throughput against raw COPY into a table shaped like `leads`, measured in the same
 * run (TARGETS.md / benchmarks issue: import ≥ 0.25 × COPY with dedup on).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/imports-throughput.ts 20000
 *   npx tsx bench/imports-throughput.ts 5000          # PGlite: absolute rate only (no server-side COPY)
 *
 * The import runs the real path: multipart upload through the HTTP app, the count pass, batches of
 * 500 rows with validation, duplicate lookup (policy skip; 2 % of rows repeat an earlier e-mail),
 * multi-row INSERTs, an audit entry and an event per lead, and the checkpoint per batch.
 * Results go to bench/results/imports-throughput-<db>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp } from '../server/test/test-app.js';
import { csv, runImports, upload } from '../server/test/api/imports-test-helpers.js';
import { queryRows } from '../server/src/platform/db/client.js';

const rows = Number(process.argv[2] ?? 20_000);
const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

function fileRows(n: number) {
  const out: string[][] = [['姓名', '公司', '邮箱', '手机', '职位', '城市', '备注']];
  for (let i = 1; i <= n; i++) {
    const email = i % 50 === 0 ? `u${i - 1}@bench.example` : `u${i}@bench.example`;
    out.push([`用户${i}`, `公司${i % 997}`, email, `13${String(100000000 + i).slice(-9)}`, '经理', '上海市', `展位 A${i % 40}`]);
  }
  return out;
}

async function main() {
  const t = await createTestApp();
  try {
    const admin = await t.signUp('Bench Co');
    const marketing = await t.addUser(admin, { role: 'marketing' });
    const content = csv(fileRows(rows));

    let peakRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    const t0 = performance.now();
    const uploaded = await upload(marketing.client, { name: 'bench.csv', content });
    if (uploaded.status !== 201) throw new Error(uploaded.text);
    const t1 = performance.now();
    await marketing.client.post(`/imports/${uploaded.body.id}/start`, { mapping: uploaded.body.mapping, duplicatePolicy: 'skip' });
    await runImports(t.database.db);
    const t2 = performance.now();
    clearInterval(sampler);
    const result = (await marketing.client.get(`/imports/${uploaded.body.id}`)).body;
    if (result.status !== 'completed') throw new Error(`import ${result.status}`);

    let copy: { seconds: number; rowsPerSecond: number } | null = null;
    if (kind === 'postgres') {
      const [{ tenant_id: tenantId }] = await queryRows<{ tenant_id: string }>(t.database.db, sql`SELECT tenant_id FROM imports LIMIT 1`);
      const file = path.join(os.tmpdir(), `l2c-copy-${process.pid}.csv`);
      const lines = fileRows(rows).slice(1).map((r, i) => [tenantId, `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, r[0], r[1], r[2], `+86${r[3]}`, r[4], 'import'].join(','));
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      fs.chmodSync(file, 0o644);
      await t.database.db.execute(sql`CREATE TABLE bench_copy (LIKE leads INCLUDING DEFAULTS INCLUDING INDEXES)`);
      const c0 = performance.now();
      await t.database.db.execute(sql.raw(`COPY bench_copy (tenant_id, id, name, company, email, phone, title, source) FROM '${file}' WITH (FORMAT csv)`));
      const seconds = (performance.now() - c0) / 1000;
      copy = { seconds, rowsPerSecond: Math.round(rows / seconds) };
      fs.rmSync(file);
    }

    const importSeconds = (t2 - t1) / 1000;
    const report = {
      database: kind,
      rows,
      at: new Date().toISOString(),
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
      uploadSeconds: Math.round((t1 - t0)) / 1000,
      importSeconds: Math.round(importSeconds * 1000) / 1000,
      importRowsPerSecond: Math.round(rows / importSeconds),
      counts: result.counts,
      copy,
      ratioToCopy: copy ? Math.round((rows / importSeconds / copy.rowsPerSecond) * 1000) / 1000 : null,
      peakRssMb: Math.round(peakRss / 1048576),
      peakHeapMb: Math.round(peakHeap / 1048576),
    };
    console.log(JSON.stringify(report, null, 2));
    const out = path.resolve(import.meta.dirname, 'results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `imports-throughput-${kind}.json`), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await t.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
