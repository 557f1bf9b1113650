import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors.js';
import { accountFacts, activityFacts, contactFacts } from '../customers/account-facts.js';
import { opportunityFacts } from '../opportunities/opportunity-facts.js';
import { amount, analyticsRows, dealsQuery, inRange, num, rangeOf, teamSubtree, type Scope } from './analytics-scope.js';
import { drillLink, scopeParams } from './drill.js';
import { DRILL_LIMIT } from './funnel.service.js';
import { addDays, todayIn } from './fiscal-periods.js';
import { activityAttainment } from './targets.service.js';

/** The activity types behaviour counts: done visits and calls. */
export const BEHAVIOUR_TYPES = ['visit', 'call'] as const;
/** What the behaviour view drills to: the visits or calls behind a count, or the key accounts behind a coverage. */
export const BEHAVIOUR_DRILLS = [...BEHAVIOUR_TYPES, 'key-accounts'] as const;
export type BehaviourType = (typeof BEHAVIOUR_TYPES)[number];

/** ISO week (2026-W48) of an instant in the tenant's time zone, in SQL. */
const isoWeek = (scope: Scope, at: SQL) => sql`to_char(${at} AT TIME ZONE ${scope.timezone}, 'IYYY-"W"IW')`;

/**
 * CTE `acts`: the done visits and calls the caller may see that happened in the range (the
 * tenant's days), with the owner's team and the ISO week; team, owner and region filters apply
 * (region: the account's).
 */
function doneActivities(scope: Scope, extra: SQL = sql`true`): SQL {
  const { ctx, filters: f } = scope;
  const conditions: SQL[] = [
    sql`v.status = 'done'`, sql`v.type IN ('visit', 'call')`, inRange(scope, sql`(v.at AT TIME ZONE ${scope.timezone})::date`), extra,
  ];
  if (f.teamId) conditions.push(teamSubtree(ctx, f.teamId, sql`u.team_id`));
  if (f.ownerId) conditions.push(sql`v.owner_id = ${f.ownerId}::uuid`);
  if (f.region) conditions.push(sql`a.region = ${f.region}`);
  return sql`acts AS (
    SELECT v.id, v.type, v.subject, v.owner_id, v.account_id, v.at, u.team_id, u.name AS owner_name, a.name AS account_name,
      ${isoWeek(scope, sql`v.at`)} AS week
    FROM (${activityFacts(ctx, scope.level)}) v
    JOIN users u ON u.tenant_id = ${ctx.tenantId} AND u.id = v.owner_id
    LEFT JOIN (${accountFacts(ctx)}) a ON a.id = v.account_id
    WHERE ${sql.join(conditions, sql` AND `)}
  )`;
}

/**
 * Visits and calls done per rep and per team, per ISO week of the range and over the whole
 * range [OPP-7]; every count links to the activities behind it.
 */
