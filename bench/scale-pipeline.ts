import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../server/src/platform/access/context.js';
import { queryRows, type AppDb } from '../server/src/platform/db/client.js';
import { uuidv7 } from '../server/src/platform/db/ids.js';
// Bulk data goes straight into the tables, like the rest of the generator (see scale-data.ts).
import { campaignCosts, campaigns } from '../server/src/modules/campaigns/campaigns.schema.js';
import { newFormKey } from '../server/src/modules/campaigns/form-key.js';
import { DEFAULT_FORM } from '../server/src/modules/campaigns/public-form.js';
import { productLines, products } from '../server/src/modules/catalog/catalog.schema.js';
import { leads, leadStatusHistory, leadTouches } from '../server/src/modules/leads/leads.schema.js';
import { ensureDealSetup } from '../server/src/modules/opportunities/deal-settings.service.js';
import { opportunities, opportunityLineItems, opportunityStageHistory } from '../server/src/modules/opportunities/opportunities.schema.js';
import { EMPTY_BANT } from '../server/src/modules/opportunities/bant.js';
import { PRODUCT_LINES } from './names.js';
import type { Random } from './random.js';

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

export interface PipelineLead {
  id: string;
  status: string;
  createdAt: Date;
  ownerId: string | null;
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

type Insert = (table: Parameters<AppDb['insert']>[0], rows: Record<string, unknown>[]) => Promise<void>;

/**
 * Campaigns with costs and the leads' touches, the leads' status histories, and opportunities
 * on the tenant's two sales processes with line items and stage histories: what the funnel,
 * forecast and campaign ROI read.
 */
export async function generatePipeline(
  ctx: RequestContext,
  r: Random,
  shape: PipelineShape,
  data: { leads: PipelineLead[]; accounts: { id: string; ownerId: string }[]; teamOf: Map<string, string>; now: number },
  insert: Insert,
): Promise<Record<string, number>> {
  const db = ctx.db;
  const { tenantId } = ctx;
  const base = { tenantId };
  const owners = [...new Set(data.accounts.map((a) => a.ownerId))];

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

  // A third of the sales-qualified leads became opportunities.
  const converted = data.leads.filter((l) => l.status === 'sql' && r.chance(0.35));
  for (const lead of converted) lead.status = 'converted';
  for (let i = 0; i < converted.length; i += 1000) {
    const ids = converted.slice(i, i + 1000).map((l) => l.id);
    await db.update(leads).set({ status: 'converted' }).where(and(eq(leads.tenantId, tenantId), inArray(leads.id, ids)));
  }
  const touches: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  for (const lead of data.leads) {
    for (let t = r.int(1, 3); t > 0; t--) {
      touches.push({ ...base, id: uuidv7(), leadId: lead.id, campaignId: r.pick(campaignRows).id, kind: 'form', at: new Date(lead.createdAt.getTime() - t * r.int(1, 20) * DAY) });
    }
    let at = lead.createdAt.getTime();
    let from: string | null = null;
    for (const status of LEAD_PATHS[lead.status] ?? ['new']) {
      history.push({ ...base, id: uuidv7(), leadId: lead.id, action: ENTERED_BY[status], fromStatus: from, toStatus: status, actorId: lead.ownerId, at: new Date(at) });
      from = status;
      at += r.int(1, 14) * DAY;
    }
  }
  await insert(leadTouches, touches);
  await insert(leadStatusHistory, history);

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

  const opportunityRows: Record<string, unknown>[] = [];
  const itemRows: Record<string, unknown>[] = [];
  const stageRows: Record<string, unknown>[] = [];
  const leadsLeft = [...converted];
  for (let i = 0; i < shape.opportunities; i++) {
    const lead = leadsLeft.pop();
    const account = r.pick(data.accounts);
    const process = r.chance(0.7) ? processes[0] : processes[processes.length - 1];
    const open = process.filter((s) => !s.is_won && !s.is_lost);
    const createdAt = new Date((lead?.createdAt.getTime() ?? data.now - r.int(0, 720) * DAY) + r.int(1, 20) * DAY);
    const ageDays = (data.now - createdAt.getTime()) / DAY;
    const outcome = ageDays > 120 ? (r.chance(0.45) ? 'won' : 'lost') : ageDays > 45 && r.chance(0.3) ? r.pick(['won', 'lost']) : 'open';
    const reached = outcome === 'won' ? open.length : r.int(1, open.length);
    const final = outcome === 'won' ? process.find((s) => s.is_won)! : outcome === 'lost' ? process.find((s) => s.is_lost)! : open[reached - 1];
    const product = r.pick(productRows);
    const quantity = r.pareto(1, 1.3, 200);
    const amount = (Number(product.listPrice) * quantity).toFixed(2);
    const id = uuidv7();
    let at = createdAt.getTime();
    const path = [...open.slice(0, reached), ...(outcome === 'open' ? [] : [final])];
    path.forEach((stage, k) => {
      const prev = path[k - 1];
      stageRows.push({
        ...base, id: uuidv7(), opportunityId: id, action: k === 0 ? 'create' : outcome !== 'open' && k === path.length - 1 ? 'close' : 'advance',
        fromStageId: prev?.id ?? null, fromStageName: prev?.name ?? null, toStageId: stage.id, toStageName: stage.name,
        status: stage.is_won ? 'won' : stage.is_lost ? 'lost' : 'open', probability: stage.probability, actorId: account.ownerId, at: new Date(at),
      });
      if (k < path.length - 1) at += r.int(2, 30) * DAY;
    });
    const closedAt = outcome === 'open' ? null : new Date(at);
    const closeDate = (closedAt ?? new Date(data.now + r.int(-20, 180) * DAY)).toISOString().slice(0, 10);
    opportunityRows.push({
      ...base, id, name: `${product.name} · ${i + 1}`, accountId: account.id, processId: final.process_id, stageId: final.id, status: outcome,
      currency: 'CNY', amount, closeDate, stageProbability: final.probability, probability: final.probability,
      stageForecastCategory: final.forecast_category, forecastCategory: final.forecast_category, bant: EMPTY_BANT,
      bantMissing: [], qualified: r.chance(0.7), ownerId: account.ownerId, teamId: data.teamOf.get(account.ownerId) ?? null,
      leadId: lead?.id ?? null, stageEnteredAt: new Date(at), closedAt, lossReason: outcome === 'lost' ? r.pick(lossReasons) : null,
      createdAt, updatedAt: new Date(at),
    });
    itemRows.push({
      ...base, id: uuidv7(), opportunityId: id, position: 1, productId: product.id, productName: product.name, productCode: product.code,
      productLineId: product.productLineId, quantity: String(quantity), unitPrice: product.listPrice, currency: 'CNY', lineTotal: amount,
    });
  }
  await insert(opportunities, opportunityRows);
  await insert(opportunityLineItems, itemRows);
  await insert(opportunityStageHistory, stageRows);
  return { campaigns: campaignRows.length, touches: touches.length, opportunities: opportunityRows.length, stageHistory: stageRows.length };
}
