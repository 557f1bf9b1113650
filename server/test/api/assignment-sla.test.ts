import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/** M2L-6: first-response SLA — a reminder to the rep, then escalation to the manager. */
let t: TestApp;
let admin: ApiClient;
let marketing: ApiClient;
let manager: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };
let otherRep: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('SLA Co');
  const root = (await admin.get('/teams')).body.data[0];
  const north = (await admin.post('/teams', { name: 'North', parentId: root.id })).body.id;
  const beijing = (await admin.post('/teams', { name: 'Beijing', parentId: north })).body.id;
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  // The manager sits in the parent team: escalation climbs the team tree to the nearest one.
  manager = await t.addUser(admin, { role: 'sales_manager', teamId: north, name: 'Manager Chen' });
  rep = await t.addUser(admin, { role: 'sales_rep', teamId: beijing, name: 'Rep Li' });
  otherRep = await t.addUser(admin, { role: 'sales_rep', teamId: beijing, name: 'Rep Zhou' });
  await marketing.request('PUT', `/assignment-members/${beijing}/${otherRep.id}`, { active: false });
  expect((await marketing.post('/assignment-rules', { name: 'All', criteria: {}, teamId: beijing })).status).toBe(201);
});
afterAll(() => t.close());

const db = () => t.database.db;
const slaJobs = (leadId: string) =>
  queryRows<{ type: string; run_at: string | Date; status: string }>(
    db(),
    sql`SELECT type, run_at, status FROM jobs WHERE type LIKE 'assignment.sla-%' AND payload->>'leadId' = ${leadId} ORDER BY run_at`,
  );
const runDueSlaJobs = async () => {
  await db().execute(sql`UPDATE jobs SET run_at = now() - interval '1 second' WHERE type LIKE 'assignment.sla-%' AND status = 'queued'`);
  await drainEvents(db());
};
const tasksFor = async (client: ApiClient, leadId: string) =>
  (await client.get(`/activities?filter[leadId]=${leadId}&filter[type]=task`)).body.data as { subject: string; ownerId: string; dueAt: string }[];

describe('first-response SLA', () => {
  const leads: Record<string, { id: string; name: string }> = {};

  it('is a per-tenant setting, audited; only marketing and admins change it', async () => {
    const before = await marketing.get('/assignment-settings');
    expect(before.body).toMatchObject({ firstResponseSlaHours: 4, reminderPercent: 75, escalateToManager: true, version: 1 });
    const res = await marketing.patch('/assignment-settings', {
      firstResponseSlaHours: 2,
      reminderPercent: 50,
      mqlDefinition: 'Score ≥ 60 and a business e-mail; ICP industries only',
      sqlDefinition: 'Accepted by a rep, BANT budget and need confirmed on a call',
      version: 1,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ firstResponseSlaHours: 2, reminderPercent: 50, version: 2 });
    expect((await marketing.patch('/assignment-settings', { reminderPercent: 60, version: 1 })).status).toBe(409);
    expect((await rep.client.patch('/assignment-settings', { reminderPercent: 60 })).status).toBe(403);
    const audit = await admin.get('/audit?object=assignment_settings');
    expect(audit.body.data[0].changes.firstResponseSlaHours).toEqual({ before: 4, after: 2 });
  });

  it('starts the clock on assignment: a reminder at 50 % and escalation at 100 %, once per assignment', async () => {
    for (const name of ['Waiting', 'Answered', 'Reassigned']) {
      const lead = (await marketing.post('/leads', { name, company: `${name} Ltd` })).body;
      await marketing.post(`/leads/${lead.id}/promote`, {});
      leads[name] = lead;
    }
    await drainEvents(db());
    const lead = (await marketing.get(`/leads/${leads.Waiting.id}`)).body;
    expect(lead.ownerId).toBe(rep.id);
    const jobs = await slaJobs(lead.id);
    const assignedAt = new Date(lead.assignedAt).getTime();
    expect(jobs.map((j) => [j.type, new Date(j.run_at).getTime() - assignedAt])).toEqual([
      ['assignment.sla-reminder', 3600_000],
      ['assignment.sla-escalation', 7200_000],
    ]);
    // Events delivered twice do not double the jobs.
    await db().execute(sql`UPDATE outbox_events SET dispatched_at = NULL WHERE type = 'leads.assigned' AND record_id = ${lead.id}`);
    await drainEvents(db());
    expect(await slaJobs(lead.id)).toHaveLength(2);
  });

  it('reminds the rep and escalates to the manager only for leads still waiting', async () => {
    await rep.client.post(`/leads/${leads.Answered.id}/accept`, {});
    await marketing.post(`/leads/${leads.Reassigned.id}/assign`, { ownerId: otherRep.id });
    await drainEvents(db());
    await runDueSlaJobs();

    const reminder = await tasksFor(rep.client, leads.Waiting.id);
    expect(reminder).toHaveLength(1);
    expect(reminder[0].subject).toContain('Waiting (Waiting Ltd)');
    expect(reminder[0].ownerId).toBe(rep.id);
    const lead = (await marketing.get(`/leads/${leads.Waiting.id}`)).body;
    expect(new Date(reminder[0].dueAt).getTime()).toBe(new Date(lead.assignedAt).getTime() + 7200_000);

    // The manager sees the team's tasks; the escalation is the one they own.
    const escalation = (await tasksFor(manager.client, leads.Waiting.id)).filter((a) => a.ownerId === manager.id);
    expect(escalation).toHaveLength(1);
    expect(escalation[0].subject).toContain('Rep Li');

    // Accepted in time: nothing. Reassigned: the old clock is void; the new owner's runs.
    expect(await tasksFor(admin, leads.Answered.id)).toEqual([]);
    const reassigned = await tasksFor(admin, leads.Reassigned.id);
    expect(reassigned.map((a) => a.ownerId).sort()).toEqual([otherRep.id, manager.id].sort());

    const breaches = await queryRows<{ record_id: string; payload: { ownerId: string; managerIds: string[] } }>(
      db(),
      sql`SELECT record_id, payload FROM outbox_events WHERE type = 'leads.sla_breached' ORDER BY occurred_at`,
    );
    expect(breaches.map((b) => b.record_id).sort()).toEqual([leads.Waiting.id, leads.Reassigned.id].sort());
    expect(breaches.find((b) => b.record_id === leads.Waiting.id)!.payload).toMatchObject({ ownerId: rep.id, managerIds: [manager.id] });
  });

  it('writes the tasks in each reader’s language', async () => {
    await rep.client.patch('/me', { locale: 'zh-CN' });
    const lead = (await marketing.post('/leads', { name: '王建国' })).body;
    await marketing.post(`/leads/${lead.id}/promote`, {});
    await drainEvents(db());
    await runDueSlaJobs();
    const [task] = await tasksFor(rep.client, lead.id);
    expect(task.subject).toContain('请在');
  });

  it('no SLA, no clock', async () => {
    await marketing.patch('/assignment-settings', { firstResponseSlaHours: 0 });
    const lead = (await marketing.post('/leads', { name: 'No clock' })).body;
    await marketing.post(`/leads/${lead.id}/promote`, {});
    await drainEvents(db());
    expect((await marketing.get(`/leads/${lead.id}`)).body.ownerId).toBe(rep.id);
    expect(await slaJobs(lead.id)).toEqual([]);
    const inbox = (await rep.client.get('/leads/inbox')).body;
    expect(inbox.data.find((l: { id: string }) => l.id === lead.id)).toMatchObject({ slaDueAt: null, slaBreached: false });
  });
});
