import { sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { queryRows } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';
import { amount, dealsQuery, num, ratio, subAmounts, teamSubtree, type Scope } from './analytics-scope.js';
import './analytics.messages.js';
import { salesTargets } from './analytics.schema.js';
import { parsePeriod } from './fiscal-periods.js';

export interface Target extends ApiRecord {
  ownerId: string | null;
  teamId: string | null;
  period: string;
  periodType: string;
  startDate: string;
  /** Last day, inclusive. */
  endDate: string;
  amount: Money;
  note: string | null;
}

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
    amount: moneyFromColumns(r.amount, r.currency)!,
    note: (r.note as string | null) ?? null,
  }),
  toColumns: (input) => {
    const money = input.amount as Money | undefined;
    return {
      id: input.id, ownerId: input.ownerId, teamId: input.teamId, periodKey: input.periodKey, periodType: input.periodType,
      startDate: input.startDate, endDate: input.endDate,
      amount: money?.amount, currency: money?.currency, note: trimmedOrNull(input.note),
    };
  },
});

export interface TargetInput {
  ownerId?: string | null;
  teamId?: string | null;
  period: string;
  amount: Money;
  note?: string | null;
}

/** A quota for one rep or one team and one fiscal period (the tenant's calendar). */
export async function createTarget(ctx: RequestContext, input: TargetInput): Promise<Target> {
  if (!input.ownerId === !input.teamId) throw fieldError('ownerId', 'TARGET_SUBJECT_REQUIRED');
  const { fiscalYearStartMonth } = await getTenantSettings(ctx);
  const period = parsePeriod(input.period, fiscalYearStartMonth);
  if (!period) throw fieldError('period', 'PERIOD_INVALID');
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(input.amount.amount)) throw fieldError('amount.amount', 'FIELD_INVALID');
  return inTransaction(ctx, async (ctx) => {
    try {
      return await targetStore.create(ctx, {
        ownerId: input.ownerId ?? null, teamId: input.teamId ?? null, periodKey: period.key, periodType: period.type,
        startDate: period.start, endDate: period.end, amount: input.amount, note: input.note,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'ALREADY_EXISTS') throw new AppError(409, 'TARGET_EXISTS', { period: period.key }, { period: period.key });
      throw err;
    }
  });
}

export function updateTarget(ctx: RequestContext, id: string, patch: { amount?: Money; note?: string | null }, version: number | undefined) {
  if (patch.amount && !/^\d{1,16}(\.\d{1,2})?$/.test(patch.amount.amount)) throw fieldError('amount.amount', 'FIELD_INVALID');
  return targetStore.update(ctx, id, { amount: patch.amount, note: patch.note }, version);
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
  const visible = scope.level === 'all' ? sql`true`
    : scope.level === 'own' || !ctx.teamPath ? sql`t.owner_id = ${ctx.actor.userId}::uuid`
    : sql`(t.owner_id IN (SELECT u.id FROM users u JOIN teams ut ON ut.tenant_id = u.tenant_id AND ut.id = u.team_id
              WHERE u.tenant_id = ${ctx.tenantId} AND ut.path LIKE ${`${ctx.teamPath}%`}) OR t.owner_id = ${ctx.actor.userId}::uuid
           OR t.team_id IN (SELECT vt.id FROM teams vt WHERE vt.tenant_id = ${ctx.tenantId} AND vt.path LIKE ${`${ctx.teamPath}%`}))`;
  const rows = await queryRows<Record<string, unknown>>(executor(ctx), sql`
    WITH deals AS (${dealsQuery({ ...scope, filters: {} })}),
    targets AS (
      SELECT t.id, t.owner_id, t.team_id, t.amount, t.currency, t.start_date, t.end_date,
        (SELECT u.name FROM users u WHERE u.tenant_id = t.tenant_id AND u.id = t.owner_id) AS owner_name,
        (SELECT tm.name FROM teams tm WHERE tm.tenant_id = t.tenant_id AND tm.id = t.team_id) AS team_name
      FROM ${salesTargets} t
      WHERE t.tenant_id = ${ctx.tenantId} AND t.period_key = ${scope.period.key} AND t.currency = ${scope.currency} AND ${visible}
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
    rows: rows.map((r) => {
      const target = amount(r.target);
      const won = amount(r.won);
      const gap = subAmounts(target, won);
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
      };
    }),
  };
}
