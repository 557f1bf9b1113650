import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/** OPP-7: tasks with due times and reminders (jobs, in-app notifications), overdue tasks, the weekly visit plan. */
let t: TestApp;
let admin: ApiClient;
let manager: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };
let otherRep: { client: ApiClient; id: string };
let teamId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Agenda Co');
  const root = (await admin.get('/teams')).body.data[0];
  teamId = (await admin.post('/teams', { name: 'East', parentId: root.id })).body.id;
  manager = await t.addUser(admin, { role: 'sales_manager', teamId, name: 'Manager Chen' });
  rep = await t.addUser(admin, { role: 'sales_rep', teamId, name: 'Rep Li' });
  otherRep = await t.addUser(admin, { role: 'sales_rep', name: 'Rep Zhou' });
});
afterAll(() => t.close());

const db = () => t.database.db;
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const reminderJobs = (activityId: string) =>
  queryRows<{ run_at: Date | string; status: string }>(
    db(), sql`SELECT run_at, status FROM jobs WHERE type = 'activities.task-reminder' AND payload->>'activityId' = ${activityId} ORDER BY run_at`,
  );
const runDueReminders = async () => {
  await db().execute(sql`UPDATE jobs SET run_at = now() - interval '1 second' WHERE type = 'activities.task-reminder' AND status = 'queued'`);
  await drainEvents(db());
};
const iso = (v: Date | string) => new Date(v).toISOString();

