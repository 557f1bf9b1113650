import { and, asc, eq } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { normalizePhone } from '../../platform/normalize/phone.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';
import { isValidCreditCode, normalizeCreditCode } from '../customers/credit-code.js';
import { transition, type LeadAction, type LeadStatus } from './lead-lifecycle.js';
import './leads.messages.js';
import { leads, leadStatusHistory, type FieldSources } from './leads.schema.js';

export interface Lead extends ApiRecord {
  name: string;
  company: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  creditCode: string | null;
  industry: string | null;
  headcount: number | null;
  registeredCapital: Money | null;
  province: string | null;
  city: string | null;
  region: string | null;
  address: string | null;
  website: string | null;
  productInterest: string | null;
  source: string | null;
  campaignId: string | null;
  description: string | null;
  status: LeadStatus;
  statusChangedAt: string;
  inRoutingQueue: boolean;
  lastReason: string | null;
  score: number | null;
  grade: string | null;
  fitScore: number | null;
  engagementScore: number | null;
  predictedScore: number | null;
  doNotContact: boolean;
  fieldSources: FieldSources;
  ownerId: string | null;
  ownerName?: string | null;
  teamId: string | null;
  assignedAt: string | null;
  convertedAccountId: string | null;
  convertedContactId: string | null;
  convertedOpportunityId: string | null;
  convertedAt: string | null;
}

/** Fields a person or an import may write; enrichment fills only those nobody typed. */
export const LEAD_INPUT_FIELDS = [
  'name', 'company', 'title', 'email', 'phone', 'creditCode', 'industry', 'headcount', 'registeredCapital',
  'province', 'city', 'region', 'address', 'website', 'productInterest', 'source', 'campaignId', 'description',
  'doNotContact',
] as const;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
const nullable = <T>(v: unknown) => (v ?? null) as T | null;

export const leadStore = new RecordStore<Lead>({
  object: 'leads',
  table: leads,
  ownerColumn: leads.ownerId,
  sortable: {
    createdAt: leads.createdAt,
    updatedAt: leads.updatedAt,
    name: leads.name,
    statusChangedAt: leads.statusChangedAt,
  },
  defaultSort: '-createdAt',
  filters: {
    status: leads.status,
    ownerId: leads.ownerId,
    teamId: leads.teamId,
    source: leads.source,
    campaignId: leads.campaignId,
    grade: leads.grade,
    industry: leads.industry,
    province: leads.province,
    region: leads.region,
    productInterest: leads.productInterest,
    inRoutingQueue: leads.inRoutingQueue,
    email: leads.email,
  },
  searchColumns: [leads.name, leads.company, leads.email, leads.phone],
  references: { ownerId: { table: users }, teamId: { table: teams } },
  toApi: (r) => ({
    name: r.name as string,
    company: nullable(r.company),
    title: nullable(r.title),
    email: nullable(r.email),
    phone: nullable(r.phone),
    creditCode: nullable(r.creditCode),
    industry: nullable(r.industry),
    headcount: nullable(r.headcount),
    registeredCapital: moneyFromColumns(r.registeredCapital, r.registeredCapitalCurrency),
    province: nullable(r.province),
    city: nullable(r.city),
    region: nullable(r.region),
    address: nullable(r.address),
    website: nullable(r.website),
    productInterest: nullable(r.productInterest),
    source: nullable(r.source),
    campaignId: nullable(r.campaignId),
    description: nullable(r.description),
    status: r.status as LeadStatus,
    statusChangedAt: (r.statusChangedAt as Date).toISOString(),
    inRoutingQueue: r.inRoutingQueue as boolean,
    lastReason: nullable(r.lastReason),
    score: nullable(r.score),
    grade: nullable(r.grade),
    fitScore: nullable(r.fitScore),
    engagementScore: nullable(r.engagementScore),
    predictedScore: nullable(r.predictedScore),
    doNotContact: r.doNotContact as boolean,
    fieldSources: (r.fieldSources as FieldSources) ?? {},
    ownerId: nullable(r.ownerId),
    teamId: nullable(r.teamId),
    assignedAt: iso(r.assignedAt),
    convertedAccountId: nullable(r.convertedAccountId),
    convertedContactId: nullable(r.convertedContactId),
    convertedOpportunityId: nullable(r.convertedOpportunityId),
    convertedAt: iso(r.convertedAt),
  }),
  toColumns: (input) => {
    const capital = input.registeredCapital as Money | null | undefined;
    const phone = trimmedOrNull(input.phone);
    return {
      ...input,
      name: trimmedOrNull(input.name),
      company: trimmedOrNull(input.company),
      title: trimmedOrNull(input.title),
      email: typeof input.email === 'string' ? input.email.trim().toLowerCase() || null : input.email,
      phone: phone ? (normalizePhone(phone) ?? invalidPhone(phone)) : phone,
      creditCode: typeof input.creditCode === 'string' ? normalizeCreditCode(input.creditCode) || null : input.creditCode,
      industry: trimmedOrNull(input.industry),
      registeredCapital: capital === undefined ? undefined : capital?.amount ?? null,
      registeredCapitalCurrency: capital === undefined ? undefined : capital?.currency ?? null,
    };
  },
  async validate(_ctx, next) {
    const code = next.creditCode as string | null | undefined;
    if (code && !isValidCreditCode(code)) throw fieldError('creditCode', 'INVALID_CREDIT_CODE');
  },
});

