import { sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { ownerCondition, requireLevel } from '../../platform/access/visibility.js';
import { queryRows } from '../../platform/db/client.js';
import { SQL_OR_LATER } from './lead-lifecycle.js';
import { leads, leadStatusHistory } from './leads.schema.js';

/** Statuses in which a lead is on its owner's plate. */
const WORKLOAD_STATUSES = ['new', 'mql', 'accepted', 'sql'];
/** Whether a lead in this status counts in its owner's open leads (openLeadCounts). */
export const countsAsOpenLead = (status: string) => WORKLOAD_STATUSES.includes(status);

/**
 * Open leads per owner, counted in one query, for assignment's capacity and least-loaded
 * choice. A system count of workload: not limited by the caller's visibility.
 */
export async function openLeadCounts(ctx: RequestContext, ownerIds: readonly string[]): Promise<Map<string, number>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await queryRows<{ owner_id: string; n: string | number }>(
    executor(ctx),
    sql`SELECT ${leads.ownerId} AS owner_id, count(*) AS n FROM ${leads}
        WHERE ${leads.tenantId} = ${ctx.tenantId}
          AND ${leads.ownerId} IN (${sql.join(ownerIds.map((id) => sql`${id}::uuid`), sql`, `)})
          AND ${leads.status} IN (${sql.join(WORKLOAD_STATUSES.map((s) => sql`${s}`), sql`, `)})
        GROUP BY ${leads.ownerId}`,
  );
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}

export interface FunnelQuery {
  from: Date;
  to: Date;
  source?: string;
  campaignId?: string;
}

export interface FunnelCounts {
  /** Leads that became MQL in the period (the cohort). */
  mql: number;
  /** Of the cohort, how many were later accepted, rejected at least once, reached SQL (or were converted), … */
  accepted: number;
  rejected: number;
  sql: number;
  recycled: number;
  disqualified: number;
  converted: number;
  /** sql / mql; null without MQLs. */
  mqlToSqlRate: number | null;
}

export interface LeadFunnel {
  totals: FunnelCounts;
  bySource: (FunnelCounts & { source: string | null })[];
  byCampaign: (FunnelCounts & { campaignId: string | null })[];
  /** Reasons given in the period when rejecting, returning to nurture and disqualifying. */
  reasons: { action: string; reason: string; count: number }[];
  /** Time spent in each status by the stays that began in the period; open stays are counted apart. */
  timeInState: { status: string; exits: number; stillIn: number; avgSeconds: number | null; medianSeconds: number | null }[];
}

interface CountRow {
  g_source: number;
  g_campaign: number;
  source: string | null;
  campaign_id: string | null;
  mql: string | number;
  accepted: string | number;
  rejected: string | number;
  sql: string | number;
  recycled: string | number;
  disqualified: string | number;
  converted: string | number;
}

/**
 * MQL→SQL conversion of the leads that became MQLs in the period, by source and by campaign;
 * the reasons reps gave; and the time leads spend in each status. Everything is aggregated in
 * SQL over lead_status_history (a handful of queries whatever the volume).
 */