export async function weeklyBehaviour(scope: Scope) {
  const { ctx } = scope;
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    WITH ${doneActivities(scope)}
    SELECT GROUPING(week) AS g_week, GROUPING(owner_id) AS g_owner, GROUPING(team_id) AS g_team, week, owner_id, team_id,
      min(owner_name) AS owner_name, min(team_id::text) AS owner_team_id,
      (SELECT t.name FROM teams t WHERE t.tenant_id = ${ctx.tenantId} AND t.id = acts.team_id) AS team_name,
      count(*) FILTER (WHERE type = 'visit') AS visits, count(*) FILTER (WHERE type = 'call') AS calls
    FROM acts
    GROUP BY GROUPING SETS ((), (week), (owner_id), (week, owner_id), (team_id), (week, team_id))
    ORDER BY week NULLS FIRST, owner_name, team_name`);
  const base = scopeParams(scope);
  const counts = (r: Record<string, unknown>, who: Record<string, string | undefined>) => ({
    visits: num(r.visits),
    calls: num(r.calls),
    drill: {
      visits: drillLink('analytics/behaviour', base, who, { drill: 'visit', week: (r.week as string | null) ?? undefined }),
      calls: drillLink('analytics/behaviour', base, who, { drill: 'call', week: (r.week as string | null) ?? undefined }),
    },
  });
  const pick = (week: 0 | 1, owner: 0 | 1, team: 0 | 1) => rows.filter((r) => num(r.g_week) === week && num(r.g_owner) === owner && num(r.g_team) === team);
  const rep = (r: Record<string, unknown>) => ({
    ownerId: r.owner_id as string, name: (r.owner_name as string | null) ?? null, teamId: (r.owner_team_id as string | null) ?? null,
    ...counts(r, { ownerId: r.owner_id as string }),
  });
  const team = (r: Record<string, unknown>) => ({
    teamId: (r.team_id as string | null) ?? null, name: (r.team_name as string | null) ?? null, ...counts(r, { teamId: (r.team_id as string | null) ?? undefined }),
  });
  const [total] = pick(1, 1, 1);
  return {
    ...rangeOf(scope),
    total: counts(total ?? {}, {}),
    weeks: pick(0, 1, 1).map((r) => ({ week: r.week as string, ...counts(r, {}) })),
    reps: pick(1, 0, 1).map(rep),
    repWeeks: pick(0, 0, 1).map((r) => ({ week: r.week as string, ...rep(r) })),
    teams: pick(1, 1, 0).map(team),
    teamWeeks: pick(0, 1, 0).map((r) => ({ week: r.week as string, ...team(r) })),
  };
}

/** The done visits or calls behind a behaviour count (optionally of one ISO week), newest first, at most DRILL_LIMIT. */
export async function behaviourDrill(scope: Scope, type: string, week?: string) {
  if (!(BEHAVIOUR_TYPES as readonly string[]).includes(type)) throw new AppError(400, 'DRILL_STEP_UNKNOWN', { step: type }, { step: type });
  const rows = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH ${doneActivities(scope, sql`v.type = ${type}`)}
    SELECT * FROM acts ${week ? sql`WHERE week = ${week}` : sql``}
    ORDER BY at DESC, id LIMIT ${DRILL_LIMIT + 1}`);
  return {
    step: type,
    object: 'activities',
    truncated: rows.length > DRILL_LIMIT,
    records: rows.slice(0, DRILL_LIMIT).map((r) => ({
      id: r.id as string, type: r.type as string, subject: r.subject as string, ownerId: r.owner_id as string,
      accountId: (r.account_id as string | null) ?? null, accountName: (r.account_name as string | null) ?? null,
      at: new Date(r.at as string).toISOString(), week: r.week as string,
    })),
  };
}

export interface CoverageOptions {
  /** Visits in the last `days` days count (default 30). */
  days?: number;
  /** Without accounts of segment `key` in scope: how many of the accounts worth most count instead (default 50). */
  keyAccounts?: number;
}

/**
 * The key accounts of the scope [OPP-7]: the accounts of segment `key` the caller sees (owner,
 * team and region filters apply to the account). A tenant that has not marked any yet (e.g.
 * straight after a history import) gets the `keyAccounts` accounts worth most to the caller's
 * visible deals instead — won amount plus open pipeline, in the scope's currency — and `basis`
 * says which. Covered: someone did a visit there in the last `days` days (up to today).
 */
