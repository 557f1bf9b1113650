import { sql } from 'drizzle-orm';
import type { RequestContext } from '../server/src/platform/access/context.js';
import { queryRows, type AppDb } from '../server/src/platform/db/client.js';
import { uuidv7 } from '../server/src/platform/db/ids.js';
// Bulk data goes straight into the tables, like the rest of the generator (see scale-data.ts).
import { campaignCosts, campaigns } from '../server/src/modules/campaigns/campaigns.schema.js';
import { newFormKey } from '../server/src/modules/campaigns/form-key.js';
import { DEFAULT_FORM } from '../server/src/modules/campaigns/public-form.js';
import { productLines, products } from '../server/src/modules/catalog/catalog.schema.js';
import { leadStatusHistory, leadTouches } from '../server/src/modules/leads/leads.schema.js';
import { ensureDealSetup } from '../server/src/modules/opportunities/deal-settings.service.js';
import { opportunities, opportunityLineItems, opportunityStageHistory } from '../server/src/modules/opportunities/opportunities.schema.js';
import { EMPTY_BANT } from '../server/src/modules/opportunities/bant.js';
import { PRODUCT_LINES } from './names.js';
import { IdList } from './id-list.js';
import { Random } from './random.js';

const DAY = 24 * 3600 * 1000;
const CAMPAIGN_TYPES = ['seo', 'sem', 'content', 'webinar', 'email', 'sponsorship', 'seminar', 'conference', 'trade_show'];
/** The lifecycle action that enters each status (lead-lifecycle.ts). */
const ENTERED_BY: Record<string, string> = {
  new: 'create', mql: 'promote', accepted: 'accept', sql: 'qualify', recycled: 'return-to-nurture', disqualified: 'disqualify', converted: 'convert',
};
/** The path a lead of each final status walked (lead_status_history). */
const LEAD_PATHS: Record<string, string[]> = {
  new: ['new'],
  mql: ['new', 'mql'],
  accepted: ['new', 'mql', 'accepted'],
  sql: ['new', 'mql', 'accepted', 'sql'],
  recycled: ['new', 'mql', 'accepted', 'recycled'],
  disqualified: ['new', 'disqualified'],
  converted: ['new', 'mql', 'accepted', 'sql', 'converted'],
};

/** Lead statuses by their index in `LeadFacts.status`. */
export const LEAD_STATUSES = ['new', 'mql', 'accepted', 'sql', 'recycled', 'disqualified', 'converted'];
/** Streams of `Random.of`: items the generator makes again instead of keeping. */
export const STREAM = { company: 1, lead: 2, deal: 3, leadPath: 4 };

/**
 * Times from `start` on, `gaps` apart, squeezed to end by `now` where they would run past it:
 * history (a status entered, a stage reached) never lies in the future.
 */
function timesFrom(start: number, gaps: readonly number[], now: number): number[] {
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  const squeeze = start + total > now ? Math.max(0, now - start) / total : 1;
  let at = start;
  return [start, ...gaps.map((gap) => (at += Math.floor(gap * squeeze)))];
}

/**
 * The statuses lead `i` walked to its final one, each with when it entered it (1–14 days apart
 * from its creation on, by `now` at the latest): made again from the lead's own generator, so the
 * lead row (its MQL and SQL marks, when its status last changed) and its status history agree
 * without being kept.
 */
export function leadPath(seed: number, i: number, status: string, createdAt: number, now: number): { status: string; at: number }[] {
  const r = Random.of(seed, STREAM.leadPath, i);
  const path = LEAD_PATHS[status];
  const times = timesFrom(createdAt, path.slice(1).map(() => r.int(1, 14) * DAY), now);
  return path.map((s, k) => ({ status: s, at: times[k] }));
}

/** What the pipeline needs of the leads, by lead index, in typed arrays (a million leads at scale 10). */
export interface LeadFacts {
  ids: IdList;
  status: Uint8Array;
  createdAt: Float64Array;
  /** Index into the reps, -1 for none. */
  owner: Int16Array;
}

interface StageRow {
  id: string;
  process_id: string;
  name: string;
  order: number;
  probability: number;
  forecast_category: string;
  is_won: boolean;
  is_lost: boolean;
}

export interface PipelineShape {
  campaigns: number;
  opportunities: number;
}

