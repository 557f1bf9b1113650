import { sql } from 'drizzle-orm';
import { queryRows, type AppDb } from '../server/src/platform/db/client.js';
import { uuidv7 } from '../server/src/platform/db/ids.js';
import { systemContext } from '../server/src/platform/auth/context-loader.js';
import { signUp } from '../server/src/platform/tenancy/signup.service.js';
import { createTeam } from '../server/src/platform/tenancy/teams.service.js';
import { createUser } from '../server/src/platform/tenancy/users.service.js';
// Bulk data goes straight into the tables (no audit entries, no events): this is a load
// generator for benchmarks, not a way for data to enter the product.
import { accounts, activities, contacts } from '../server/src/modules/customers/customers.schema.js';
import { MQL_OR_LATER, SQL_OR_LATER } from '../server/src/modules/leads/lead-lifecycle.js';
import { leads } from '../server/src/modules/leads/leads.schema.js';
import { company, mobile, nameVariant, personName, PRODUCT_LINES, SOURCES, TITLES } from './names.js';
import { copyRows } from './copy-rows.js';
import { IdList } from './id-list.js';
import { Random } from './random.js';
import { generatePipeline, LEAD_STATUSES, leadPath, STREAM, type LeadFacts } from './scale-pipeline.js';

/** Rows per unit of scale (scale 1 ≈ the shape in the benchmarks issue; scale 10 is ten times it). */
export const SHAPE = { accounts: 20_000, contacts: 50_000, leads: 100_000, activities: 200_000, opportunities: 30_000, campaigns: 60, reps: 40 };
/** Share of leads planted as duplicates of an earlier lead (same person, typed differently). */
export const DUPLICATE_RATE = 0.05;

const DAY = 24 * 3600 * 1000;
/** A lead's status as drawn (skewed towards new); a third of the SQLs then convert. */
const STATUSES = ['new', 'new', 'new', 'mql', 'accepted', 'sql', 'recycled', 'disqualified'];

export interface ScaleTenant {
  tenantId: string;
  scale: number;
  adminId: string;
  /** An executive (analytics and sales read over the whole company): whom the analytics bench reads as. */
  executiveId: string;
  repIds: string[];
  accountIds: string[];
  counts: Record<string, number>;
}

export interface GeneratedTenant extends ScaleTenant {
  plantedDuplicates: number;
}

/** When a lead's path first entered one of `statuses`, or null. */
function firstEntered(path: readonly { status: string; at: number }[], statuses: readonly string[]): Date | null {
  const step = path.find((s) => statuses.includes(s.status));
  return step ? new Date(step.at) : null;
}