function keyAccountCtes(scope: Scope, today: string, opts: CoverageOptions) {
  const { ctx, filters: f } = scope;
  const days = opts.days ?? 30;
  const top = opts.keyAccounts ?? 50;
  const since = addDays(today, -(days - 1));
  const ctes = sql`
    deals AS (${dealsQuery(scope)}),
    worth AS (
      SELECT d.account_id, sum(d.amount) FILTER (WHERE d.status IN ('won', 'open')) AS value
      FROM deals d WHERE d.account_id IS NOT NULL GROUP BY d.account_id
    ),
    marked AS (
      SELECT a.id FROM (${accountFacts(ctx, scope.level)}) a LEFT JOIN users u ON u.tenant_id = ${ctx.tenantId} AND u.id = a.owner_id
      WHERE a.segment = 'key'
        ${f.teamId ? sql`AND ${teamSubtree(ctx, f.teamId, sql`u.team_id`)}` : sql``}
        ${f.ownerId ? sql`AND a.owner_id = ${f.ownerId}::uuid` : sql``}
        ${f.region ? sql`AND a.region = ${f.region}` : sql``}
    ),
    chosen AS (
      SELECT id FROM marked
      UNION ALL
      (SELECT account_id FROM worth WHERE NOT EXISTS (SELECT 1 FROM marked) AND coalesce(value, 0) > 0 ORDER BY value DESC, account_id LIMIT ${top})
    ),
    visited AS (
      SELECT v.account_id, max(v.at) AS last_visit_at FROM (${activityFacts(ctx, 'all')}) v JOIN chosen c ON c.id = v.account_id
      WHERE v.type = 'visit' AND v.status = 'done'
        AND (v.at AT TIME ZONE ${scope.timezone})::date >= ${since}::date AND (v.at AT TIME ZONE ${scope.timezone})::date <= ${today}::date
      GROUP BY v.account_id
    ),
    key_accounts AS (
      SELECT a.id, a.name, a.industry, coalesce(w.value, 0) AS value, vi.last_visit_at FROM chosen c JOIN (${accountFacts(ctx)}) a ON a.id = c.id
      LEFT JOIN worth w ON w.account_id = c.id LEFT JOIN visited vi ON vi.account_id = c.id
    )`;
  return { ctes, days, top, since };
}

export async function keyAccountCoverage(scope: Scope, today: string, opts: CoverageOptions = {}) {
  const { ctes, days, top, since } = keyAccountCtes(scope, today, opts);
  const rows = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH ${ctes}
    SELECT GROUPING(industry) AS g, industry, count(*) AS accounts, count(last_visit_at) AS visited, EXISTS (SELECT 1 FROM marked) AS marked
    FROM key_accounts GROUP BY GROUPING SETS ((), (industry)) ORDER BY GROUPING(industry) DESC, count(*) DESC, industry`);
  const base = { ...scopeParams(scope), drill: 'key-accounts', days, keyAccounts: top };
  const row = (r: Record<string, unknown> | undefined, industry?: string | null) => ({
    accounts: num(r?.accounts), visited: num(r?.visited), coverage: r ? num(r.visited) / Math.max(num(r.accounts), 1) : null,
    drill: drillLink('analytics/behaviour', base, { industry: industry ?? undefined }),
  });
  return {
    days, keyAccounts: top, since, until: today,
    /** `segment`: the accounts marked key; `top-value`: none are marked, the accounts worth most stand in. */
    basis: rows[0]?.marked === true ? 'segment' : 'top-value',
    ...row(rows.find((r) => num(r.g) === 1)),
    industries: rows.filter((r) => num(r.g) === 0).map((r) => ({ industry: (r.industry as string | null) ?? null, ...row(r, r.industry as string | null) })),
  };
}

/** The key accounts behind a coverage figure (optionally of one industry), worth most first, with their last visit in the window. */
export async function keyAccountsDrill(scope: Scope, opts: CoverageOptions & { industry?: string } = {}) {
  const { ctes } = keyAccountCtes(scope, todayIn(scope.timezone), opts);
  const rows = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH ${ctes} SELECT * FROM key_accounts ${opts.industry ? sql`WHERE industry = ${opts.industry}` : sql``}
    ORDER BY value DESC, id`);
  return {
    step: 'key-accounts',
    object: 'accounts',
    truncated: false,
    records: rows.map((r) => ({
      id: r.id as string, name: r.name as string, industry: (r.industry as string | null) ?? null, value: amount(r.value),
      visited: r.last_visit_at !== null && r.last_visit_at !== undefined,
      lastVisitAt: r.last_visit_at ? new Date(r.last_visit_at as string).toISOString() : null,
    })),
  };
}