type Insert = (table: Parameters<AppDb['insert']>[0], rows: Iterable<Record<string, unknown>>) => Promise<number>;

interface PipelineData {
  seed: number;
  now: number;
  leads: LeadFacts;
  accounts: { ids: string[]; owner: Uint16Array };
  repIds: string[];
  teamOf: Map<string, string>;
}

/**
 * Campaigns with costs and the leads' touches, the leads' status histories, and opportunities
 * on the tenant's two sales processes with line items and stage histories: what the funnel,
 * forecast and campaign ROI read. Rows stream into their tables as they are made.
 */
export async function generatePipeline(ctx: RequestContext, r: Random, shape: PipelineShape, data: PipelineData, insert: Insert): Promise<Record<string, number>> {
  const db = ctx.db;
  const { tenantId } = ctx;
  const base = { tenantId };
  const owners = [...new Set(data.accounts.owner)].map((k) => data.repIds[k]);
  const lead = data.leads;

  const campaignRows = Array.from({ length: shape.campaigns }, (_, i) => {
    const start = new Date(data.now - r.int(30, 540) * DAY);
    return {
      ...base, id: uuidv7(), name: `活动 Campaign ${i + 1}`, type: r.pick(CAMPAIGN_TYPES), status: 'completed',
      startDate: start.toISOString().slice(0, 10), budget: String(r.int(20, 500) * 1000), budgetCurrency: 'CNY',
      formKey: newFormKey(tenantId), form: DEFAULT_FORM, ownerId: r.pick(owners), createdAt: start, updatedAt: start,
    };
  });
  await insert(campaigns, campaignRows);
  await insert(
    campaignCosts,
    campaignRows.flatMap((c) =>
      Array.from({ length: r.int(1, 4) }, () => ({
        ...base, id: uuidv7(), campaignId: c.id, incurredOn: c.startDate, category: 'venue', amount: String(r.int(5, 200) * 500), currency: 'CNY',
      })),
    ),
  );

  const touches = await insert(leadTouches, (function* () {
    for (let i = 0; i < lead.status.length; i++) {
      const leadId = lead.ids.get(i);
      for (let t = r.int(1, 3); t > 0; t--) {
        yield { ...base, id: uuidv7(), leadId, campaignId: r.pick(campaignRows).id, kind: 'form', at: new Date(lead.createdAt[i] - t * r.int(1, 20) * DAY) };
      }
    }
  })());
  await insert(leadStatusHistory, (function* () {
    for (let i = 0; i < lead.status.length; i++) {
      const leadId = lead.ids.get(i);
      const actorId = lead.owner[i] < 0 ? null : data.repIds[lead.owner[i]];
      let from: string | null = null;
      for (const { status, at } of leadPath(data.seed, i, LEAD_STATUSES[lead.status[i]], lead.createdAt[i], data.now)) {
        yield { ...base, id: uuidv7(), leadId, action: ENTERED_BY[status], fromStatus: from, toStatus: status, actorId, at: new Date(at) };
        from = status;
      }
    }
  })());
  const lineRows = PRODUCT_LINES.map((name) => ({ ...base, id: uuidv7(), name }));
  await insert(productLines, lineRows);
  const productRows = lineRows.flatMap((line, i) =>
    [1, 2].map((k) => ({ ...base, id: uuidv7(), name: `${line.name} ${k === 1 ? '年费' : '实施'}`, code: `P${i}${k}`, productLineId: line.id, listPrice: String(r.int(5, 80) * 1000), listPriceCurrency: 'CNY' })),
  );
  await insert(products, productRows);

  await ensureDealSetup(ctx);
  const stages = await queryRows<StageRow>(
    db,
    sql`SELECT id, process_id, name, "order", probability, forecast_category, is_won, is_lost FROM sales_stages WHERE tenant_id = ${tenantId} ORDER BY process_id, "order"`,
  );
  const processes = [...new Set(stages.map((s) => s.process_id))].map((id) => stages.filter((s) => s.process_id === id));
  const lossReasons = (await queryRows<{ key: string }>(db, sql`SELECT key FROM loss_reasons WHERE tenant_id = ${tenantId}`)).map((x) => x.key);

  // Opportunities, their line items and stage histories are three tables made from one deal:
  // each deal comes from its own generator and is made again for each table; only its id is kept.
  // Deals take the converted leads, latest first, while there are any.
  const converted: number[] = [];
  lead.status.forEach((status, i) => LEAD_STATUSES[status] === 'converted' && converted.push(i));
  const deal = (i: number) => {
    const d = Random.of(data.seed, STREAM.deal, i);
    const leadIndex = converted[converted.length - 1 - i];
    const accountIndex = d.int(0, data.accounts.ids.length - 1);
    const ownerId = data.repIds[data.accounts.owner[accountIndex]];
    const process = d.chance(0.7) ? processes[0] : processes[processes.length - 1];
    const open = process.filter((s) => !s.is_won && !s.is_lost);
    const createdAt = new Date(Math.min(data.now, (leadIndex === undefined ? data.now - d.int(0, 720) * DAY : lead.createdAt[leadIndex]) + d.int(1, 20) * DAY));
    const ageDays = (data.now - createdAt.getTime()) / DAY;
    const outcome = ageDays > 120 ? (d.chance(0.45) ? 'won' : 'lost') : ageDays > 45 && d.chance(0.3) ? d.pick(['won', 'lost']) : 'open';
    const reached = outcome === 'won' ? open.length : d.int(1, open.length);
    const final = outcome === 'won' ? process.find((s) => s.is_won)! : outcome === 'lost' ? process.find((s) => s.is_lost)! : open[reached - 1];
    const product = d.pick(productRows);
    const quantity = d.pareto(1, 1.3, 200);
    const amount = (Number(product.listPrice) * quantity).toFixed(2);
    const path = [...open.slice(0, reached), ...(outcome === 'open' ? [] : [final])];
    const times = timesFrom(createdAt.getTime(), path.slice(1).map(() => d.int(2, 30) * DAY), data.now);
    const stages = path.map((stage, k) => ({
      ...base, action: k === 0 ? 'create' : outcome !== 'open' && k === path.length - 1 ? 'close' : 'advance',
      fromStageId: path[k - 1]?.id ?? null, fromStageName: path[k - 1]?.name ?? null, toStageId: stage.id, toStageName: stage.name,
      status: stage.is_won ? 'won' : stage.is_lost ? 'lost' : 'open', probability: stage.probability, actorId: ownerId, at: new Date(times[k]),
    }));
    const lastAt = new Date(times[times.length - 1]);
    const closedAt = outcome === 'open' ? null : lastAt;
    const closeDate = (closedAt ?? new Date(data.now + d.int(-20, 180) * DAY)).toISOString().slice(0, 10);
    const opportunity = {
      ...base, name: `${product.name} · ${i + 1}`, accountId: data.accounts.ids[accountIndex], processId: final.process_id, stageId: final.id, status: outcome,
      currency: 'CNY', amount, closeDate, stageProbability: final.probability, probability: final.probability,
      stageForecastCategory: final.forecast_category, forecastCategory: final.forecast_category, bant: EMPTY_BANT,
      bantMissing: [], qualified: d.chance(0.7), ownerId, teamId: data.teamOf.get(ownerId) ?? null,
      leadId: leadIndex === undefined ? null : lead.ids.get(leadIndex), stageEnteredAt: lastAt, closedAt,
      lossReason: outcome === 'lost' ? d.pick(lossReasons) : null, createdAt, updatedAt: lastAt,
    };
    const item = {
      ...base, position: 1, productId: product.id, productName: product.name, productCode: product.code,
      productLineId: product.productLineId, quantity: String(quantity), unitPrice: product.listPrice, currency: 'CNY', lineTotal: amount,
    };
    return { opportunity, item, stages };
  };
  const dealIds = new IdList(shape.opportunities);
  await insert(opportunities, (function* () {
    for (let i = 0; i < dealIds.length; i++) yield { id: dealIds.set(i, uuidv7()), ...deal(i).opportunity };
  })());
  await insert(opportunityLineItems, (function* () {
    for (let i = 0; i < dealIds.length; i++) yield { id: uuidv7(), opportunityId: dealIds.get(i), ...deal(i).item };
  })());
  const stageHistory = await insert(opportunityStageHistory, (function* () {
    for (let i = 0; i < dealIds.length; i++) for (const row of deal(i).stages) yield { id: uuidv7(), opportunityId: dealIds.get(i), ...row };
  })());
  return { campaigns: campaignRows.length, touches, opportunities: dealIds.length, stageHistory };
}