/** Fills one new tenant deterministically (fixed seed) with a realistic, skewed shape. */
export async function generateScaleTenant(db: AppDb, scale: number, seed = 42): Promise<GeneratedTenant> {
  const r = new Random(seed);
  const n = (k: keyof typeof SHAPE) => Math.max(k === 'reps' || k === 'campaigns' ? 4 : 20, Math.round(SHAPE[k] * scale));
  const tenant = await signUp(db, {
    tenantName: `Scale ${scale} (${seed})`,
    name: 'Scale Admin',
    email: `admin-scale-${scale}-${seed}-${Date.now()}@bench.lead2cash.local`,
    password: 'bench-password-1',
  });
  const ctx = systemContext(db, tenant.tenantId, 'scale generator');
  // Three levels (company → region → group), so a forecast rolls up through a real hierarchy.
  const regions = ['华北大区', '华东大区', '华南大区', '西南大区', '华中大区'];
  const teamIds: string[] = [];
  for (const region of regions) {
    const regionId = (await createTeam(ctx, { name: region, parentId: tenant.rootTeamId })).id;
    for (const group of ['一组', '二组']) teamIds.push((await createTeam(ctx, { name: `${region}${group}`, parentId: regionId })).id);
  }
  const executive = await createUser(ctx, {
    name: 'Scale Executive', email: `exec-${tenant.tenantId.slice(0, 8)}@bench.lead2cash.local`, roleId: tenant.roles.executive.id, teamId: tenant.rootTeamId,
  });
  const repIds: string[] = [];
  const teamOf = new Map<string, string>();
  for (let i = 0; i < n('reps'); i++) {
    const rep = await createUser(ctx, {
      name: `${personName(r)} ${i}`,
      email: `rep${i}-${tenant.tenantId.slice(0, 8)}@bench.lead2cash.local`,
      roleId: tenant.roles.sales_rep.id,
      teamId: teamIds[i % teamIds.length],
    });
    repIds.push(rep.id);
    teamOf.set(rep.id, teamIds[i % teamIds.length]);
  }
  const now = Date.now();
  const base = { tenantId: tenant.tenantId };
  // A company's values come from its own generator (Random.of): leads made later name the same
  // companies without the generator keeping 200 000 of them.
  const companyOf = (i: number) => company(Random.of(seed, STREAM.company, i), i);

  const accountIds: string[] = [];
  const accountOwner = new Uint16Array(n('accounts'));
  await copyRows(db, accounts, (function* () {
    for (let i = 0; i < accountOwner.length; i++) {
      const c = companyOf(i);
      const createdAt = new Date(now - r.int(0, 730) * DAY);
      const registeredCapital = (r.pareto(100, 1.1, 10_000_000) * 10_000).toFixed(2);
      const headcount = r.pareto(10, 1.2, 200_000);
      accountOwner[i] = r.int(0, repIds.length - 1);
      accountIds.push(uuidv7());
      yield {
        ...base, id: accountIds[i], name: c.name, creditCode: c.creditCode, industry: c.industry,
        registeredCapital, registeredCapitalCurrency: 'CNY', headcount, province: c.province, city: c.city, region: c.region,
        ownerId: repIds[accountOwner[i]], createdAt, updatedAt: createdAt,
      };
    }
  })());

  // A few big accounts hold many contacts and activities: pick accounts with a skewed index.
  const someAccount = () => (r.chance(0.5) ? Math.min(accountIds.length - 1, r.pareto(1, 0.9) - 1) : r.int(0, accountIds.length - 1));
  await copyRows(db, contacts, (function* () {
    for (let i = n('contacts'); i > 0; i--) {
      const a = someAccount();
      yield {
        ...base, id: uuidv7(), accountId: accountIds[a], name: personName(r), title: r.pick(TITLES),
        phones: [mobile(r)], email: `c${r.int(1, 1e9)}@example.cn`, ownerId: repIds[accountOwner[a]],
      };
    }
  })());

  const types = ['visit', 'call', 'meeting', 'email', 'task'];
  await copyRows(db, activities, (function* () {
    for (let i = n('activities'); i > 0; i--) {
      const a = someAccount();
      const startAt = new Date(now - r.int(0, 365) * DAY);
      yield {
        ...base, id: uuidv7(), type: r.pick(types), subject: '跟进 follow-up', accountId: accountIds[a],
        startAt, status: r.chance(0.8) ? 'done' : 'planned', ownerId: repIds[accountOwner[a]], createdAt: startAt, updatedAt: startAt,
      };
    }
  })());

  // What the pipeline needs of each lead, in typed arrays; a planted duplicate remembers only its
  // original, whose person is made again from the original's own generator.
  const leadFacts: LeadFacts = {
    ids: new IdList(n('leads')), status: new Uint8Array(n('leads')), createdAt: new Float64Array(n('leads')), owner: new Int16Array(n('leads')),
  };
  const origins = new Int32Array(n('leads'));
  const person = (i: number) => {
    const p = Random.of(seed, STREAM.lead, i);
    const companyIndex = p.int(0, accountIds.length - 1);
    const status = p.pick(STATUSES);
    return {
      name: personName(p), companyIndex, title: p.pick(TITLES), email: `l${i}@lead-${companyIndex}.example.cn`, phone: mobile(p),
      productInterest: p.pick(PRODUCT_LINES), source: p.pick(SOURCES), status, score: p.int(0, 100), owner: status === 'new' ? -1 : p.int(0, repIds.length - 1),
    };
  };
  let planted = 0;
  await copyRows(db, leads, (function* () {
    for (let i = 0; i < origins.length; i++) {
      const duplicate = i > 0 && r.chance(DUPLICATE_RATE);
      origins[i] = duplicate ? origins[r.int(0, i - 1)] : i;
      const { companyIndex, owner, ...p } = person(origins[i]);
      const c = companyOf(companyIndex);
      const createdAt = new Date(now - r.int(0, 540) * DAY);
      // A third of the sales-qualified leads became opportunities.
      const status = p.status === 'sql' && r.chance(0.35) ? 'converted' : p.status;
      if (duplicate) planted++;
      leadFacts.ids.set(i, uuidv7());
      leadFacts.status[i] = LEAD_STATUSES.indexOf(status);
      leadFacts.createdAt[i] = createdAt.getTime();
      leadFacts.owner[i] = owner;
      // What the lifecycle keeps on the lead, from the path its status history will show.
      const path = leadPath(seed, i, status, createdAt.getTime(), now);
      yield {
        ...base, ...p, id: leadFacts.ids.get(i), status, email: duplicate ? p.email.toUpperCase() : p.email,
        company: duplicate ? nameVariant(r, c.name, c.city) : c.name, industry: c.industry, province: c.province, city: c.city, region: c.region,
        ownerId: owner < 0 ? null : repIds[owner], createdAt, updatedAt: createdAt, statusChangedAt: new Date(path[path.length - 1].at),
        becameMqlAt: firstEntered(path, MQL_OR_LATER), becameSqlAt: firstEntered(path, SQL_OR_LATER),
      };
    }
  })());
  const pipeline = await generatePipeline(ctx, r, { campaigns: n('campaigns'), opportunities: n('opportunities') }, {
    seed, now, leads: leadFacts, accounts: { ids: accountIds, owner: accountOwner }, repIds, teamOf,
  }, (table, rows) => copyRows(db, table, rows));
  // Statistics and a visibility map, as a database that has held this data a while has them:
  // without them (autovacuum off or behind a bulk load) the planner guesses, and index-only
  // scans visit the table, so the benchmarks would measure a state production is rarely in.
  await db.execute(sql`VACUUM (ANALYZE)`);

  return {
    tenantId: tenant.tenantId,
    scale,
    adminId: tenant.admin.id,
    executiveId: executive.id,
    repIds,
    accountIds,
    counts: { accounts: accountIds.length, contacts: n('contacts'), activities: n('activities'), leads: origins.length, teams: 1 + regions.length + teamIds.length, reps: repIds.length, ...pipeline },
    plantedDuplicates: planted,
  };
}

