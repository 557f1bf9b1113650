import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { ownerWithin, requireLevel } from '../../platform/access/visibility.js';
import { queryRows } from '../../platform/db/client.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, fieldError, forbidden, ValidationError } from '../../platform/http/errors.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';
import { campaignLeadStats } from '../leads/leads.service.js';
import {
  ACTION_EVENTS, campaignTransition, INITIAL_STATUSES, type CampaignAction, type CampaignStatus, type CampaignType,
} from './campaign-lifecycle.js';
import './campaigns.messages.js';
import { campaignCosts, campaignMembers, campaigns } from './campaigns.schema.js';
import { newFormKey } from './form-key.js';
import { DEFAULT_FORM, mergeFormSettings, type FormSettings } from './public-form.js';

export interface CampaignGoals {
  leads: number | null;
  mqls: number | null;
  pipeline: Money | null;
}

export interface Campaign extends ApiRecord {
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  statusChangedAt: string;
  startDate: string;
  endDate: string | null;
  description: string | null;
  budget: Money | null;
  goals: CampaignGoals;
  formKey: string;
  form: FormSettings;
  ownerId: string;
  ownerName?: string | null;
  /** Sum of the cost entries (SQL), in the campaign's currency; null without entries. */
  actualCost?: Money | null;
  memberCount?: number;
}

const nullable = <T>(v: unknown) => (v ?? null) as T | null;

export const campaignStore = new RecordStore<Campaign>({
  object: 'campaigns',
  table: campaigns,
  ownerColumn: campaigns.ownerId,
  sortable: {
    startDate: campaigns.startDate,
    name: campaigns.name,
    createdAt: campaigns.createdAt,
    updatedAt: campaigns.updatedAt,
  },
  defaultSort: '-startDate',
  filters: { type: campaigns.type, status: campaigns.status, ownerId: campaigns.ownerId },
  searchColumns: [campaigns.name, campaigns.description],
  references: { ownerId: { table: users } },
  toApi: (r) => ({
    name: r.name as string,
    type: r.type as CampaignType,
    status: r.status as CampaignStatus,
    statusChangedAt: (r.statusChangedAt as Date).toISOString(),
    startDate: r.startDate as string,
    endDate: nullable(r.endDate),
    description: nullable(r.description),
    budget: moneyFromColumns(r.budget, r.budgetCurrency),
    goals: {
      leads: nullable(r.goalLeads),
      mqls: nullable(r.goalMqls),
      pipeline: moneyFromColumns(r.goalPipeline, r.goalPipelineCurrency),
    },
    formKey: r.formKey as string,
    form: { ...DEFAULT_FORM, ...(r.form as FormSettings) },
    ownerId: r.ownerId as string,
  }),
  toColumns: (input) => {
    const budget = input.budget as Money | null | undefined;
    const goals = input.goals as Partial<CampaignGoals> | undefined;
    const pipeline = goals?.pipeline;
    return {
      name: trimmedOrNull(input.name),
      type: input.type,
      status: input.status,
      statusChangedAt: input.statusChangedAt,
      startDate: input.startDate,
      endDate: input.endDate,
      description: trimmedOrNull(input.description),
      budget: budget === undefined ? undefined : budget?.amount ?? null,
      budgetCurrency: budget === undefined ? undefined : budget?.currency ?? null,
      goalLeads: goals?.leads,
      goalMqls: goals?.mqls,
      goalPipeline: pipeline === undefined ? undefined : pipeline?.amount ?? null,
      goalPipelineCurrency: pipeline === undefined ? undefined : pipeline?.currency ?? null,
      formKey: input.formKey,
      form: input.form,
      ownerId: input.ownerId,
    };
  },
  async validate(ctx, next, existing) {
    const start = next.startDate as string | null;
    const end = next.endDate as string | null;
    if (start && end && end < start) throw fieldError('endDate', 'CAMPAIGN_END_BEFORE_START');
    const currency = next.budgetCurrency as string | null;
    if (existing && currency) {
      const other = await executor(ctx)
        .selectDistinct({ currency: campaignCosts.currency })
        .from(campaignCosts)
        .where(and(eq(campaignCosts.tenantId, ctx.tenantId), eq(campaignCosts.campaignId, existing.id as string), ne(campaignCosts.currency, currency)))
        .limit(1);
      if (other.length > 0) throw fieldError('budget', 'CAMPAIGN_CURRENCY_MISMATCH', { currency: other[0].currency });
    }
  },
  decorate: addCostsAndMemberCounts,
});

