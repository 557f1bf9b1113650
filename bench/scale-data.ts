import { sql } from 'drizzle-orm';
import type { AppDb } from '../server/src/platform/db/client.js';
import { uuidv7 } from '../server/src/platform/db/ids.js';
import { systemContext } from '../server/src/platform/auth/context-loader.js';
import { signUp } from '../server/src/platform/tenancy/signup.service.js';
import { createTeam } from '../server/src/platform/tenancy/teams.service.js';
import { createUser } from '../server/src/platform/tenancy/users.service.js';
// Bulk data goes straight into the tables (no audit entries, no events): this is a load
// generator for benchmarks, not a way for data to enter the product.
import { accounts, activities, contacts } from '../server/src/modules/customers/customers.schema.js';
import { leads } from '../server/src/modules/leads/leads.schema.js';
import { company, mobile, nameVariant, personName, PRODUCT_LINES, SOURCES, TITLES, type Company } from './names.js';
import { copyRows } from './copy-rows.js';
import { Random } from './random.js';
import { generatePipeline } from './scale-pipeline.js';

/** Rows per unit of scale (scale 1 ≈ the shape in the benchmarks issue; scale 10 is ten times it). */
export const SHAPE = { accounts: 20_000, contacts: 50_000, leads: 100_000, activities: 200_000, opportunities: 30_000, campaigns: 60, reps: 40 };
/** Share of leads planted as duplicates of an earlier lead (same person, typed differently). */
export const DUPLICATE_RATE = 0.05;

const DAY = 24 * 3600 * 1000;

export interface ScaleTenant {
  tenantId: string;
  adminId: string;
  /** An executive (analytics and sales read over the whole company): whom the analytics bench reads as. */
  executiveId: string;
  repIds: string[];
  accountIds: string[];
  counts: Record<string, number>;
  plantedDuplicates: number;
}

/** Fills one new tenant deterministically (fixed seed) with a realistic, skewed shape. */
export async function generateScaleTenant(db: AppDb, scale: number, seed = 42): Promise<ScaleTenant> {
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

  const companies: Company[] = [];
  const accountRows = Array.from({ length: n('accounts') }, (_, i) => {
    const c = company(r, i);
    companies.push(c);
    const createdAt = new Date(now - r.int(0, 730) * DAY);
    return {
      ...base, id: uuidv7(), name: c.name, creditCode: c.creditCode, industry: c.industry,
      registeredCapital: (r.pareto(100, 1.1, 10_000_000) * 10_000).toFixed(2), registeredCapitalCurrency: 'CNY',
      headcount: r.pareto(10, 1.2, 200_000), province: c.province, city: c.city, region: c.region,
      ownerId: r.pick(repIds), createdAt, updatedAt: createdAt,
    };
  });
  await copyRows(db, accounts, accountRows);
  const accountIds = accountRows.map((a) => a.id);

  // A few big accounts hold many contacts and activities: pick accounts with a skewed index.
  const skewedAccount = () => accountRows[Math.min(accountRows.length - 1, r.pareto(1, 0.9) - 1)];
  // Contacts and activities are not kept after their COPY: at scale 10 they are 2.5 million objects.
  await copyRows(db, contacts, Array.from({ length: n('contacts') }, () => {
    const account = r.chance(0.5) ? skewedAccount() : r.pick(accountRows);
    return {
      ...base, id: uuidv7(), accountId: account.id, name: personName(r), title: r.pick(TITLES),
      phones: [mobile(r)], email: `c${r.int(1, 1e9)}@example.cn`, ownerId: account.ownerId,
    };
  }));

  const types = ['visit', 'call', 'meeting', 'email', 'task'];
  await copyRows(db, activities, Array.from({ length: n('activities') }, () => {
    const account = r.chance(0.5) ? skewedAccount() : r.pick(accountRows);
    const startAt = new Date(now - r.int(0, 365) * DAY);
    return {
      ...base, id: uuidv7(), type: r.pick(types), subject: '跟进 follow-up', accountId: account.id,
      startAt, status: r.chance(0.8) ? 'done' : 'planned', ownerId: account.ownerId, createdAt: startAt, updatedAt: startAt,
    };
  }));

  let planted = 0;
  const leadRows: Record<string, unknown>[] = [];
  const statuses = ['new', 'new', 'new', 'mql', 'accepted', 'sql', 'recycled', 'disqualified'];
  for (let i = 0; i < n('leads'); i++) {
    const earlier = leadRows.length > 0 && r.chance(DUPLICATE_RATE) ? r.pick(leadRows) : null;
    const createdAt = new Date(now - r.int(0, 540) * DAY);
    if (earlier) {
      planted++;
      const c = companies[(earlier.companyIndex as number) ?? 0];
      leadRows.push({
        ...earlier, id: uuidv7(), email: String(earlier.email).toUpperCase(), company: nameVariant(r, c.name, c.city),
        createdAt, updatedAt: createdAt, statusChangedAt: createdAt,
      });
      continue;
    }
    const companyIndex = r.int(0, companies.length - 1);
    const c = companies[companyIndex];
    const status = r.pick(statuses);
    leadRows.push({
      ...base, id: uuidv7(), name: personName(r), company: c.name, title: r.pick(TITLES), email: `l${i}@lead-${companyIndex}.example.cn`,
      phone: mobile(r), industry: c.industry, province: c.province, city: c.city, region: c.region,
      productInterest: r.pick(PRODUCT_LINES), source: r.pick(SOURCES), status, score: r.int(0, 100),
      ownerId: status === 'new' ? null : r.pick(repIds), createdAt, updatedAt: createdAt, statusChangedAt: createdAt, companyIndex,
    });
  }
  await copyRows(db, leads, leadRows.map(({ companyIndex: _c, ...row }) => row));
  const pipeline = await generatePipeline(
    ctx,
    r,
    { campaigns: n('campaigns'), opportunities: n('opportunities') },
    {
      leads: leadRows.map((l) => ({ id: l.id as string, status: l.status as string, createdAt: l.createdAt as Date, ownerId: l.ownerId as string | null })),
      accounts: accountRows,
      teamOf,
      now,
    },
    (table, rows) => copyRows(db, table, rows),
  );
  // Statistics, as a database that has held this data a while has them: without them (autovacuum
  // off or behind a bulk load) the planner guesses, and the benchmarks would measure its guesses.
  await db.execute(sql`ANALYZE`);

  return {
    tenantId: tenant.tenantId,
    adminId: tenant.admin.id,
    executiveId: executive.id,
    repIds,
    accountIds,
    counts: { accounts: accountRows.length, contacts: n('contacts'), activities: n('activities'), leads: leadRows.length, teams: 1 + regions.length + teamIds.length, reps: repIds.length, ...pipeline },
    plantedDuplicates: planted,
  };
}