describe('tasks and reminders', () => {
  it('a task gets a reminder before it is due; rescheduling moves it, completing withdraws it', async () => {
    const dueAt = inHours(4);
    const task = (await rep.client.post('/activities', { type: 'task', subject: '给王总发报价', dueAt })).body;
    expect(task.remindAt).toBe(new Date(Date.parse(dueAt) - 15 * 60_000).toISOString());
    expect((await reminderJobs(task.id)).map((j) => [iso(j.run_at), j.status])).toEqual([[task.remindAt, 'queued']]);

    const later = inHours(28);
    const moved = (await rep.client.patch(`/activities/${task.id}`, { dueAt: later, version: task.version })).body;
    expect(moved.remindAt).toBe(new Date(Date.parse(later) - 15 * 60_000).toISOString());
    expect((await reminderJobs(task.id)).map((j) => iso(j.run_at))).toEqual([moved.remindAt]);

    const done = await rep.client.patch(`/activities/${task.id}`, { status: 'done', version: moved.version });
    expect(done.status).toBe(200);
    expect(await reminderJobs(task.id)).toEqual([]);
  });

  it('reminds the owner in the app in their language, and the notification can be marked read', async () => {
    const task = (await rep.client.post('/activities', { type: 'call', subject: 'Call the CIO', dueAt: inHours(2), remindAt: inHours(1) })).body;
    const silent = (await rep.client.post('/activities', { type: 'task', subject: 'No reminder', dueAt: inHours(2), remindAt: null })).body;
    expect(silent.remindAt).toBeNull();
    expect(await reminderJobs(silent.id)).toEqual([]);
    await runDueReminders();
    const list = await rep.client.get('/notifications?unread=true');
    expect(list.body.unreadCount).toBe(1);
    expect(list.body.data[0]).toMatchObject({ kind: 'TASK_REMINDER', object: 'activities', recordId: task.id, readAt: null });
    expect(list.body.data[0].title).toContain('Call the CIO');
    expect((await rep.client.as('zh-CN').get('/notifications')).body.data[0].title).toContain('提醒');
    expect((await otherRep.client.get('/notifications')).body.data).toEqual([]);
    expect((await otherRep.client.post(`/notifications/${list.body.data[0].id}/read`)).status).toBe(404);
    expect((await rep.client.post(`/notifications/${list.body.data[0].id}/read`)).status).toBe(204);
    expect((await rep.client.get('/notifications?unread=true')).body.unreadCount).toBe(0);
  });

  it('a deleted task is not reminded of', async () => {
    const task = (await rep.client.post('/activities', { type: 'task', subject: 'Deleted soon', dueAt: inHours(3) })).body;
    expect(await reminderJobs(task.id)).toHaveLength(1);
    expect((await rep.client.delete(`/activities/${task.id}?version=${task.version}`)).status).toBe(204);
    await drainEvents(db());
    expect(await reminderJobs(task.id)).toEqual([]);
  });

  it('lists overdue tasks, soonest due first, as visibility allows', async () => {
    const a = (await rep.client.post('/activities', { type: 'task', subject: 'Overdue A', dueAt: inHours(-48) })).body;
    const b = (await rep.client.post('/activities', { type: 'task', subject: 'Overdue B', dueAt: inHours(-2) })).body;
    await rep.client.post('/activities', { type: 'task', subject: 'Overdue but done', dueAt: inHours(-5), status: 'done' });
    await otherRep.client.post('/activities', { type: 'task', subject: 'Not mine', dueAt: inHours(-3) });
    const overdue = (await rep.client.get('/activities/tasks?view=overdue')).body.data;
    expect(overdue.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    expect(a.remindAt).toBeNull();
    const page1 = await rep.client.get('/activities/tasks?view=open&limit=1');
    expect(page1.body.data[0].id).toBe(a.id);
    const page2 = await rep.client.get(`/activities/tasks?view=open&limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.data[0].id).toBe(b.id);
    const team = (await manager.client.get(`/activities/tasks?view=overdue&teamId=${teamId}`)).body.data;
    expect(team.map((x: { subject: string }) => x.subject)).toEqual(['Overdue A', 'Overdue B']);
  });
});

describe('weekly visit plan', () => {
  it('counts per day and per rep what was planned, done with a check-in and missed, in the tenant time zone', async () => {
    const account = (await rep.client.post('/accounts', { name: '星河智造' })).body;
    const contact = (await rep.client.post('/contacts', { name: '王建国', accountId: account.id })).body;
    // Week 2026-W10: Monday 2 March 2026, Asia/Shanghai (UTC+8). All in the past when the test runs.
    const planned = (at: string, extra: Record<string, unknown> = {}) =>
      rep.client.post('/activities', { type: 'visit', subject: '拜访', accountId: account.id, contactIds: [contact.id], startAt: at, ...extra });
    const done = (await planned('2026-03-02T01:00:00.000Z')).body; // Mon 09:00 local
    await rep.client.patch(`/activities/${done.id}`, {
      status: 'done', checkIn: { lat: 39.9, lng: 116.4, at: '2026-03-02T01:05:00.000Z' }, version: done.version,
    });
    await planned('2026-03-03T17:00:00.000Z'); // Wed 01:00 local: missed
    await planned('2026-03-01T15:30:00.000Z'); // Sun 23:30 local: the week before
    await otherRep.client.post('/activities', { type: 'visit', subject: 'Other team', startAt: '2026-03-04T02:00:00.000Z' });
    // Visits logged in the past count as "planned" only when created before they were due: these were created now, after.
    await db().execute(sql`UPDATE activities SET created_at = '2026-02-27T00:00:00Z' WHERE type = 'visit'`);

    const plan = await rep.client.get('/activities/visit-plan?week=2026-W10');
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ week: '2026-W10', timeZone: 'Asia/Shanghai', from: '2026-03-01T16:00:00.000Z' });
    expect(plan.body.days.map((d: { date: string }) => d.date)[0]).toBe('2026-03-02');
    expect(plan.body.days[0]).toMatchObject({ planned: 1, done: 1, missed: 0 });
    expect(plan.body.days[2]).toMatchObject({ date: '2026-03-04', planned: 1, missed: 1 });
    expect(plan.body.totals).toMatchObject({ planned: 2, done: 1, missed: 1, unplanned: 0 });
    expect(plan.body.owners).toEqual([expect.objectContaining({ ownerId: rep.id, ownerName: 'Rep Li', planned: 2, done: 1 })]);
    expect(plan.body.visits[0]).toMatchObject({ accountId: account.id, contactIds: [contact.id], outcome: 'done', planned: true });

    const team = (await manager.client.get(`/activities/visit-plan?week=2026-W10&teamId=${teamId}`)).body;
    expect(team.totals.planned).toBe(2);
    const all = (await admin.get('/activities/visit-plan?week=2026-W10')).body;
    expect(all.owners.map((o: { ownerName: string }) => o.ownerName).sort()).toEqual(['Rep Li', 'Rep Zhou']);
    expect((await rep.client.get('/activities/visit-plan?date=2026-03-08')).body.week).toBe('2026-W10');
    const bad = await rep.client.get('/activities/visit-plan?week=2021-W53');
    expect(bad.status).toBe(400);
  });
});
