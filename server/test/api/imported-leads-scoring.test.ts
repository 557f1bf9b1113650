import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, loadUserContext } from '../../src/platform/auth/context-loader.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { autoAssignPromoted } from '../../src/modules/assignment/lead-routing.service.js';
import { MAX_KEY_RECORDS } from '../../src/modules/dedup/index.js';
import { enqueueImportedLeads, indexImportedLeadsJob, scoreImportedLeadsJob } from '../../src/modules/imports/imported-leads.job.js';
import { queryRows } from '../../src/platform/db/client.js';
import { jobs } from '../../src/platform/jobs/jobs.schema.js';
import { createLeadsBulk, leadHistory, leadStore, type Lead } from '../../src/modules/leads/leads.service.js';
import { rescoreLeads } from '../../src/modules/scoring/lead-scoring.service.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/**
 * An import scores and routes its leads a chunk at a time (one job, a few statements); the
 * results must be exactly those of the per-lead path (a job per lead and per event).
 */
let t: TestApp;

interface Tenant {
  admin: ApiClient;
  tenantId: string;
  adminId: string;
  userNames: Map<string, string>;
  teamNames: Map<string, string>;
}

/** Two teams (round robin with a capacity, least loaded), scoring rules and routing rules, built the same way in each tenant. */
async function setUpTenant(): Promise<Tenant> {
  const admin = await t.signUp();
  const me = (await admin.get('/me')).body;
  const root = (await admin.get('/teams')).body.data[0];
  const teams: Record<string, string> = {};
  for (const name of ['Key accounts', 'SMB']) teams[name] = (await admin.post('/teams', { name, parentId: root.id })).body.id;
  const userNames = new Map<string, string>([[me.user.id, 'admin']]);
  for (const [name, team] of [['ka1', 'Key accounts'], ['ka2', 'Key accounts'], ['smb1', 'SMB'], ['smb2', 'SMB'], ['smb3', 'SMB']] as const) {
    const user = await t.addUser(admin, { role: 'sales_rep', teamId: teams[team], name });
    userNames.set(user.id, name);
    if (name === 'smb2') expect((await admin.request('PUT', `/assignment-members/${teams.SMB}/${user.id}`, { capacity: 2 })).status).toBe(200);
  }
  for (const rule of [
    { name: 'Manufacturing', category: 'fit', field: 'industry', operator: 'equals', value: '制造业', points: 40 },
    { name: 'Director', category: 'fit', field: 'title', operator: 'contains', value: ['总监'], points: 30 },
    { name: 'Large', category: 'fit', field: 'headcount', operator: 'gte', value: 500, points: 20 },
  ]) expect((await admin.post('/scoring-rules', rule)).status).toBe(201);
  for (const rule of [
    { name: 'Students to the queue', criteria: { sources: ['student_list'] }, teamId: null },
    { name: 'Key accounts', criteria: { headcount: { min: 1000 } }, teamId: teams['Key accounts'], strategy: 'least_loaded' },
    { name: 'SMB', criteria: { headcount: { max: 999 } }, teamId: teams.SMB },
  ]) expect((await admin.post('/assignment-rules', rule)).status).toBe(201);
  const teamNames = new Map(Object.entries(teams).map(([name, id]) => [id, name]));
  return { admin, tenantId: me.tenant.id, adminId: me.user.id, userNames, teamNames };
}

/** A spread of leads: MQLs of both teams (more SMB ones than its capacity allows), students, and leads below the bar. */
function leadInputs(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < 24; i++) {
    out.push({
      name: `Lead ${String(i).padStart(2, '0')}`,
      company: `Company ${i}`,
      industry: i % 4 === 3 ? '零售' : '制造业',
      title: i % 3 === 0 ? '技术总监' : '工程师',
      headcount: [50, 600, 1500, 2000][i % 4],
      source: i % 7 === 5 ? 'student_list' : 'import',
    });
  }
  return out;
}

async function createLeads(tenant: Tenant, eventPayload?: Record<string, unknown>): Promise<Lead[]> {
  const loaded = await loadUserContext(t.database.db, tenant.tenantId, tenant.adminId, {});
  return createLeadsBulk(loaded!.ctx, leadInputs(), 'import', eventPayload);
}

