import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/** M2L-6: rules by size, product line and region route leads to teams; reps are picked fairly. */
let t: TestApp;
let admin: ApiClient;
let marketing: ApiClient;
let manager: ApiClient;
let rep: ApiClient;
const teams: Record<string, string> = {};
const reps: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Routing Co');
  const root = (await admin.get('/teams')).body.data[0];
  for (const name of ['Key accounts', 'Mid-market North', 'SMB channel', 'Tele-sales']) {
    teams[name] = (await admin.post('/teams', { name, parentId: root.id })).body.id;
  }
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  manager = (await t.addUser(admin, { role: 'sales_manager', teamId: teams['Mid-market North'] })).client;
  for (const [key, team] of [
    ['ka1', 'Key accounts'], ['ka2', 'Key accounts'],
    ['mid1', 'Mid-market North'], ['mid2', 'Mid-market North'], ['mid3', 'Mid-market North'],
    ['smb1', 'SMB channel'], ['smb2', 'SMB channel'],
  ] as const) {
    const user = await t.addUser(admin, { role: 'sales_rep', teamId: teams[team], name: key });
    reps[key] = user.id;
    if (key === 'mid1') rep = user.client;
  }
  // The manager of Mid-market North must not receive its leads: out of the rotation.
  const managerId = (await manager.get('/me')).body.user.id;
  expect((await marketing.request('PUT', `/assignment-members/${teams['Mid-market North']}/${managerId}`, { active: false })).status).toBe(200);
});
afterAll(() => t.close());

