import { eq } from 'drizzle-orm';
import { systemContext } from '../platform/auth/context-loader.js';
import type { RequestContext } from '../platform/access/context.js';
import type { AppDb } from '../platform/db/client.js';
import { loginEmails } from '../platform/tenancy/tenancy.schema.js';
import { signUp } from '../platform/tenancy/signup.service.js';
import { createTeam } from '../platform/tenancy/teams.service.js';
import { createUser } from '../platform/tenancy/users.service.js';
import { accountStore } from '../modules/customers/accounts.service.js';
import { activityStore } from '../modules/customers/activities.service.js';
import { contactStore } from '../modules/customers/contacts.service.js';
import { creditCodeCheckChar } from '../modules/customers/credit-code.js';
import { noteStore } from '../modules/customers/notes.service.js';
import { getTenantSettings } from '../platform/tenancy/tenant-settings.service.js';
import { todayIn } from '../modules/analytics/fiscal-periods.js';
import { seedDemoCampaigns } from './demo-campaigns.js';
import { seedDemoCatalog } from './demo-catalog.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_REGIONS, DEMO_USERS, type DemoUser } from './demo-data.js';
import { seedBattleMapDeal, seedConvertedDeals, seedHistoryDeals } from './demo-deals.js';
import { seedDemoLeads } from './demo-leads.js';
import { ACTIVITY_RHYTHM } from './demo-sales-data.js';
import { seedDemoTargets } from './demo-targets.js';
import { demoCalendar, type DemoWorld } from './demo-world.js';

export interface DemoLogins {
  created: boolean;
  logins: { role: string; email: string; password: string }[];
}

const DAY = 24 * 3600 * 1000;

/** Creates the demo tenant once (first start); later starts only report the logins. */
export async function ensureDemoTenant(db: AppDb): Promise<DemoLogins> {
  const logins = DEMO_USERS.map((u) => ({ role: u.role, email: u.email, password: DEMO_PASSWORD }));
  const admin = DEMO_USERS[0];
  const [existing] = await db.select().from(loginEmails).where(eq(loginEmails.email, admin.email));
  if (existing) return { created: false, logins };

  const tenant = await signUp(db, {
    tenantName: '华辰软件（演示）Huachen Software Demo',
    name: admin.name,
    email: admin.email,
    password: DEMO_PASSWORD,
    locale: 'zh-CN',
  });
  await db.transaction(async (tx) => {
    const ctx: RequestContext = { ...systemContext(db, tenant.tenantId, 'demo seed'), tx };
    const north = await createTeam(ctx, { name: DEMO_REGIONS.north['zh-CN'], parentId: tenant.rootTeamId });
    const east = await createTeam(ctx, { name: DEMO_REGIONS.east['zh-CN'], parentId: tenant.rootTeamId });
    await createTeam(ctx, { name: DEMO_REGIONS.south['zh-CN'], parentId: tenant.rootTeamId });
    const northBeijing = await createTeam(ctx, { name: '北京一组 Beijing team 1', parentId: north.id });
    const teamIds: Record<DemoUser['team'], string> = { root: tenant.rootTeamId, north: north.id, northBeijing: northBeijing.id, east: east.id };

    const userIds = { admin: tenant.admin.id } as DemoWorld['userIds'];
    for (const u of DEMO_USERS.slice(1)) {
      const user = await createUser(ctx, {
        name: u.name,
        email: u.email,
        password: DEMO_PASSWORD,
        roleId: tenant.roles[u.role].id,
        teamId: teamIds[u.team],
      });
      userIds[u.key] = user.id;
    }
    // Accounts in the north go to rep 1 (and a few to the manager), the east to rep 2, the south to the admin.
    const ownerFor = (region: string, i: number) =>
      region === 'north' ? (i % 3 === 2 ? userIds.manager : userIds.rep1) : region === 'east' ? userIds.rep2 : userIds.admin;

    const accounts: DemoWorld['accounts'] = [];
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const ownerId = ownerFor(a.region, i);
      const account = await accountStore.create(ctx, {
        name: a.name,
        creditCode: a.code17 + creditCodeCheckChar(a.code17),
        industry: a.industry,
        registeredCapital: { amount: (a.capitalWan * 10_000).toFixed(2), currency: 'CNY' },
        headcount: a.headcount,
        province: a.province,
        city: a.city,
        region: DEMO_REGIONS[a.region]['zh-CN'],
        address: a.address,
        website: a.website,
        // The demo segments by headcount; a real tenant sets it by its own rule (or an assignment rule's team).
        segment: a.headcount >= 1000 ? 'key' : a.headcount >= 200 ? 'mid_market' : 'smb',
        ownerId,
      });
      const contactIds: string[] = [];
      for (const [name, title, phone, email] of a.contacts) {
        const contact = await contactStore.create(ctx, { accountId: account.id, name, title, phones: [phone], email, ownerId });
        contactIds.push(contact.id);
      }
      accounts.push({ id: account.id, ownerId, contactIds });
      const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
      const done = { accountId: account.id, contactIds: contactIds.slice(0, 1), status: 'done', ownerId };
      await activityStore.createMany(ctx, [
        {
          ...done,
          type: 'visit',
          subject: `拜访 ${a.contacts[0][0]}：了解业务目标 / First visit`,
          startAt: daysAgo(20 - (i % 7)),
          outcome: '客户有数字化销售管理需求，预算待确认',
          nextStep: '安排方案演示',
        },
        { ...done, type: 'call', subject: '电话跟进演示安排 / Follow-up call', startAt: daysAgo(6 - (i % 5)), outcome: '确认下周演示' },
        // Visits and calls over the last weeks, so behaviour analytics have counts.
        ...ACTIVITY_RHYTHM.map((r) => ({ ...done, type: r.type, subject: r.subject, startAt: daysAgo(r.daysAgo + (i % 3)), outcome: r.outcome })),
        {
          type: 'task',
          subject: '发送方案与报价 / Send proposal',
          accountId: account.id,
          dueAt: new Date(Date.now() + (3 + (i % 4)) * DAY).toISOString(),
          status: 'planned',
          ownerId,
        },
      ]);
      await noteStore.create(ctx, {
        object: 'accounts',
        recordId: account.id,
        body: `${a.name} 是${a.industry}行业客户，员工约 ${a.headcount} 人。`,
        ownerId,
      });
    }

    const settings = await getTenantSettings(ctx);
    const calendar = demoCalendar(settings.timezone, settings.fiscalYearStartMonth, todayIn(settings.timezone));
    const world: DemoWorld = { ctx, userIds, teamIds, accounts, calendar };
    const products = await seedDemoCatalog(world);
    const campaignIds = await seedDemoCampaigns(world);
    const convertible = await seedDemoLeads(world, campaignIds);
    await seedHistoryDeals(world, products);
    await seedConvertedDeals(world, products, convertible);
    await seedBattleMapDeal(world, products);
    await seedDemoTargets(world);
  });
  return { created: true, logins };
}