/** What scoring and routing decided for each lead, by name, in terms both tenants share. */
async function outcomes(tenant: Tenant, ids: string[]) {
  const ctx = systemContext(t.database.db, tenant.tenantId);
  const leads = await leadStore.getMany(ctx, ids);
  const out: Record<string, unknown> = {};
  for (const lead of leads) {
    out[lead.name] = {
      score: lead.score,
      grade: lead.grade,
      fitScore: lead.fitScore,
      status: lead.status,
      owner: lead.ownerId ? tenant.userNames.get(lead.ownerId) : null,
      team: lead.teamId ? tenant.teamNames.get(lead.teamId) : null,
      inRoutingQueue: lead.inRoutingQueue,
      lastReason: lead.lastReason,
      version: lead.version,
      history: (await leadHistory(ctx, lead.id)).map((h) => `${h.action}:${h.fromStatus}->${h.toStatus}:${h.reason}`),
    };
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('scoring and routing of imported leads in batches', () => {
  it('gives every lead the score, status, owner, team and history the per-lead path gives it', async () => {
    const one = await setUpTenant();
    const batch = await setUpTenant();
    const db = t.database.db;

    // One lead at a time, as the per-lead jobs do: rescore it, then route it if it became an MQL.
    const single = await createLeads(one);
    for (const lead of single) {
      const { promoted } = await rescoreLeads(systemContext(db, one.tenantId, 'scoring'), [lead]);
      for (const id of promoted) await autoAssignPromoted(systemContext(db, one.tenantId, 'lead assignment'), id, new Date());
    }
    const expected = await outcomes(one, single.map((l) => l.id));

    // The import's way: one job for the chunk; the per-lead subscribers leave these leads alone.
    const importId = '0190f0f0-0000-7000-8000-000000000001';
    const created = await createLeads(batch, { importId });
    await scoreImportedLeadsJob.handler({ tenantId: batch.tenantId, importId, leadIds: created.map((l) => l.id) }, { db } as never);
    await drainEvents(db);
    const actual = await outcomes(batch, created.map((l) => l.id));

    expect(actual).toEqual(expected);
    const statuses = Object.values(expected).map((o) => (o as { status: string; owner: string | null }));
    // The case covers promotions to both teams, the capacity limit and the queue.
    expect(statuses.filter((s) => s.status === 'mql').length).toBeGreaterThan(10);
    expect(new Set(statuses.map((s) => s.owner))).toEqual(new Set(['ka1', 'ka2', 'smb1', 'smb2', 'smb3', null, 'admin']));
    expect((await batch.admin.post('/audit/verify', {})).body.ok).toBe(true);
  }, 300_000);
});

describe('the duplicate index of imported leads', () => {
  it('is written by a job of its own, queued with the scoring but behind it', async () => {
    const tenant = await setUpTenant();
    const db = t.database.db;
    const importId = '0190f0f0-0000-7000-8000-000000000002';
    const loaded = await loadUserContext(db, tenant.tenantId, tenant.adminId, {});
    const twins = [
      { name: '周明', company: '星河智造', email: 'zhou.ming@xinghe.example', source: 'import' },
      { name: '周明', company: '星河智造科技', email: 'ZHOU.MING@xinghe.example', source: 'import' },
    ];
    const created = await createLeadsBulk(loaded!.ctx, twins, 'import', { importId });
    const payload = { tenantId: tenant.tenantId, importId, leadIds: created.map((l) => l.id) };
    const indexed = async () => {
      const [row] = await queryRows<{ states: number; pairs: number }>(db, sql`SELECT
        (SELECT count(*)::int FROM dedup_index_state WHERE tenant_id = ${tenant.tenantId} AND record_id IN (${sql.join(payload.leadIds.map((id) => sql`${id}::uuid`), sql`, `)})) AS states,
        (SELECT count(*)::int FROM dedup_pairs WHERE tenant_id = ${tenant.tenantId} AND object = 'leads') AS pairs`);
      return row;
    };
    // The per-lead subscribers leave imported leads to the import's jobs.
    await drainEvents(db);
    expect(await indexed()).toEqual({ states: 0, pairs: 0 });

    await db.transaction((tx) => enqueueImportedLeads(tx, payload, 2));
    const queued = await db.select({ type: jobs.type, priority: jobs.priority }).from(jobs).where(and(eq(jobs.tenantId, tenant.tenantId), sql`${jobs.uniqueKey} LIKE ${`imports:${importId}:%`}`));
    expect(queued.sort((a, b) => b.priority - a.priority)).toEqual([
      { type: 'imports.score-leads', priority: 0 },
      { type: 'imports.index-leads', priority: -1 },
    ]);
    await drainEvents(db);
    expect(await indexed()).toEqual({ states: 2, pairs: 1 });
  }, 120_000);

  it('compares records by a key as long as at most MAX_KEY_RECORDS share it, and not once more do', async () => {
    const tenant = await setUpTenant();
    const db = t.database.db;
    const importId = '0190f0f0-0000-7000-8000-000000000003';
    const loaded = await loadUserContext(db, tenant.tenantId, tenant.adminId, {});
    // One name at one company, no contact point: only the name and company keys bring them together.
    const same = () => ({ name: '王芳', company: '大成机械有限公司', source: 'import' });
    const index = async (n: number) => {
      const created = await createLeadsBulk(loaded!.ctx, Array.from({ length: n }, same), 'import', { importId });
      await indexImportedLeadsJob.handler({ tenantId: tenant.tenantId, importId, leadIds: created.map((l) => l.id) }, { db } as never);
      const [{ pairs }] = await queryRows<{ pairs: number }>(db, sql`SELECT count(*)::int AS pairs FROM dedup_pairs WHERE tenant_id = ${tenant.tenantId}`);
      return pairs;
    };
    expect(await index(MAX_KEY_RECORDS)).toBe((MAX_KEY_RECORDS * (MAX_KEY_RECORDS - 1)) / 2);
    // One more, and the keys are too common to say anything: the newcomer is compared with no one.
    expect(await index(1)).toBe((MAX_KEY_RECORDS * (MAX_KEY_RECORDS - 1)) / 2);
  }, 120_000);
});