const newLead = async (facts: Record<string, unknown>) => {
  const res = await marketing.post('/leads', { name: `Lead ${Math.random().toString(36).slice(2, 8)}`, company: 'ACME', ...facts });
  expect(res.status).toBe(201);
  return res.body as { id: string };
};
const route = async (id: string, as: ApiClient = marketing) => {
  const res = await as.post(`/leads/${id}/route`, {});
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('assignment rules', () => {
  it('marketing keeps an ordered rule set; a manager may read it, a rep may not', async () => {
    const rules = [
      { name: 'Students to the queue', criteria: { sources: ['student_list'] }, teamId: null },
      { name: 'Key accounts', criteria: { headcount: { min: 1000 } }, teamId: teams['Key accounts'], strategy: 'least_loaded' },
      { name: 'Mid-market North', criteria: { headcount: { min: 100, max: 999 }, regions: ['华北大区'], productInterests: ['CRM', 'ERP'] }, teamId: teams['Mid-market North'] },
      { name: 'SMB channel', criteria: { headcount: { max: 99 } }, teamId: teams['SMB channel'], strategy: 'least_loaded' },
    ];
    for (const [i, rule] of rules.entries()) {
      const res = await marketing.post('/assignment-rules', rule);
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ position: i + 1, active: true, teamId: rule.teamId });
    }
    const list = await manager.get('/assignment-rules');
    expect(list.body.data.map((r: { name: string }) => r.name)).toEqual(rules.map((r) => r.name));
    expect(list.body.data[1].teamName).toBe('Key accounts');
    expect((await rep.get('/assignment-rules')).status).toBe(403);
    expect((await manager.post('/assignment-rules', { name: 'x', teamId: teams['SMB channel'] })).status).toBe(403);
  });

  it('refuses upside-down ranges, unknown criteria and teams of nowhere', async () => {
    const upside = await marketing.post('/assignment-rules', { name: 'bad', criteria: { headcount: { min: 500, max: 100 } } });
    expect(upside.status).toBe(400);
    expect(upside.body.error.details.fields[0]).toMatchObject({ field: 'criteria.headcount', code: 'RANGE_INVALID' });
    expect((await marketing.post('/assignment-rules', { name: 'bad', criteria: { colour: ['red'] } })).status).toBe(400);
    const nowhere = await marketing.post('/assignment-rules', { name: 'bad', teamId: '0190f0f0-0000-7000-8000-000000000000' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.details.fields[0].code).toBe('REFERENCE_NOT_FOUND');
  });

  it('routes by size, region and product line to the right team', async () => {
    const cases: [Record<string, unknown>, string | null, string][] = [
      [{ headcount: 5000, region: '华南大区' }, 'Key accounts', 'rule_matched'],
      [{ headcount: 300, region: '华北大区', productInterest: 'crm' }, 'Mid-market North', 'rule_matched'],
      [{ headcount: 300, region: '华东大区', productInterest: 'CRM' }, null, 'no_rule_matched'],
      [{ headcount: 20, region: '华东大区' }, 'SMB channel', 'rule_matched'],
      [{ headcount: 20, source: 'student_list' }, null, 'rule_targets_queue'],
    ];
    for (const [facts, team, reason] of cases) {
      const lead = await newLead(facts);
      const res = await route(lead.id);
      expect(res.reason, JSON.stringify(facts)).toBe(reason);
      expect(res.teamId).toBe(team ? teams[team] : null);
      expect(res.lead.inRoutingQueue).toBe(team === null);
      if (team) expect(res.outcome).toBe('assigned');
    }
  });

  it('hands a team’s leads round robin across its reps, and remembers where it stopped', async () => {
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const lead = await newLead({ headcount: 200, region: '华北大区', productInterest: 'ERP' });
      owners.push((await route(lead.id)).ownerId);
    }
    // The earlier test gave mid1 the first lead: the rotation continues from there.
    expect(owners).toEqual([reps.mid2, reps.mid3, reps.mid1, reps.mid2]);
    const history = await marketing.get(`/leads/${(await newLead({ headcount: 200, region: '华北大区', productInterest: 'ERP' })).id}/history`);
    expect(history.body.data.map((h: { action: string }) => h.action)).toEqual(['create']);
  });

  it('least loaded honours capacity and weight', async () => {
    const team = teams['Key accounts'];
    // ka1 may hold 2 open leads at most; ka2 has no limit.
    const saved = await marketing.request('PUT', `/assignment-members/${team}/${reps.ka1}`, { capacity: 2 });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ capacity: 2, weight: 1, customised: true, inTeam: true });
    // From the routing test, ka1 (first in order) already holds one lead.
    const owners: string[] = [];
    for (let i = 0; i < 5; i++) owners.push((await route((await newLead({ headcount: 2000 })).id)).ownerId);
    expect(owners).toEqual([reps.ka2, reps.ka1, reps.ka2, reps.ka2, reps.ka2]);
    const members = (await marketing.get(`/assignment-members?teamId=${team}`)).body.data;
    expect(members.map((m: any) => [m.userName, m.openLeads, m.available])).toEqual([
      ['ka1', 2, false],
      ['ka2', 4, true],
    ]);
    // Weight 3 makes ka1 "lighter" than ka2 (2/3 < 4/1) once capacity allows.
    const reweighted = await marketing.request("PUT", `/assignment-members/${team}/${reps.ka1}`, { capacity: null, weight: 3 });
    expect(reweighted.body).toMatchObject({ capacity: null, weight: 3, available: true });
    expect((await route((await newLead({ headcount: 2000 })).id)).ownerId).toBe(reps.ka1);
  });

  it('skips reps who are absent and those switched off, and queues the lead when nobody is left', async () => {
    const team = teams['SMB channel'];
    const now = Date.now();
    const away = { absentFrom: new Date(now - 3600_000).toISOString(), absentTo: new Date(now + 7 * 86400_000).toISOString() };
    expect((await marketing.request('PUT', `/assignment-members/${team}/${reps.smb1}`, away)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await route((await newLead({ headcount: 10 })).id)).ownerId).toBe(reps.smb2);
    const badAbsence = await marketing.request('PUT', `/assignment-members/${team}/${reps.smb2}`, { absentFrom: away.absentTo, absentTo: away.absentFrom });
    expect(badAbsence.status).toBe(400);
    expect((await marketing.request('PUT', `/assignment-members/${team}/${reps.smb2}`, { active: false })).status).toBe(200);
    const res = await route((await newLead({ headcount: 10 })).id);
    expect(res).toMatchObject({ outcome: 'queued', reason: 'no_available_member', teamId: team, ownerId: null });
    expect(res.lead).toMatchObject({ inRoutingQueue: true, teamId: team, lastReason: 'no_available_member' });
    // Back from leave: the absence is forgotten and smb1 takes leads again.
    expect((await marketing.delete(`/assignment-members/${team}/${reps.smb1}`)).status).toBe(204);
    expect((await route(res.lead.id)).ownerId).toBe(reps.smb1);
  });

  it('a rep of another team can join a rotation; member changes are audited', async () => {
    const team = teams['Tele-sales'];
    expect((await marketing.get(`/assignment-members?teamId=${team}`)).body.data).toEqual([]);
    const joined = await marketing.request('PUT', `/assignment-members/${team}/${reps.smb2}`, { weight: 2 });
    expect(joined.body).toMatchObject({ inTeam: false, customised: true, weight: 2, userName: 'smb2' });
    const audit = await admin.get('/audit?object=assignment_members');
    expect(audit.status).toBe(200);
    expect(audit.body.data.some((e: any) => e.changes?.weight?.after === 2 || e.changes?.weight?.after === '2')).toBe(true);
    expect((await rep.request('PUT', `/assignment-members/${team}/${reps.mid1}`, { weight: 2 })).status).toBe(403);
  });

  it('reorders the rules (every rule once), audited rule by rule', async () => {
    const rules = (await marketing.get('/assignment-rules')).body.data as { id: string; name: string }[];
    const reversed = rules.map((r) => r.id).reverse();
    const res = await marketing.post('/assignment-rules/reorder', { ids: reversed });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual(reversed);
    expect(res.body.data.map((r: { position: number }) => r.position)).toEqual(rules.map((_, i) => i + 1));
    const audit = await admin.get(`/audit?recordId=${rules[0].id}`);
    expect(audit.body.data[0].changes.position).toEqual({ before: 1, after: rules.length });
    const missing = await marketing.post('/assignment-rules/reorder', { ids: reversed.slice(1) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('RULE_ORDER_MISMATCH');
    // Now "SMB channel" (headcount ≤ 99) comes before "Students to the queue".
    expect((await route((await newLead({ headcount: 20, source: 'student_list' })).id)).teamId).toBe(teams['SMB channel']);
    await marketing.post('/assignment-rules/reorder', { ids: rules.map((r) => r.id) });
  });

  it('previews where leads would go under the saved rules or a draft, without changing them', async () => {
    const a = await newLead({ headcount: 5000 });
    const b = await newLead({ headcount: 300, region: '华东大区' });
    const saved = await marketing.post('/assignment-rules/preview', { leadIds: [a.id, b.id] });
    expect(saved.status, saved.text).toBe(200);
    const byLead = Object.fromEntries(saved.body.data.map((r: any) => [r.leadId, r]));
    expect(byLead[a.id]).toMatchObject({ teamId: teams['Key accounts'], teamName: 'Key accounts', reason: 'rule_matched', ruleName: 'Key accounts' });
    expect(byLead[b.id]).toMatchObject({ teamId: null, queue: 'routing', reason: 'no_rule_matched' });
    const draft = await marketing.post('/assignment-rules/preview', {
      leadIds: [a.id, b.id],
      rules: [{ name: 'East', criteria: { regions: ['华东大区'] }, teamId: teams['Tele-sales'] }],
    });
    const draftByLead = Object.fromEntries(draft.body.data.map((r: any) => [r.leadId, r]));
    expect(draftByLead[b.id]).toMatchObject({ teamId: teams['Tele-sales'], ruleName: 'East', matched: ['regions'] });
    expect(draftByLead[a.id].reason).toBe('no_rule_matched');
    expect(draft.body.summary).toEqual(expect.arrayContaining([
      { teamId: teams['Tele-sales'], teamName: 'Tele-sales', queue: null, count: 1 },
      { teamId: null, teamName: null, queue: 'routing', count: 1 },
    ]));
    // Nothing moved.
    expect((await marketing.get(`/leads/${a.id}`)).body).toMatchObject({ teamId: null, inRoutingQueue: false });
    // Without ids: the leads waiting in the routing queue.
    const queue = await marketing.post('/assignment-rules/preview', {});
    const waiting = (await marketing.get('/leads/routing-queue?limit=200')).body.data.map((l: { id: string }) => l.id);
    expect(queue.body.data.map((r: any) => r.leadId).sort()).toEqual([...waiting].sort());
  });

  it('assigns a lead automatically when it becomes an MQL; leaves alone one assigned by hand', async () => {
    const auto = await newLead({ headcount: 300, region: '华北大区', productInterest: 'CRM' });
    const byHand = await newLead({ headcount: 300, region: '华北大区', productInterest: 'CRM' });
    const unmatched = await newLead({ headcount: 300, region: '西北大区' });
    for (const lead of [auto, byHand, unmatched]) expect((await marketing.post(`/leads/${lead.id}/promote`, {})).status).toBe(200);
    await marketing.post(`/leads/${byHand.id}/assign`, { ownerId: reps.ka1 });
    await drainEvents(t.database.db);
    const routed = (await marketing.get(`/leads/${auto.id}`)).body;
    expect(routed).toMatchObject({ status: 'mql', teamId: teams['Mid-market North'], inRoutingQueue: false });
    expect([reps.mid1, reps.mid2, reps.mid3]).toContain(routed.ownerId);
    const history = (await marketing.get(`/leads/${auto.id}/history`)).body.data;
    expect(history.at(-1)).toMatchObject({ action: 'assign', reason: 'Mid-market North', actorId: null });
    expect((await marketing.get(`/leads/${byHand.id}`)).body.ownerId).toBe(reps.ka1);
    expect((await marketing.get(`/leads/${unmatched.id}`)).body).toMatchObject({ inRoutingQueue: true, ownerId: null, lastReason: 'no_rule_matched' });
    const queue = (await marketing.get('/leads/routing-queue')).body.data.map((l: { id: string }) => l.id);
    expect(queue).toContain(unmatched.id);
    expect(queue).not.toContain(auto.id);
  });

  it('assigns a burst of leads routed at the same time without overfilling anyone', async () => {
    const root = (await admin.get('/teams')).body.data[0];
    const burst = (await admin.post('/teams', { name: 'Burst', parentId: root.id })).body.id;
    const members: string[] = [];
    for (let i = 0; i < 3; i++) {
      const user = await t.addUser(admin, { role: 'sales_rep', teamId: burst, name: `burst${i}` });
      members.push(user.id);
      await marketing.request('PUT', `/assignment-members/${burst}/${user.id}`, { capacity: 2 });
    }
    await marketing.post('/assignment-rules', { name: 'Burst', criteria: { sources: ['burst'] }, teamId: burst, strategy: 'least_loaded' });
    const leads = [];
    for (let i = 0; i < 7; i++) leads.push(await newLead({ source: 'burst' }));
    const results = await Promise.all(leads.map((l) => marketing.post(`/leads/${l.id}/route`, {})));
    expect(results.map((r) => r.status)).toEqual(leads.map(() => 200));
    const owners = results.map((r) => r.body.ownerId).filter(Boolean);
    expect(owners).toHaveLength(6);
    for (const member of members) expect(owners.filter((o) => o === member)).toHaveLength(2);
    expect(results.filter((r) => r.body.outcome === 'queued').map((r) => r.body.reason)).toEqual(['no_available_member']);
  });

  it('leaves a rep’s self-sourced lead with the rep, and does nothing where routing is not set up', async () => {
    const own = (await rep.post('/leads', { name: 'Met at a dinner', region: '华北大区', headcount: 300, productInterest: 'CRM' })).body;
    expect((await rep.post(`/leads/${own.id}/promote`, {})).status).toBe(200);
    const other = await t.signUp('No Rules Co');
    const otherMarketing = (await t.addUser(other, { role: 'marketing' })).client;
    const unrouted = (await otherMarketing.post('/leads', { name: 'Nobody routes me' })).body;
    await otherMarketing.post(`/leads/${unrouted.id}/promote`, {});
    await drainEvents(t.database.db);
    expect((await rep.get(`/leads/${own.id}`)).body).toMatchObject({ status: 'mql', ownerId: own.ownerId, inRoutingQueue: false });
    expect((await otherMarketing.get(`/leads/${unrouted.id}`)).body).toMatchObject({ ownerId: unrouted.ownerId, inRoutingQueue: false });
  });

  it('a rep cannot run the routing, and closed leads cannot be routed', async () => {
    const lead = await newLead({ headcount: 10 });
    expect((await rep.post(`/leads/${lead.id}/route`, {})).status).toBe(403);
    await marketing.post(`/leads/${lead.id}/disqualify`, { reason: 'Competitor' });
    const closed = await marketing.post(`/leads/${lead.id}/route`, {});
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('LEAD_NOT_ROUTABLE');
  });
});