/** A tenant generateScaleTenant made earlier (`npm run seed:scale`), found again by its id: its people, accounts and row counts. */
export async function loadScaleTenant(db: AppDb, tenantId: string): Promise<ScaleTenant> {
  const [tenant] = await queryRows<{ name: string }>(db, sql`SELECT name FROM tenants WHERE id = ${tenantId}::uuid`);
  const scale = Number(/^Scale (\S+) \(/.exec(tenant?.name ?? '')?.[1]);
  if (!tenant || !Number.isFinite(scale)) throw new Error(`--tenant ${tenantId}: no tenant generated by seed:scale`);
  const users = await queryRows<{ id: string; email: string }>(db, sql`SELECT id, email FROM users WHERE tenant_id = ${tenantId}::uuid ORDER BY created_at, id`);
  const person = (prefix: string) => users.filter((u) => u.email.startsWith(prefix)).map((u) => u.id);
  const accountIds = (await queryRows<{ id: string }>(db, sql`SELECT id FROM accounts WHERE tenant_id = ${tenantId}::uuid ORDER BY id`)).map((a) => a.id);
  const count = async (table: string) =>
    Number((await queryRows<{ n: string }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}::uuid`))[0].n);
  const tables = ['accounts', 'contacts', 'activities', 'leads', 'lead_touches', 'lead_status_history', 'opportunities', 'opportunity_stage_history'];
  const counts = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)] as const)));
  return {
    tenantId,
    scale,
    adminId: person('admin-scale-')[0],
    executiveId: person('exec-')[0],
    repIds: person('rep'),
    accountIds,
    counts,
  };
}