registerRecordType('leads', {
  store: leadStore,
  describe: (l) => ({ title: l.name, subtitle: [l.company, l.status].filter(Boolean).join(' · ') || undefined }),
});

function invalidPhone(phone: string): never {
  throw fieldError('phone', 'INVALID_PHONE', { phone });
}

/** Marks the fields in `input` as set by `source`, so later enrichment leaves them alone. */
export function withFieldSources(input: Record<string, unknown>, source: string, existing: FieldSources = {}): FieldSources {
  const at = new Date().toISOString();
  const sources = { ...existing };
  for (const field of LEAD_INPUT_FIELDS) {
    if (input[field] !== undefined && input[field] !== null && input[field] !== '') sources[field] = { source, at };
  }
  return sources;
}

export function createLead(ctx: RequestContext, input: Record<string, unknown>, source = 'user'): Promise<Lead> {
  return inTransaction(ctx, async (ctx) => {
    const lead = await leadStore.create(ctx, { ...input, fieldSources: withFieldSources(input, source) });
    await recordStatus(ctx, lead.id, 'create', null, lead.status, null);
    return lead;
  });
}

export function updateLead(ctx: RequestContext, id: string, patch: Record<string, unknown>, version?: number): Promise<Lead> {
  return inTransaction(ctx, async (ctx) => {
    const current = await leadStore.get(ctx, id);
    if (current.status === 'converted') throw new AppError(409, 'LEAD_CONVERTED');
    return leadStore.update(ctx, id, { ...patch, fieldSources: withFieldSources(patch, 'user', current.fieldSources) }, version);
  });
}

export interface ActionInput {
  reason?: string | null;
}

/**
 * Moves a lead through its lifecycle. Reject sends it to the manual routing queue without an
 * owner; return-to-nurture gives it back to marketing's pool.
 */
export function applyLeadAction(ctx: RequestContext, id: string, action: LeadAction, input: ActionInput = {}): Promise<Lead> {
  return inTransaction(ctx, async (ctx) => {
    const lead = await leadStore.get(ctx, id);
    const result = transition(lead.status, action, input.reason);
    if (!result.ok) {
      throw result.code === 'REASON_REQUIRED'
        ? fieldError('reason', 'FIELD_REQUIRED')
        : new AppError(409, 'ILLEGAL_TRANSITION', { action, status: lead.status }, { status: lead.status, allowed: result.allowed });
    }
    const patch: Record<string, unknown> = {
      status: result.to,
      statusChangedAt: new Date(),
      lastReason: input.reason?.trim() || null,
    };
    if (action === 'reject') Object.assign(patch, { ownerId: null, inRoutingQueue: true, assignedAt: null });
    if (action === 'return-to-nurture') Object.assign(patch, { ownerId: null, inRoutingQueue: false, assignedAt: null });
    if (action === 'accept') Object.assign(patch, { ownerId: lead.ownerId ?? ctx.actor.userId, inRoutingQueue: false });
    const updated = await leadStore.update(ctx, id, patch, lead.version);
    await recordStatus(ctx, id, action, lead.status, result.to, patch.lastReason as string | null);
    await publishEvent(ctx, {
      type: `leads.${action}`,
      object: 'leads',
      recordId: id,
      payload: { from: lead.status, to: result.to, reason: patch.lastReason, previousOwnerId: lead.ownerId },
    });
    return updated;
  });
}

/** Routes a lead to a rep and/or a team queue; it leaves the manual routing queue. */
export function assignLead(ctx: RequestContext, id: string, target: { ownerId?: string | null; teamId?: string | null }): Promise<Lead> {
  return inTransaction(ctx, async (ctx) => {
    const lead = await leadStore.get(ctx, id);
    if (lead.status === 'converted' || lead.status === 'disqualified') {
      throw new AppError(409, 'ILLEGAL_TRANSITION', { action: 'assign', status: lead.status }, { status: lead.status });
    }
    const updated = await leadStore.update(
      ctx,
      id,
      { ...target, inRoutingQueue: false, assignedAt: new Date() },
      lead.version,
    );
    await recordStatus(ctx, id, 'assign', lead.status, lead.status, null);
    await publishEvent(ctx, { type: 'leads.assigned', object: 'leads', recordId: id, payload: { ...target, previousOwnerId: lead.ownerId } });
    return updated;
  });
}

async function recordStatus(ctx: RequestContext, leadId: string, action: string, from: string | null, to: string, reason: string | null) {
  await executor(ctx).insert(leadStatusHistory).values({
    tenantId: ctx.tenantId,
    id: uuidv7(),
    leadId,
    action,
    fromStatus: from,
    toStatus: to,
    reason,
    actorId: ctx.actor.userId,
  });
}

export async function leadHistory(ctx: RequestContext, id: string) {
  await leadStore.get(ctx, id);
  const rows = await executor(ctx)
    .select()
    .from(leadStatusHistory)
    .where(and(eq(leadStatusHistory.tenantId, ctx.tenantId), eq(leadStatusHistory.leadId, id)))
    .orderBy(asc(leadStatusHistory.at), asc(leadStatusHistory.id));
  return rows.map(({ tenantId: _t, leadId: _l, at, ...row }) => ({ ...row, at: at.toISOString() }));
}