registerRecordType('campaigns', {
  store: campaignStore,
  describe: (c) => ({ title: c.name, subtitle: [c.type, c.status, c.startDate].join(' · ') }),
});

/** Adds the actual cost and the member count to a page of campaigns: one grouped query each. */
async function addCostsAndMemberCounts(ctx: RequestContext, records: Campaign[]) {
  const ids = records.map((r) => r.id);
  if (ids.length === 0) return;
  const costs = await executor(ctx)
    .select({ campaignId: campaignCosts.campaignId, currency: campaignCosts.currency, total: sql<string>`sum(${campaignCosts.amount})::text` })
    .from(campaignCosts)
    .where(and(eq(campaignCosts.tenantId, ctx.tenantId), inArray(campaignCosts.campaignId, ids)))
    .groupBy(campaignCosts.campaignId, campaignCosts.currency);
  const members = await executor(ctx)
    .select({ campaignId: campaignMembers.campaignId, count: sql<number>`count(*)::int` })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.tenantId, ctx.tenantId), inArray(campaignMembers.campaignId, ids)))
    .groupBy(campaignMembers.campaignId);
  const costOf = new Map(costs.map((c) => [c.campaignId, moneyFromColumns(c.total, c.currency)]));
  const countOf = new Map(members.map((m) => [m.campaignId, Number(m.count)]));
  for (const record of records) {
    record.actualCost = costOf.get(record.id) ?? null;
    record.memberCount = countOf.get(record.id) ?? 0;
  }
}

function formSettings(base: FormSettings, patch: Partial<FormSettings> | undefined): FormSettings {
  const result = mergeFormSettings(base, patch ?? {});
  if (!result.ok) throw new ValidationError(result.errors);
  return result.settings;
}

/** A new campaign: planned (or already active), with its own unguessable public form key. */
export function createCampaign(ctx: RequestContext, input: Record<string, unknown>): Promise<Campaign> {
  const status = (input.status as CampaignStatus | undefined) ?? 'planned';
  if (!INITIAL_STATUSES.includes(status)) throw fieldError('status', 'CAMPAIGN_INITIAL_STATUS');
  return campaignStore.create(ctx, {
    ...input,
    status,
    statusChangedAt: new Date(),
    formKey: newFormKey(ctx.tenantId),
    form: formSettings(DEFAULT_FORM, input.form as Partial<FormSettings> | undefined),
  });
}

/** Edits a campaign; form settings are merged into the current ones. The status moves by actions only. */
export function updateCampaign(ctx: RequestContext, id: string, patch: Record<string, unknown>, version?: number): Promise<Campaign> {
  return inTransaction(ctx, async (ctx) => {
    const current = await campaignStore.get(ctx, id);
    const next = { ...patch };
    if (patch.form !== undefined) next.form = formSettings(current.form, patch.form as Partial<FormSettings>);
    return campaignStore.update(ctx, id, next, version);
  });
}

/** Moves the campaign through its lifecycle (activate, complete, abort). */
export function applyCampaignAction(ctx: RequestContext, id: string, action: CampaignAction, version?: number): Promise<Campaign> {
  return inTransaction(ctx, async (ctx) => {
    const campaign = await campaignStore.get(ctx, id);
    const result = campaignTransition(campaign.status, action);
    if (!result.ok) {
      throw new AppError(409, 'ILLEGAL_TRANSITION', { action, status: campaign.status }, { status: campaign.status, allowed: result.allowed });
    }
    const updated = await campaignStore.update(ctx, id, { status: result.to, statusChangedAt: new Date() }, version ?? campaign.version);
    await publishEvent(ctx, {
      type: ACTION_EVENTS[action],
      object: 'campaigns',
      recordId: id,
      payload: { from: campaign.status, to: result.to },
    });
    return updated;
  });
}

/** A leaked form link is stopped by giving the form a new key; the old link answers "not found". */
export function rotateFormKey(ctx: RequestContext, id: string, version?: number): Promise<Campaign> {
  return inTransaction(ctx, async (ctx) => {
    const campaign = await campaignStore.get(ctx, id);
    return campaignStore.update(ctx, id, { formKey: newFormKey(ctx.tenantId) }, version ?? campaign.version);
  });
}

