import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/** JOURNEYS.md 3: a rep opens the lead inbox, accepts four, rejects one, returns one to nurture. */
let t: TestApp;
let admin: ApiClient;
let marketing: ApiClient;
let rep: { client: ApiClient; id: string };
let eastRep: { client: ApiClient; id: string };
const teams: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Inbox Co');
  const root = (await admin.get('/teams')).body.data[0];
  teams.north = (await admin.post('/teams', { name: 'North', parentId: root.id })).body.id;
  teams.beijing = (await admin.post('/teams', { name: 'Beijing', parentId: teams.north })).body.id;
  teams.east = (await admin.post('/teams', { name: 'East', parentId: root.id })).body.id;
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  rep = await t.addUser(admin, { role: 'sales_rep', teamId: teams.beijing, name: 'Li Ming' });
  eastRep = await t.addUser(admin, { role: 'sales_rep', teamId: teams.east, name: 'Wang Fang' });
  for (const rule of [
    { name: 'North China', criteria: { regions: ['华北大区'] }, teamId: teams.beijing },
    { name: 'East China', criteria: { regions: ['华东大区'] }, teamId: teams.east },
  ]) {
    expect((await marketing.post('/assignment-rules', rule)).status).toBe(201);
  }
});
afterAll(() => t.close());

const mql = async (name: string, facts: Record<string, unknown> = {}) => {
  const lead = (await marketing.post('/leads', { name, company: `${name} 科技有限公司`, region: '华北大区', productInterest: 'CRM', ...facts })).body;
  expect((await marketing.post(`/leads/${lead.id}/promote`, {})).status).toBe(200);
  return lead as { id: string; name: string };
};

describe('the rep’s lead inbox', () => {
  const ids: string[] = [];

  it('shows the six leads assigned overnight, longest waiting first, with their first-response deadline', async () => {
    for (const name of ['赵一', '钱二', '孙三', '李四', '周五', '吴六']) ids.push((await mql(name)).id);
    await drainEvents(t.database.db);
    const inbox = await rep.client.get('/leads/inbox');
    expect(inbox.status, inbox.text).toBe(200);
    expect(inbox.body.slaHours).toBe(4);
    expect(inbox.body.data.map((l: { id: string }) => l.id)).toEqual(ids);
    for (const lead of inbox.body.data) {
      expect(lead).toMatchObject({ status: 'mql', ownerId: rep.id, teamId: teams.beijing, slaBreached: false });
      expect(new Date(lead.slaDueAt).getTime() - new Date(lead.assignedAt).getTime()).toBe(4 * 3600_000);
    }
    // Nobody else's inbox shows them.
    expect((await eastRep.client.get('/leads/inbox')).body.data).toEqual([]);
    expect((await marketing.get('/leads/inbox')).body.data).toEqual([]);
  });

  it('accepts four in one tap each', async () => {
    for (const id of ids.slice(0, 4)) {
      const res = await rep.client.post(`/leads/${id}/accept`, {});
      expect(res.body).toMatchObject({ status: 'accepted', ownerId: rep.id });
    }
    expect((await rep.client.get('/leads/inbox')).body.data.map((l: { id: string }) => l.id)).toEqual(ids.slice(4));
  });

  it('rejects one (wrong region): it goes to marketing’s routing queue, which re-routes it', async () => {
    const id = ids[4];
    const rejected = await rep.client.post(`/leads/${id}/reject`, { reason: 'Wrong region: the buyer is in Shanghai' });
    expect(rejected.body).toMatchObject({ status: 'mql', ownerId: null, inRoutingQueue: true });
    const queue = await marketing.get('/leads/routing-queue');
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.data.find((l: { id: string }) => l.id === id)).toMatchObject({ lastReason: 'Wrong region: the buyer is in Shanghai' });
    expect((await rep.client.get('/leads/routing-queue')).body.data).toEqual([]);

    // Marketing ops corrects the region and runs the rules again.
    const lead = (await marketing.get(`/leads/${id}`)).body;
    expect((await marketing.patch(`/leads/${id}`, { region: '华东大区', version: lead.version })).status).toBe(200);
    const routed = await marketing.post(`/leads/${id}/route`, {});
    expect(routed.body).toMatchObject({ outcome: 'assigned', ownerId: eastRep.id, teamId: teams.east, ruleName: 'East China' });
    expect((await marketing.get('/leads/routing-queue')).body.data.map((l: { id: string }) => l.id)).not.toContain(id);
    expect((await eastRep.client.get('/leads/inbox')).body.data.map((l: { id: string }) => l.id)).toEqual([id]);
  });

  it('returns one to nurture with a reason; the inbox is then empty', async () => {
    const id = ids[5];
    const res = await rep.client.post(`/leads/${id}/return-to-nurture`, { reason: 'Budget next year' });
    expect(res.body).toMatchObject({ status: 'recycled', ownerId: null, inRoutingQueue: false, lastReason: 'Budget next year' });
    expect((await rep.client.get('/leads/inbox')).body.data).toEqual([]);
    const history = (await marketing.get(`/leads/${id}/history`)).body.data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'promote', 'assign', 'return-to-nurture']);
  });

  it('does not give a rejected lead back to the rep who rejected it', async () => {
    const lead = await mql('郑七');
    await drainEvents(t.database.db);
    expect((await marketing.get(`/leads/${lead.id}`)).body.ownerId).toBe(rep.id);
    await rep.client.post(`/leads/${lead.id}/reject`, { reason: 'Not my product line' });
    const again = await marketing.post(`/leads/${lead.id}/route`, {});
    expect(again.body).toMatchObject({ outcome: 'queued', reason: 'no_available_member', teamId: teams.beijing });
    // A person can still assign it by hand.
    expect((await marketing.post(`/leads/${lead.id}/assign`, { ownerId: eastRep.id })).body).toMatchObject({ ownerId: eastRep.id, inRoutingQueue: false });
  });

  it('flags leads past their deadline', async () => {
    const lead = await mql('冯八');
    await drainEvents(t.database.db);
    await t.database.db.execute(sql`UPDATE leads SET assigned_at = now() - interval '5 hours' WHERE id = ${lead.id}`);
    const item = (await rep.client.get('/leads/inbox')).body.data.find((l: { id: string }) => l.id === lead.id);
    expect(item.slaBreached).toBe(true);
  });
});