/** Contacts the visible reps added in the range, per rep (team and owner filters apply). */
export async function contactsAdded(scope: Scope) {
  const { ctx, filters: f } = scope;
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    SELECT GROUPING(c.owner_id) AS g, c.owner_id, min(u.name) AS name, min(u.team_id::text) AS team_id, count(*) AS added
    FROM (${contactFacts(ctx, scope.level)}) c JOIN users u ON u.tenant_id = ${ctx.tenantId} AND u.id = c.owner_id
    WHERE ${inRange(scope, sql`(c.created_at AT TIME ZONE ${scope.timezone})::date`)}
      ${f.teamId ? sql`AND ${teamSubtree(ctx, f.teamId, sql`u.team_id`)}` : sql``}
      ${f.ownerId ? sql`AND c.owner_id = ${f.ownerId}::uuid` : sql``}
    GROUP BY GROUPING SETS ((), (c.owner_id)) ORDER BY GROUPING(c.owner_id) DESC, count(*) DESC, min(u.name)`);
  const total = rows.find((r) => num(r.g) === 1);
  return {
    total: num(total?.added),
    reps: rows.filter((r) => num(r.g) === 0).map((r) => ({
      ownerId: r.owner_id as string, name: (r.name as string | null) ?? null, teamId: (r.team_id as string | null) ?? null, added: num(r.added),
    })),
  };
}

/**
 * Time from account creation to its first opportunity [OPP-7], for the visible accounts created
 * in the range (owner, team and region filters apply): how many have a deal yet, and the
 * average and median days to the first one.
 */
export async function accountToOpportunity(scope: Scope) {
  const { ctx, filters: f } = scope;
  const [row] = await analyticsRows<Record<string, unknown>>(ctx, sql`
    WITH accts AS (
      SELECT a.id, a.created_at FROM (${accountFacts(ctx, scope.level)}) a
      LEFT JOIN users u ON u.tenant_id = ${ctx.tenantId} AND u.id = a.owner_id
      WHERE ${inRange(scope, sql`(a.created_at AT TIME ZONE ${scope.timezone})::date`)}
        ${f.teamId ? sql`AND ${teamSubtree(ctx, f.teamId, sql`u.team_id`)}` : sql``}
        ${f.ownerId ? sql`AND a.owner_id = ${f.ownerId}::uuid` : sql``}
        ${f.region ? sql`AND a.region = ${f.region}` : sql``}
    ),
    firsts AS (
      SELECT a.id, extract(epoch FROM min(d.created_at) - a.created_at) / 86400 AS days
      FROM accts a LEFT JOIN (${opportunityFacts(ctx, 'all')}) d ON d.account_id = a.id
      GROUP BY a.id, a.created_at
    )
    SELECT count(*) AS accounts, count(days) AS with_opportunity, avg(days) AS avg_days,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days
    FROM firsts`);
  const days = (v: unknown) => (v === null || v === undefined ? null : Math.round(num(v) * 10) / 10);
  return { accounts: num(row?.accounts), withOpportunity: num(row?.with_opportunity), averageDays: days(row?.avg_days), medianDays: days(row?.median_days) };
}

/** The whole behaviour view [OPP-7]: weekly visits and calls, key-account coverage, contacts added, account to first opportunity, activity targets (of the fiscal period asked). */
export async function behaviour(scope: Scope, opts: CoverageOptions = {}) {
  const [weekly, coverage, contacts, firstOpportunity, targets] = await Promise.all([
    weeklyBehaviour(scope), keyAccountCoverage(scope, todayIn(scope.timezone), opts), contactsAdded(scope), accountToOpportunity(scope),
    scope.period ? activityAttainment(scope) : Promise.resolve([]),
  ]);
  return { ...weekly, coverage, contactsAdded: contacts, accountToOpportunity: firstOpportunity, activityTargets: targets };
}