/** The campaign if the caller may change it (costs, members, responses count as changing it). */
export async function campaignForUpdate(ctx: RequestContext, id: string): Promise<Campaign> {
  const campaign = await campaignStore.get(ctx, id);
  const level = requireLevel(ctx, 'campaigns', 'update');
  if (!(await ownerWithin(ctx, level, campaign.ownerId))) throw forbidden('campaigns', 'update');
  return campaign;
}

const percentOf = (actual: number, target: number | null) => (target ? Math.round((actual * 100) / target) : null);

export interface CampaignSummary {
  campaignId: string;
  members: {
    total: number;
    byStatus: Record<'invited' | 'registered' | 'attended' | 'responded', number>;
    /** Members at this status or further along. */
    reached: Record<'registered' | 'attended' | 'responded', number>;
  };
  responses: number;
  leads: { created: number; mqls: number; touched: number; touches: number };
  cost: { budget: Money | null; actual: Money | null; remaining: Money | null; percentOfBudget: number | null; entries: number };
  goals: {
    leads: { target: number | null; actual: number; percent: number | null };
    mqls: { target: number | null; actual: number; percent: number | null };
    pipeline: { target: Money | null };
  };
}

/** Members by status, responses, leads and touches, cost against budget: counted and summed in SQL. */
export async function campaignSummary(ctx: RequestContext, id: string): Promise<CampaignSummary> {
  const campaign = await campaignStore.get(ctx, id);
  const [row] = await queryRows<{
    invited: number; registered: number; attended: number; responded: number; responses: number;
    actual: string | null; remaining: string | null; percent: number | null; entries: number;
  }>(
    executor(ctx),
    sql`WITH m AS (
          SELECT count(*) FILTER (WHERE status = 'invited')::int AS invited,
                 count(*) FILTER (WHERE status = 'registered')::int AS registered,
                 count(*) FILTER (WHERE status = 'attended')::int AS attended,
                 count(*) FILTER (WHERE status = 'responded')::int AS responded
            FROM campaign_members WHERE tenant_id = ${ctx.tenantId} AND campaign_id = ${id}),
        k AS (
          SELECT sum(amount) AS total, count(*)::int AS entries
            FROM campaign_costs WHERE tenant_id = ${ctx.tenantId} AND campaign_id = ${id})
        SELECT m.*, k.entries,
               (SELECT count(*)::int FROM campaign_responses WHERE tenant_id = ${ctx.tenantId} AND campaign_id = ${id}) AS responses,
               CASE WHEN k.total IS NOT NULL OR c.budget IS NOT NULL THEN coalesce(k.total, 0)::text END AS actual,
               (c.budget - coalesce(k.total, 0))::text AS remaining,
               round(coalesce(k.total, 0) * 100 / nullif(c.budget, 0))::int AS percent
          FROM m, k, campaigns c WHERE c.tenant_id = ${ctx.tenantId} AND c.id = ${id}`,
  );
  const leads = await campaignLeadStats(ctx, id);
  const currency = campaign.budget?.currency ?? campaign.actualCost?.currency ?? null;
  const byStatus = { invited: row.invited, registered: row.registered, attended: row.attended, responded: row.responded };
  return {
    campaignId: id,
    members: {
      total: row.invited + row.registered + row.attended + row.responded,
      byStatus,
      reached: {
        registered: row.registered + row.attended + row.responded,
        attended: row.attended + row.responded,
        responded: row.responded,
      },
    },
    responses: row.responses,
    leads: { created: leads.leadsCreated, mqls: leads.mqls, touched: leads.leadsTouched, touches: leads.touches },
    cost: {
      budget: campaign.budget,
      actual: moneyFromColumns(row.actual, currency),
      remaining: moneyFromColumns(row.remaining, currency),
      percentOfBudget: row.percent,
      entries: row.entries,
    },
    goals: {
      leads: { target: campaign.goals.leads, actual: leads.leadsCreated, percent: percentOf(leads.leadsCreated, campaign.goals.leads) },
      mqls: { target: campaign.goals.mqls, actual: leads.mqls, percent: percentOf(leads.mqls, campaign.goals.mqls) },
      pipeline: { target: campaign.goals.pipeline },
    },
  };
}
