import { and, desc, eq, lt, ne, or, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { UUID_RE, uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, fieldError, notFound } from '../../platform/http/errors.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { decodeCursor, encodeCursor } from '../../platform/records/cursor.js';
import { diffRecords } from '../../platform/records/diff.js';
import { MAX_PAGE, type Page } from '../../platform/records/record-store.js';
import { campaignCosts } from './campaigns.schema.js';
import { campaignForUpdate, campaignStore } from './campaigns.service.js';

export const COST_CATEGORIES = [
  'media', 'venue', 'catering', 'travel', 'materials', 'agency', 'sponsorship', 'software', 'staff', 'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export interface CampaignCost {
  id: string;
  campaignId: string;
  date: string;
  category: CostCategory;
  amount: Money;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CostInput {
  date?: string;
  category?: CostCategory;
  amount?: Money;
  note?: string | null;
}

type CostRow = typeof campaignCosts.$inferSelect;
type Row = Record<string, unknown>;

function toCost(row: CostRow): CampaignCost {
  return {
    id: row.id,
    campaignId: row.campaignId,
    date: row.incurredOn,
    category: row.category as CostCategory,
    amount: moneyFromColumns(row.amount, row.currency)!,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const ofCampaign = (ctx: RequestContext, campaignId: string) =>
  and(eq(campaignCosts.tenantId, ctx.tenantId), eq(campaignCosts.campaignId, campaignId));

/** The campaign's cost entries, latest first, for anyone who may read the campaign. */
export async function listCosts(ctx: RequestContext, campaignId: string, query: { limit?: number; cursor?: string }): Promise<Page<CampaignCost>> {
  await campaignStore.get(ctx, campaignId);
  const limit = Math.min(Math.max(query.limit ?? 100, 1), MAX_PAGE);
  let after;
  if (query.cursor) {
    const { value, id } = decodeCursor(query.cursor);
    after = or(lt(campaignCosts.incurredOn, String(value)), and(eq(campaignCosts.incurredOn, String(value)), lt(campaignCosts.id, id)));
  }
  const rows = await executor(ctx)
    .select()
    .from(campaignCosts)
    .where(and(ofCampaign(ctx, campaignId), after))
    .orderBy(desc(campaignCosts.incurredOn), desc(campaignCosts.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map(toCost), nextCursor: rows.length > limit && last ? encodeCursor(last.incurredOn, last.id) : null };
}

/**
 * One currency per campaign: the budget's, else the one the entries already use. Amounts are
 * positive; a wrong entry is deleted or corrected, not offset.
 */
async function checkAmount(ctx: RequestContext, campaignId: string, budget: Money | null, amount: Money, exceptId?: string) {
  if (!/[1-9]/.test(amount.amount) || amount.amount.startsWith('-')) throw fieldError('amount', 'AMOUNT_NOT_POSITIVE');
  let currency = budget?.currency;
  if (!currency) {
    const [other] = await executor(ctx)
      .select({ currency: campaignCosts.currency })
      .from(campaignCosts)
      .where(and(ofCampaign(ctx, campaignId), exceptId ? ne(campaignCosts.id, exceptId) : undefined))
      .limit(1);
    currency = other?.currency;
  }
  if (currency && currency !== amount.currency) throw fieldError('amount.currency', 'CAMPAIGN_CURRENCY_MISMATCH', { currency });
}

async function audit(ctx: RequestContext, action: 'create' | 'update' | 'delete', before: CampaignCost | null, after: CampaignCost | null) {
  const record = (after ?? before)!;
  await appendAudit(ctx, { action, object: 'campaign_costs', recordId: record.id, changes: diffRecords(before as Row | null, after as Row | null) });
  const verb = action === 'create' ? 'cost_added' : action === 'update' ? 'cost_updated' : 'cost_removed';
  await publishEvent(ctx, { type: `campaigns.${verb}`, object: 'campaigns', recordId: record.campaignId, payload: { cost: record } });
}

export function addCost(ctx: RequestContext, campaignId: string, input: Required<Omit<CostInput, 'note'>> & CostInput): Promise<CampaignCost> {
  return inTransaction(ctx, async (ctx) => {
    const campaign = await campaignForUpdate(ctx, campaignId);
    await checkAmount(ctx, campaignId, campaign.budget, input.amount);
    const [row] = await executor(ctx)
      .insert(campaignCosts)
      .values({
        tenantId: ctx.tenantId,
        id: uuidv7(),
        campaignId,
        incurredOn: input.date,
        category: input.category,
        amount: input.amount.amount,
        currency: input.amount.currency,
        note: trimmedOrNull(input.note) ?? null,
      })
      .returning();
    const cost = toCost(row);
    await audit(ctx, 'create', null, cost);
    return cost;
  });
}

async function lockCost(ctx: RequestContext, campaignId: string, costId: string, version: number | undefined): Promise<CostRow> {
  if (!UUID_RE.test(costId)) throw notFound();
  const [row] = await executor(ctx)
    .select()
    .from(campaignCosts)
    .where(and(ofCampaign(ctx, campaignId), eq(campaignCosts.id, costId)))
    .for('update');
  if (!row) throw notFound();
  if (version !== undefined && row.version !== version) {
    throw new AppError(409, 'VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
  }
  return row;
}

export function updateCost(ctx: RequestContext, campaignId: string, costId: string, patch: CostInput, version: number | undefined): Promise<CampaignCost> {
  if (version === undefined) throw new AppError(428, 'VERSION_REQUIRED');
  return inTransaction(ctx, async (ctx) => {
    const campaign = await campaignForUpdate(ctx, campaignId);
    const existing = await lockCost(ctx, campaignId, costId, version);
    if (patch.amount) await checkAmount(ctx, campaignId, campaign.budget, patch.amount, costId);
    const [row] = await executor(ctx)
      .update(campaignCosts)
      .set({
        incurredOn: patch.date,
        category: patch.category,
        amount: patch.amount?.amount,
        currency: patch.amount?.currency,
        note: patch.note === undefined ? undefined : trimmedOrNull(patch.note) ?? null,
        version: sql`${campaignCosts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(ofCampaign(ctx, campaignId), eq(campaignCosts.id, costId)))
      .returning();
    const before = toCost(existing);
    const after = toCost(row);
    await audit(ctx, 'update', before, after);
    return after;
  });
}

export function removeCost(ctx: RequestContext, campaignId: string, costId: string, version: number | undefined): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    await campaignForUpdate(ctx, campaignId);
    const existing = await lockCost(ctx, campaignId, costId, version);
    await executor(ctx).delete(campaignCosts).where(and(ofCampaign(ctx, campaignId), eq(campaignCosts.id, costId)));
    await audit(ctx, 'delete', toCost(existing), null);
  });
}
