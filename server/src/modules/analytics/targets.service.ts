import { sql, type SQL } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { queryRows } from '../../platform/db/client.js';
import type { Action } from '../../platform/access/permissions.js';
import { ownerWithin, requireLevel } from '../../platform/access/visibility.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';
import { activityFacts } from '../customers/account-facts.js';
import { amount, analyticsRows, dealsQuery, num, ratio, subAmounts, teamSubtree, type Scope } from './analytics-scope.js';
import './analytics.messages.js';
import { salesTargets } from './analytics.schema.js';
import { dealsDrill } from './deals.service.js';
import { parsePeriod } from './fiscal-periods.js';

export interface Target extends ApiRecord {
  ownerId: string | null;
  teamId: string | null;
  period: string;
  periodType: string;
  startDate: string;
  /** Last day, inclusive. */
  endDate: string;
  metric: TargetMetric;
  /** The won amount to close (metric revenue). */
  amount: Money | null;
  /** The visits or calls to do (metrics visits, calls). */
  quantity: number | null;
  note: string | null;
}

export const TARGET_METRICS = ['revenue', 'visits', 'calls'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

const lastDay = (end: string) => new Date(new Date(`${end}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);

export const targetStore = new RecordStore<Target>({
  object: 'targets',
  table: salesTargets,
  sortable: { createdAt: salesTargets.createdAt, startDate: salesTargets.startDate, period: salesTargets.periodKey },
  defaultSort: '-startDate',
  filters: { ownerId: salesTargets.ownerId, teamId: salesTargets.teamId, period: salesTargets.periodKey, periodType: salesTargets.periodType },
  searchColumns: [salesTargets.periodKey, salesTargets.note],
  references: { ownerId: { table: users }, teamId: { table: teams } },
  unique: { sales_targets_owner_uq: 'period', sales_targets_team_uq: 'period' },
  toApi: (r) => ({
    ownerId: (r.ownerId as string | null) ?? null,
    teamId: (r.teamId as string | null) ?? null,
    period: r.periodKey as string,
    periodType: r.periodType as string,
    startDate: r.startDate as string,
    endDate: lastDay(r.endDate as string),
    metric: r.metric as TargetMetric,
    amount: moneyFromColumns(r.amount, r.currency) ?? null,
    quantity: (r.quantity as number | null) ?? null,
    note: (r.note as string | null) ?? null,
  }),
  toColumns: (input) => {
    const money = input.amount as Money | undefined;
    return {
      id: input.id, ownerId: input.ownerId, teamId: input.teamId, periodKey: input.periodKey, periodType: input.periodType,
      startDate: input.startDate, endDate: input.endDate, metric: input.metric, quantity: input.quantity,
      amount: money?.amount, currency: money?.currency, note: trimmedOrNull(input.note),
    };
  },
});

export interface TargetInput {
  ownerId?: string | null;
  teamId?: string | null;
  period: string;
  metric?: TargetMetric;
  amount?: Money | null;
  quantity?: number | null;
  note?: string | null;
}

/**
 * Who may set whose quota: with `all`, anyone's; with `team` (a sales manager), the reps of the
 * manager's team subtree and the teams below the manager's own — never the manager's own quota
 * or own team's, which the level above sets.
 */
async function requireTargetSubject(ctx: RequestContext, action: Exclude<Action, 'read'>, subject: { ownerId: string | null; teamId: string | null }) {
  const level = requireLevel(ctx, 'targets', action);
  if (level === 'all') return;
  const allowed = level === 'team' && ctx.teamPath !== null && (subject.ownerId
    ? subject.ownerId !== ctx.actor.userId && (await ownerWithin(ctx, level, subject.ownerId))
    : (await queryRows(executor(ctx), sql`SELECT 1 FROM ${teams} WHERE ${teams.tenantId} = ${ctx.tenantId} AND ${teams.id} = ${subject.teamId}::uuid
        AND ${teams.path} LIKE ${`${ctx.teamPath}%`} AND ${teams.path} <> ${ctx.teamPath}`)).length > 0);
  if (!allowed) throw new AppError(403, 'TARGET_OUTSIDE_TEAM');
}

/** A quota for one rep or one team and one fiscal period (the tenant's calendar). */
export async function createTarget(ctx: RequestContext, input: TargetInput): Promise<Target> {
  if (!input.ownerId === !input.teamId) throw fieldError('ownerId', 'TARGET_SUBJECT_REQUIRED');
  const { fiscalYearStartMonth } = await getTenantSettings(ctx);
  const period = parsePeriod(input.period, fiscalYearStartMonth);
  if (!period) throw fieldError('period', 'PERIOD_INVALID');
  const metric = input.metric ?? 'revenue';
  if (metric === 'revenue') {
    if (!input.amount) throw fieldError('amount', 'FIELD_REQUIRED');
    if (!/^\d{1,16}(\.\d{1,2})?$/.test(input.amount.amount)) throw fieldError('amount.amount', 'FIELD_INVALID');
  } else if (input.quantity === undefined || input.quantity === null) {
    throw fieldError('quantity', 'FIELD_REQUIRED');
  }
  await requireTargetSubject(ctx, 'create', { ownerId: input.ownerId ?? null, teamId: input.teamId ?? null });
  return inTransaction(ctx, async (ctx) => {
    try {
      return await targetStore.create(ctx, {
        ownerId: input.ownerId ?? null, teamId: input.teamId ?? null, periodKey: period.key, periodType: period.type,
        startDate: period.start, endDate: period.end, metric,
        amount: metric === 'revenue' ? input.amount : null, quantity: metric === 'revenue' ? null : input.quantity, note: input.note,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'ALREADY_EXISTS') throw new AppError(409, 'TARGET_EXISTS', { period: period.key }, { period: period.key });
      throw err;
    }
  });
}

export async function updateTarget(
  ctx: RequestContext, id: string, patch: { amount?: Money; quantity?: number; note?: string | null }, version: number | undefined,
) {
  if (patch.amount && !/^\d{1,16}(\.\d{1,2})?$/.test(patch.amount.amount)) throw fieldError('amount.amount', 'FIELD_INVALID');
  const current = await targetStore.get(ctx, id);
  await requireTargetSubject(ctx, 'update', current);
  if (patch.amount && current.metric !== 'revenue') throw fieldError('amount', 'FIELD_INVALID');
  if (patch.quantity !== undefined && current.metric === 'revenue') throw fieldError('quantity', 'FIELD_INVALID');
  return targetStore.update(ctx, id, { amount: patch.amount, quantity: patch.quantity, note: patch.note }, version);
}

export async function removeTarget(ctx: RequestContext, id: string, version: number | undefined) {
  await requireTargetSubject(ctx, 'delete', await targetStore.get(ctx, id));
  await targetStore.remove(ctx, id, version);
}

/** The targets the caller may see: their own as a rep, their team subtree's as a manager, all as an executive. */
function visibleTargets(scope: Scope): SQL {
  const { ctx } = scope;
  return scope.level === 'all' ? sql`true`
    : scope.level === 'own' || !ctx.teamPath ? sql`t.owner_id = ${ctx.actor.userId}::uuid`
    : sql`(t.owner_id IN (SELECT u.id FROM users u JOIN teams ut ON ut.tenant_id = u.tenant_id AND ut.id = u.team_id
              WHERE u.tenant_id = ${ctx.tenantId} AND ut.path LIKE ${`${ctx.teamPath}%`}) OR t.owner_id = ${ctx.actor.userId}::uuid
           OR t.team_id IN (SELECT vt.id FROM teams vt WHERE vt.tenant_id = ${ctx.tenantId} AND vt.path LIKE ${`${ctx.teamPath}%`}))`;
}

/**
 * Activity targets of the period (visits, calls) beside what was done: visits or calls marked
 * done in the period (the tenant's days) by the rep, or by the users of the team and the teams
 * below it. One aggregate query.
 */
export async function activityAttainment(scope: Scope) {
  const { ctx } = scope;
  if (!scope.period) throw fieldError('period', 'PERIOD_INVALID');
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    WITH targets AS (
      SELECT t.id, t.owner_id, t.team_id, t.metric, t.quantity, t.start_date, t.end_date,
        (SELECT u.name FROM users u WHERE u.tenant_id = t.tenant_id AND u.id = t.owner_id) AS owner_name,
        (SELECT tm.name FROM teams tm WHERE tm.tenant_id = t.tenant_id AND tm.id = t.team_id) AS team_name
      FROM ${salesTargets} t
      WHERE t.tenant_id = ${ctx.tenantId} AND t.period_key = ${scope.period.key} AND t.metric IN ('visits', 'calls') AND ${visibleTargets(scope)}
    ),
    acts AS (
      SELECT v.owner_id, v.type, u.team_id, (v.at AT TIME ZONE ${scope.timezone})::date AS day
      FROM (${activityFacts(ctx, 'all')}) v JOIN users u ON u.tenant_id = ${ctx.tenantId} AND u.id = v.owner_id
      WHERE v.status = 'done' AND v.type IN ('visit', 'call')
    )
    SELECT t.id, t.owner_id, t.team_id, t.metric, t.quantity, t.owner_name, t.team_name, count(a.owner_id) AS done
    FROM targets t LEFT JOIN acts a ON a.day >= t.start_date AND a.day < t.end_date
      AND a.type = CASE t.metric WHEN 'visits' THEN 'visit' ELSE 'call' END
      AND ((t.owner_id IS NOT NULL AND a.owner_id = t.owner_id) OR (t.team_id IS NOT NULL AND ${teamSubtree(ctx, sql`t.team_id`, sql`a.team_id`)}))
    GROUP BY t.id, t.owner_id, t.team_id, t.metric, t.quantity, t.owner_name, t.team_name
    ORDER BY t.team_id NULLS LAST, t.owner_name, t.metric, t.id`);
  return rows.map((r) => {
    const target = num(r.quantity);
    const done = num(r.done);
    return {
      targetId: r.id as string,
      ownerId: (r.owner_id as string | null) ?? null,
      teamId: (r.team_id as string | null) ?? null,
      name: ((r.owner_name ?? r.team_name) as string | null) ?? null,
      metric: r.metric as TargetMetric,
      target,
      done,
      attainment: ratio(done, target),
      gap: Math.max(target - done, 0),
    };
  });
}

/**
 * Attainment in real time: each target of the period the caller may see (their own as a rep,
 * their team subtree's as a manager, all as an executive) beside the amount won so far — deals
 * of the rep, or of the team and the teams below it, closed won in the period — and the open
 * pipeline still expected to close in it. One query; the deal sums are aggregates per target.
 */
export async function attainment(scope: Scope) {
  const { ctx } = scope;
  if (!scope.period) throw fieldError('period', 'PERIOD_INVALID');
  const visible = visibleTargets(scope);
  // A target counts the deals of its rep or team whatever the other filters say; so do its links.
  const dealScope = { ...scope, filters: {} };
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    WITH deals AS (${dealsQuery(dealScope)}),
    targets AS (
      SELECT t.id, t.owner_id, t.team_id, t.amount, t.currency, t.start_date, t.end_date,
        (SELECT u.name FROM users u WHERE u.tenant_id = t.tenant_id AND u.id = t.owner_id) AS owner_name,
        (SELECT tm.name FROM teams tm WHERE tm.tenant_id = t.tenant_id AND tm.id = t.team_id) AS team_name
      FROM ${salesTargets} t
      WHERE t.tenant_id = ${ctx.tenantId} AND t.period_key = ${scope.period.key} AND t.metric = 'revenue' AND t.currency = ${scope.currency} AND ${visible}
    ),
    matched AS (
      SELECT t.id AS target_id, d.status, d.amount, d.probability, d.close_day
      FROM targets t JOIN deals d ON d.close_day >= t.start_date AND d.close_day < t.end_date
       AND ((t.owner_id IS NOT NULL AND d.owner_id = t.owner_id)
         OR (t.team_id IS NOT NULL AND ${teamSubtree(ctx, sql`t.team_id`, sql`d.team_id`)}))
    )
    SELECT t.id, t.owner_id, t.team_id, t.owner_name, t.team_name, t.amount AS target,
      coalesce(sum(m.amount) FILTER (WHERE m.status = 'won'), 0) AS won,
      count(m.target_id) FILTER (WHERE m.status = 'won') AS won_count,
      coalesce(sum(m.amount) FILTER (WHERE m.status = 'open'), 0) AS pipeline,
      coalesce(round(sum(m.amount * m.probability / 100.0) FILTER (WHERE m.status = 'open'), 2), 0) AS weighted
    FROM targets t LEFT JOIN matched m ON m.target_id = t.id
    GROUP BY t.id, t.owner_id, t.team_id, t.owner_name, t.team_name, t.amount
    ORDER BY t.team_id NULLS LAST, t.owner_name, t.id`);
  return {
    period: scope.period.key,
    from: scope.period.start,
    to: lastDay(scope.period.end),
    currency: scope.currency,
    activities: await activityAttainment(scope),
    rows: rows.map((r) => {
      const target = amount(r.target);
      const won = amount(r.won);
      const gap = subAmounts(target, won);
      const subject = { ownerId: (r.owner_id as string | null) ?? undefined, teamId: (r.team_id as string | null) ?? undefined };
      return {
        targetId: r.id as string,
        ownerId: (r.owner_id as string | null) ?? null,
        teamId: (r.team_id as string | null) ?? null,
        name: ((r.owner_name ?? r.team_name) as string | null) ?? null,
        target,
        won,
        wonCount: num(r.won_count),
        attainment: ratio(Number(won), Number(target)),
        /** What is still to win (never below zero). */
        gap: gap.startsWith('-') ? '0.00' : gap,
        pipeline: amount(r.pipeline),
        weighted: amount(r.weighted),
        /** The won deals (won, wonCount) and the open ones (pipeline, weighted) the target counts. */
        drill: { won: dealsDrill(dealScope, { ...subject, status: 'won' }), pipeline: dealsDrill(dealScope, { ...subject, status: 'open' }) },
      };
    }),
  };
}