export async function leadFunnel(ctx: RequestContext, q: FunnelQuery): Promise<LeadFunnel> {
  // Reps and managers see the funnel of the leads they may see (own / team).
  const visible = ownerCondition(ctx, requireLevel(ctx, 'analytics', 'read'), leads.ownerId);
  const exec = executor(ctx);
  const t = ctx.tenantId;
  const h = leadStatusHistory;
  const scoped = sql`SELECT ${leads.id} AS id, ${leads.source} AS source, ${leads.campaignId} AS campaign_id FROM ${leads}
    WHERE ${leads.tenantId} = ${t}
      ${visible ? sql`AND ${visible}` : sql``}
      ${q.source ? sql`AND ${leads.source} = ${q.source}` : sql``}
      ${q.campaignId ? sql`AND ${leads.campaignId} = ${q.campaignId}::uuid` : sql``}`;

  const counts = await queryRows<CountRow>(exec, sql`
    WITH scoped AS (${scoped}),
    cohort AS (
      SELECT h.lead_id, min(h.at) AS mql_at
      FROM ${h} h JOIN scoped s ON s.id = h.lead_id
      WHERE h.tenant_id = ${t} AND h.to_status = 'mql' AND h.from_status IS DISTINCT FROM 'mql'
        AND h.at >= ${q.from} AND h.at < ${q.to}
      GROUP BY h.lead_id
    ),
    outcomes AS (
      SELECT c.lead_id,
        coalesce(bool_or(h.action = 'accept'), false) AS accepted,
        coalesce(bool_or(h.action = 'reject'), false) AS rejected,
        coalesce(bool_or(h.to_status = ANY(${sql.param([...SQL_OR_LATER])}::text[])), false) AS reached_sql,
        coalesce(bool_or(h.to_status = 'recycled'), false) AS recycled,
        coalesce(bool_or(h.to_status = 'disqualified'), false) AS disqualified,
        coalesce(bool_or(h.to_status = 'converted'), false) AS converted
      FROM cohort c LEFT JOIN ${h} h ON h.tenant_id = ${t} AND h.lead_id = c.lead_id AND h.at >= c.mql_at
      GROUP BY c.lead_id
    )
    SELECT GROUPING(s.source) AS g_source, GROUPING(s.campaign_id) AS g_campaign, s.source, s.campaign_id,
      count(*) AS mql,
      count(*) FILTER (WHERE o.accepted) AS accepted,
      count(*) FILTER (WHERE o.rejected) AS rejected,
      count(*) FILTER (WHERE o.reached_sql) AS sql,
      count(*) FILTER (WHERE o.recycled) AS recycled,
      count(*) FILTER (WHERE o.disqualified) AS disqualified,
      count(*) FILTER (WHERE o.converted) AS converted
    FROM outcomes o JOIN scoped s ON s.id = o.lead_id
    GROUP BY GROUPING SETS ((), (s.source), (s.campaign_id))
    ORDER BY count(*) DESC, s.source, s.campaign_id`);

  const reasons = await queryRows<{ action: string; reason: string; n: string | number }>(exec, sql`
    WITH scoped AS (${scoped})
    SELECT h.action, btrim(h.reason) AS reason, count(*) AS n
    FROM ${h} h JOIN scoped s ON s.id = h.lead_id
    WHERE h.tenant_id = ${t} AND h.action IN ('reject', 'return-to-nurture', 'disqualify')
      AND h.reason IS NOT NULL AND h.at >= ${q.from} AND h.at < ${q.to}
    GROUP BY h.action, btrim(h.reason)
    ORDER BY count(*) DESC, h.action, btrim(h.reason)`);

  // A stay in a status runs from the change into it to the next change out of it; rows that
  // do not change the status (assign, reject of an MQL, routing) are not changes.
  const stays = await queryRows<{ status: string; exits: string | number; still_in: string | number; avg_s: string | number | null; median_s: string | number | null }>(exec, sql`
    WITH scoped AS (${scoped}),
    changes AS (
      SELECT h.to_status AS status, h.at,
        lead(h.at) OVER (PARTITION BY h.lead_id ORDER BY h.at, h.id) AS left_at
      FROM ${h} h JOIN scoped s ON s.id = h.lead_id
      WHERE h.tenant_id = ${t} AND (h.from_status IS NULL OR h.from_status <> h.to_status)
    )
    SELECT status,
      count(left_at) AS exits,
      count(*) FILTER (WHERE left_at IS NULL) AS still_in,
      avg(extract(epoch FROM left_at - at)) AS avg_s,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - at)) AS median_s
    FROM changes
    WHERE at >= ${q.from} AND at < ${q.to}
    GROUP BY status
    ORDER BY array_position(ARRAY['new', 'mql', 'accepted', 'sql', 'recycled', 'disqualified', 'converted'], status), status`);

  const toCounts = (r: CountRow): FunnelCounts => {
    const mql = Number(r.mql);
    const reached = Number(r.sql);
    return {
      mql,
      accepted: Number(r.accepted),
      rejected: Number(r.rejected),
      sql: reached,
      recycled: Number(r.recycled),
      disqualified: Number(r.disqualified),
      converted: Number(r.converted),
      mqlToSqlRate: mql > 0 ? reached / mql : null,
    };
  };
  const total = counts.find((r) => Number(r.g_source) === 1 && Number(r.g_campaign) === 1);
  const empty: FunnelCounts = { mql: 0, accepted: 0, rejected: 0, sql: 0, recycled: 0, disqualified: 0, converted: 0, mqlToSqlRate: null };
  const seconds = (v: string | number | null) => (v === null ? null : Number(v));
  return {
    totals: total ? toCounts(total) : empty,
    bySource: counts.filter((r) => Number(r.g_source) === 0).map((r) => ({ source: r.source, ...toCounts(r) })),
    byCampaign: counts.filter((r) => Number(r.g_campaign) === 0).map((r) => ({ campaignId: r.campaign_id, ...toCounts(r) })),
    reasons: reasons.map((r) => ({ action: r.action, reason: r.reason, count: Number(r.n) })),
    timeInState: stays.map((r) => ({
      status: r.status,
      exits: Number(r.exits),
      stillIn: Number(r.still_in),
      avgSeconds: seconds(r.avg_s),
      medianSeconds: seconds(r.median_s),
    })),
  };
}
