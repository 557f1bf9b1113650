import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runImportSlice } from '../../src/modules/imports/import-job.js';
import { queryRows } from '../../src/platform/db/client.js';
import { JobWorker } from '../../src/platform/jobs/job-worker.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';
import { csv, importRow, runImports, upload } from './imports-test-helpers.js';

/** Imports survive crashes and restarts without losing or doubling rows, and stream large files. */
// Each test runs whole imports against a real database: allow for a slow, shared machine.
vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
let admin: ApiClient;
let marketing: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Resume Co');
  marketing = await t.addUser(admin, { role: 'marketing' });
}, 180_000);
afterAll(() => t?.close(), 180_000);

const people = (domain: string, n: number) => [
  ['Name', 'Company', 'Email', 'Phone'],
  ...Array.from({ length: n }, (_, i) => [`Person ${i + 1}`, `Company ${i % 97}`, `p${i + 1}@${domain}`, '']),
];

async function startImport(rows: (string | number)[][], name: string) {
  const uploaded = await upload(marketing.client, { name, content: csv(rows) });
  expect(uploaded.status, uploaded.text).toBe(201);
  const started = await marketing.client.post(`/imports/${uploaded.body.id}/start`, { mapping: uploaded.body.mapping });
  expect(started.status, started.text).toBe(200);
  return uploaded.body.id as string;
}

const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.database.db, query))[0].n);
const leadsOf = (domain: string) => count(sql`SELECT count(*)::int AS n FROM leads WHERE email LIKE ${`%@${domain}`}`);
const distinctLeadsOf = (domain: string) => count(sql`SELECT count(DISTINCT email)::int AS n FROM leads WHERE email LIKE ${`%@${domain}`}`);
const auditedLeadsOf = (domain: string) =>
  count(sql`SELECT count(*)::int AS n FROM audit_log a JOIN leads l ON l.tenant_id = a.tenant_id AND l.id = a.record_id
            WHERE a.object = 'leads' AND a.action = 'create' AND l.email LIKE ${`%@${domain}`}`);
const eventsOf = (domain: string) =>
  count(sql`SELECT count(*)::int AS n FROM outbox_events e JOIN leads l ON l.tenant_id = e.tenant_id AND l.id = e.record_id
            WHERE e.type = 'leads.created' AND l.email LIKE ${`%@${domain}`}`);
const jobOf = async (importId: string) =>
  (await queryRows<{ status: string; attempts: number; last_error: string | null }>(
    t.database.db,
    sql`SELECT status, attempts, last_error FROM jobs WHERE type = 'imports.process' AND payload->>'importId' = ${importId} ORDER BY created_at`,
  ));

