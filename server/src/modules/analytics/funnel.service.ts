import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors.js';
import { translate } from '../../platform/i18n/messages.js';
import { stageEntryFacts, stageFacts } from '../opportunities/opportunity-facts.js';
import { defaultProcessForDeal, processForDeal } from '../opportunities/sales-processes.service.js';
import { analyticsRows, dealsQuery, instantInRange, leadsQuery, num, rangeOf, type Scope } from './analytics-scope.js';
import { funnelSteps } from './funnel-steps.js';

export const DRILL_LIMIT = 1000;
/** The filters the company's figures ignore (the currency they keep). */
const COMPANY_FILTERS = ['teamId', 'ownerId', 'region', 'productLineId', 'source'] as const;

/**
 * The CTE `lead_marks`: the visible, filtered leads with when each first became MQL and SQL
 * (`mql_at`, `sql_at`, or null; kept on the lead by its lifecycle). With `cohortOnly`, only the
 * leads created in the range. One CTE over the leads, so a statement reading it once scans them
 * once, with the range where the planner can use an index.
 */
export function leadMarks(scope: Scope, opts: { ignoreFilters?: boolean; cohortOnly?: boolean } = {}): SQL {
  return sql`
    lead_marks AS (
      SELECT l.*, l.became_mql_at AS mql_at, l.became_sql_at AS sql_at FROM (${leadsQuery(scope, { ignoreFilters: opts.ignoreFilters })}) l
      ${opts.cohortOnly ? sql`WHERE ${instantInRange(scope, sql`l.created_at`)}` : sql``}
    )`;
}

/**
 * The cohort CTEs of the funnel: leads created in the range with whether they ever became MQL
 * and SQL; deals of the process created in the range with the furthest open stage they reached
 * (a won deal reached them all).
 */
function cohorts(scope: Scope, processId: string, ignoreFilters: boolean): SQL {
  const { ctx } = scope;
  return sql`${leadMarks(scope, { ignoreFilters, cohortOnly: true })},
    lead_cohort AS (SELECT m.id, m.name, m.owner_id, m.status, m.created_at, m.mql_at IS NOT NULL AS mql, m.sql_at IS NOT NULL AS sql FROM lead_marks m),
    deals AS (${dealsQuery(scope, { ignoreFilters })}),
    stages AS (${stageFacts(ctx)}),
    deal_cohort AS (
      SELECT d.id, d.status,
        -- Per deal from the history's index (a join and a GROUP BY sorted every deal of the range).
        coalesce((
          SELECT max(s.stage_order) FROM (${stageEntryFacts(ctx)}) e JOIN stages s ON s.id = e.to_stage_id
          WHERE e.opportunity_id = d.id AND NOT s.is_won AND NOT s.is_lost
        ), 0) AS reached
      FROM deals d
      WHERE d.process_id = ${processId}::uuid AND ${instantInRange(scope, sql`d.created_at`)}
    )`;
}

async function stepCounts(scope: Scope, processId: string, ignoreFilters: boolean) {
  const rows = await analyticsRows<{ key: string; n: unknown; ord: unknown }>(scope.ctx, sql`
    WITH ${cohorts(scope, processId, ignoreFilters)},
    -- One pass over the cohort for its three counts.
    lead_counts AS (SELECT count(*) AS leads, count(*) FILTER (WHERE mql) AS mql, count(*) FILTER (WHERE sql) AS sql FROM lead_cohort)
    SELECT 'leads' AS key, leads AS n, -3 AS ord FROM lead_counts
    UNION ALL SELECT 'mql', mql, -2 FROM lead_counts
    UNION ALL SELECT 'sql', sql, -1 FROM lead_counts
    UNION ALL SELECT 'stage:' || s.id, count(c.id), s.stage_order
      FROM stages s LEFT JOIN deal_cohort c ON c.status = 'won' OR c.reached >= s.stage_order
      WHERE s.process_id = ${processId}::uuid AND NOT s.is_won AND NOT s.is_lost
      GROUP BY s.id, s.stage_order
    UNION ALL SELECT 'won', count(*) FILTER (WHERE status = 'won'), 1000000 FROM deal_cohort
    ORDER BY 3`);
  return new Map(rows.map((r) => [r.key, num(r.n)]));
}