describe('resumable imports', () => {
  it('a job that crashes mid-import resumes from its checkpoint: no row lost, none doubled', async () => {
    const id = await startImport(people('crash.example', 1300), 'crash.csv');
    // The first attempt dies inside the batch holding row 1 200, after writing its leads (rows 1 001–1 300).
    await t.database.db.execute(sql`UPDATE jobs SET payload = payload || '{"crashAtRow": 1200}'::jsonb WHERE payload->>'importId' = ${id}`);
    const worker = new JobWorker(t.database.db, { concurrency: 1, retryDelayMs: () => 3_600_000, logger: { warn: () => {}, error: () => {} } });
    expect(await worker.runOnce()).toBe(1);

    const [failed] = await jobOf(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toContain('Simulated crash at data row 1200');
    expect(await importRow(t.database.db, id)).toMatchObject({ status: 'running', processedRows: 1000, createdCount: 1000, totalRows: 1300 });
    const progress = await marketing.client.get(`/imports/${id}`);
    expect(progress.body.progress).toEqual({ processed: 1000, total: 1300, percent: 76 });
    // The crashed batch rolled back whole: its leads, their audit entries and events are gone.
    expect(await leadsOf('crash.example')).toBe(1000);
    expect(await auditedLeadsOf('crash.example')).toBe(1000);

    // The retry (here: made due now) picks up at row 1 001; the committed chunks' scoring jobs run too.
    await t.database.db.execute(sql`UPDATE jobs SET run_at = now() WHERE payload->>'importId' = ${id}`);
    while ((await worker.runOnce()) > 0);
    const done = await marketing.client.get(`/imports/${id}`);
    expect(done.body).toMatchObject({ status: 'completed', counts: { created: 1300, merged: 0, skipped: 0, rejected: 0 }, progress: { processed: 1300, total: 1300 } });
    expect(await leadsOf('crash.example')).toBe(1300);
    expect(await distinctLeadsOf('crash.example')).toBe(1300);
    expect(await auditedLeadsOf('crash.example')).toBe(1300);
    expect(await eventsOf('crash.example')).toBe(1300);
    expect((await jobOf(id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect((await admin.post('/audit/verify', {})).body.ok).toBe(true);
    // The file is dropped once the import is done.
    expect(await count(sql`SELECT count(*)::int AS n FROM import_files WHERE import_id = ${id}`)).toBe(0);
  }, 300_000);

  it('two runners of one import (a lease that ran out while the first still worked) never write a batch twice', async () => {
    const id = await startImport(people('twice.example', 1100), 'twice.csv');
    const payload = { tenantId: (await importRow(t.database.db, id)).tenantId, importId: id };
    const results = await Promise.all([runImportSlice(t.database.db, payload), runImportSlice(t.database.db, payload)]);
    expect(results).toContain('completed');
    expect(await importRow(t.database.db, id)).toMatchObject({ status: 'completed', processedRows: 1100, createdCount: 1100 });
    expect(await leadsOf('twice.example')).toBe(1100);
    expect(await auditedLeadsOf('twice.example')).toBe(1100);
  }, 300_000);

  it('a long import runs in slices: each ends after its time and queues its continuation', async () => {
    const id = await startImport(people('slices.example', 1200), 'slices.csv');
    const payload = { tenantId: (await importRow(t.database.db, id)).tenantId, importId: id };
    expect(await runImportSlice(t.database.db, payload, { sliceMs: 0 })).toBe('continued');
    expect(await importRow(t.database.db, id)).toMatchObject({ status: 'running', processedRows: 500 });
    const jobs = await jobOf(id);
    expect(jobs).toHaveLength(2);
    expect(jobs[1].status).toBe('queued');
    // The queued first job and the continuation both run; whichever comes second finds nothing to do.
    const worker = new JobWorker(t.database.db, { concurrency: 1, logger: { warn: () => {}, error: () => {} } });
    while ((await worker.runOnce()) > 0);
    expect(await importRow(t.database.db, id)).toMatchObject({ status: 'completed', processedRows: 1200, createdCount: 1200 });
    expect(await leadsOf('slices.example')).toBe(1200);
  }, 300_000);

  it('cancelling a running import stops it before its next batch; the rows already imported stay', async () => {
    const id = await startImport(people('cancel.example', 1200), 'cancel.csv');
    const payload = { tenantId: (await importRow(t.database.db, id)).tenantId, importId: id };
    expect(await runImportSlice(t.database.db, payload, { sliceMs: 0 })).toBe('continued');
    expect((await marketing.client.post(`/imports/${id}/cancel`, {})).body).toMatchObject({ status: 'cancelled', progress: { processed: 500 } });
    expect(await runImportSlice(t.database.db, payload)).toBe('stopped');
    expect(await leadsOf('cancel.example')).toBe(500);
  }, 300_000);
});

describe('large files', () => {
  it('imports 20 000 rows in batches with bounded memory, with rejects and duplicates counted', async () => {
    const n = 20_000;
    const rows: string[][] = [['姓名', '公司', '邮箱', '手机', '职位', '城市', '备注']];
    let rejected = 0;
    let skipped = 0;
    for (let i = 1; i <= n; i++) {
      const badPhone = i % 100 === 0;
      const duplicate = i % 250 === 0;
      if (badPhone) rejected++;
      else if (duplicate) skipped++;
      const email = duplicate ? `u${i - 1}@big.example` : `u${i}@big.example`;
      rows.push([`用户${i}`, `公司${i % 500}`, email, badPhone ? '12345' : `13${String(100000000 + i).slice(-9)}`, '经理', '上海市', `第 ${i} 行，展位 A${i % 40}`]);
    }
    const content = csv(rows);
    // The live heap (after a full collection), sampled while the import runs: it must not grow with the file.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 2000);
    try {
      const uploaded = await upload(marketing.client, { name: 'big.csv', content });
      expect(uploaded.status, uploaded.text).toBe(201);
      await marketing.client.post(`/imports/${uploaded.body.id}/start`, { mapping: uploaded.body.mapping });
      const startedAt = performance.now();
      await runImports(t.database.db);
      const seconds = (performance.now() - startedAt) / 1000;
      const done = await marketing.client.get(`/imports/${uploaded.body.id}`);
      expect(done.body).toMatchObject({
        status: 'completed',
        progress: { processed: n, total: n },
        counts: { created: n - rejected - skipped, merged: 0, skipped, rejected },
      });
      expect(await leadsOf('big.example')).toBe(n - rejected - skipped);
      console.log(`20 000 rows: ${seconds.toFixed(1)} s (${Math.round(n / seconds)} rows/s), live heap peak +${Math.round((peak - baseline) / 1048576)} MB`);
    } finally {
      clearInterval(sampler);
    }
    expect(peak - baseline).toBeLessThan(128 * 1024 * 1024);
  }, 1_800_000);
});