async function processOf(scope: Scope, processId: string | undefined) {
  const process = processId ? await processForDeal(scope.ctx, processId) : await defaultProcessForDeal(scope.ctx);
  if (!process) throw new AppError(404, 'NOT_FOUND');
  return process;
}

/**
 * The funnel from leads to won deals for the range: leads created → became MQL → became SQL →
 * deals of the sales process created in the range reaching each open stage → won; conversion
 * between steps, the company's figures beside them (all deals and leads, no filters) and the
 * step where the scope leaks most against the company. Counts are cohorts of the range.
 */
export async function funnel(scope: Scope, opts: { processId?: string } = {}) {
  const process = await processOf(scope, opts.processId);
  // Whoever sees everything and filters nothing sees the company: one query, not the same one twice.
  const whole = scope.level === 'all' && !COMPANY_FILTERS.some((k) => scope.filters[k]);
  const [mine, company] = whole
    ? await stepCounts(scope, process.id, false).then((counts) => [counts, counts])
    : await Promise.all([stepCounts(scope, process.id, false), stepCounts(scope, process.id, true)]);
  const locale = scope.ctx.locale;
  const keys = [
    { key: 'leads', label: translate(locale, 'FUNNEL_LEADS') },
    { key: 'mql', label: 'MQL' },
    { key: 'sql', label: 'SQL' },
    ...process.stages.filter((s) => !s.isWon && !s.isLost).map((s) => ({ key: `stage:${s.id}`, label: s.name })),
    { key: 'won', label: translate(locale, 'FUNNEL_WON') },
  ];
  const { steps, leakiestStep } = funnelSteps(keys.map((k) => ({ ...k, count: mine.get(k.key) ?? 0, companyCount: company.get(k.key) ?? 0 })));
  return { ...rangeOf(scope), processId: process.id, steps, leakiestStep };
}

/** The records behind one step of the funnel (the caller's visibility and filters apply), at most DRILL_LIMIT. */
export async function funnelDrill(scope: Scope, step: string, opts: { processId?: string } = {}) {
  const process = await processOf(scope, opts.processId);
  const stage = step.startsWith('stage:') ? process.stages.find((s) => `stage:${s.id}` === step && !s.isWon && !s.isLost) : undefined;
  const known = ['leads', 'mql', 'sql', 'won'].includes(step) || stage;
  if (!known) throw new AppError(400, 'DRILL_STEP_UNKNOWN', { step }, { step });
  const isLead = ['leads', 'mql', 'sql'].includes(step);
  const where = step === 'mql' ? sql`c.mql` : step === 'sql' ? sql`c.sql` : step === 'won' ? sql`c.status = 'won'`
    : stage ? sql`(c.status = 'won' OR c.reached >= ${stage.order})` : sql`true`;
  const rows = await analyticsRows<{ id: string; name: string | null; owner_id: string | null; status: string; amount: unknown; currency: string | null }>(
    scope.ctx,
    isLead
      ? sql`WITH ${cohorts(scope, process.id, false)}
          SELECT c.id, c.name, c.owner_id, c.status, NULL AS amount, NULL AS currency
          FROM lead_cohort c WHERE ${where} ORDER BY c.created_at, c.id LIMIT ${DRILL_LIMIT + 1}`
      : sql`WITH ${cohorts(scope, process.id, false)}
          SELECT c.id, d.name, d.owner_id, c.status, d.amount, d.currency
          FROM deal_cohort c JOIN deals d ON d.id = c.id WHERE ${where} ORDER BY d.created_at, c.id LIMIT ${DRILL_LIMIT + 1}`,
  );
  return {
    step,
    object: isLead ? 'leads' : 'opportunities',
    truncated: rows.length > DRILL_LIMIT,
    records: rows.slice(0, DRILL_LIMIT).map((r) => ({
      id: r.id,
      name: r.name,
      ownerId: r.owner_id,
      status: r.status,
      amount: r.amount === null ? null : { amount: String(r.amount), currency: (r.currency ?? '').trim() },
    })),
  };
}
