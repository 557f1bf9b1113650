import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { queryRows } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { insertJsonRows } from '../../platform/db/json-insert.js';
import { publishEvent, publishEvents } from '../../platform/events/publish.js';
import { AppError, fieldError, notFound } from '../../platform/http/errors.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { normalizePhone } from '../../platform/normalize/phone.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';
import { isValidCreditCode, normalizeCreditCode } from '../customers/credit-code.js';
import { marksOnEntering, MQL_OR_LATER, transition, type LeadAction, type LeadStatus } from './lead-lifecycle.js';
import './leads.messages.js';
import { leads, leadStatusHistory, leadTouches, type FieldSources } from './leads.schema.js';

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
  /** When it first became MQL and SQL (or a later status); null until then. */
  becameMqlAt: string | null;
  becameSqlAt: string | null;
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
    /**
     * Creation order too (ids are UUIDv7), with an exact cursor: batch jobs page by it, since a
     * timestamp cursor keeps milliseconds only and PostgreSQL stores microseconds.
     */
    id: leads.id,
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
    becameMqlAt: iso(r.becameMqlAt),
    becameSqlAt: iso(r.becameSqlAt),
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
    await recordStatuses(ctx, [{ leadId: lead.id, action: 'create', from: null, to: lead.status, reason: null }]);
    return lead;
  });
}

export function updateLead(ctx: RequestContext, id: string, patch: Record<string, unknown>, version?: number): Promise<Lead> {
  return inTransaction(ctx, async (ctx) => {
    const current = await leadStore.get(ctx, id);
    refuseConverted(current);
    return leadStore.update(ctx, id, { ...patch, fieldSources: withFieldSources(patch, 'user', current.fieldSources) }, version);
  });
}

/** A converted lead is read-only: what it became is edited instead. */
export function refuseConverted(lead: Lead): void {
  if (lead.status !== 'converted') return;
  const links = { accountId: lead.convertedAccountId, contactId: lead.convertedContactId, opportunityId: lead.convertedOpportunityId };
  throw new AppError(409, 'LEAD_CONVERTED', {}, links);
}

/** What a lead became on conversion (records of the customers and opportunities modules). */
export interface ConversionLinks {
  accountId: string;
  contactId: string;
  opportunityId: string | null;
}

/**
 * Marks a qualified lead converted, in the caller's conversion transaction: the lifecycle's
 * `convert` step (refused from any other state than accepted or SQL), the links to what it
 * became, a status-history entry and the `leads.converted` event with the links.
 */
export function markLeadConverted(
  ctx: RequestContext,
  id: string,
  links: ConversionLinks,
  details: Record<string, unknown> = {},
): Promise<Lead> {
  return inTransaction(ctx, async (ctx) => {
    const lead = await leadStore.get(ctx, id);
    refuseConverted(lead);
    const result = transition(lead.status, 'convert');
    if (!result.ok) {
      throw new AppError(409, 'LEAD_NOT_QUALIFIED', { status: lead.status }, { status: lead.status, allowedFrom: ['accepted', 'sql'] });
    }
    const now = new Date();
    const updated = await leadStore.update(ctx, id, {
      status: result.to,
      statusChangedAt: now,
      ...marksOnEntering(lead, result.to, now),
      inRoutingQueue: false,
      convertedAccountId: links.accountId,
      convertedContactId: links.contactId,
      convertedOpportunityId: links.opportunityId,
      convertedAt: now,
    }, lead.version);
    await recordStatuses(ctx, [{ leadId: id, action: 'convert', from: lead.status, to: result.to, reason: null, at: now }]);
    await publishEvent(ctx, {
      type: 'leads.converted',
      object: 'leads',
      recordId: id,
      payload: { from: lead.status, ...links, campaignId: lead.campaignId, ownerId: updated.ownerId, ...details },
    });
    return updated;
  });
}

export interface ActionInput {
  reason?: string | null;
  /** Added to the events' payloads (a batch says its leads are routed already). */
  eventPayload?: Record<string, unknown>;
}

/**
 * Moves a lead through its lifecycle. Reject sends it to the manual routing queue without an
 * owner; return-to-nurture gives it back to marketing's pool.
 */
export async function applyLeadAction(ctx: RequestContext, id: string, action: LeadAction, input: ActionInput = {}): Promise<Lead> {
  const [lead] = await applyLeadActionMany(ctx, [id], action, input);
  return lead;
}

/** applyLeadAction on many leads in one transaction and a few statements (batched promotion of imported leads). */
export function applyLeadActionMany(ctx: RequestContext, ids: readonly string[], action: LeadAction, input: ActionInput = {}): Promise<Lead[]> {
  return inTransaction(ctx, async (ctx) => {
    const leads = await leadsById(ctx, ids);
    const reason = input.reason?.trim() || null;
    const now = new Date();
    const moves = leads.map((lead) => {
      refuseConverted(lead);
      const result = transition(lead.status, action, input.reason);
      if (!result.ok) {
        throw result.code === 'REASON_REQUIRED'
          ? fieldError('reason', 'FIELD_REQUIRED')
          : new AppError(409, 'ILLEGAL_TRANSITION', { action, status: lead.status }, { status: lead.status, allowed: result.allowed });
      }
      const patch: Record<string, unknown> = { status: result.to, statusChangedAt: now, ...marksOnEntering(lead, result.to, now), lastReason: reason };
      if (action === 'reject') Object.assign(patch, { ownerId: null, inRoutingQueue: true, assignedAt: null });
      if (action === 'return-to-nurture') Object.assign(patch, { ownerId: null, inRoutingQueue: false, assignedAt: null });
      if (action === 'accept') Object.assign(patch, { ownerId: lead.ownerId ?? ctx.actor.userId, inRoutingQueue: false });
      return { lead, to: result.to, patch };
    });
    const updated = await leadStore.updateMany(ctx, moves.map((m) => ({ id: m.lead.id, patch: m.patch, expectedVersion: m.lead.version })));
    await recordStatuses(ctx, moves.map((m) => ({ leadId: m.lead.id, action, from: m.lead.status, to: m.to, reason, at: now })));
    await publishEvents(ctx, moves.map((m) => ({
      type: `leads.${action}`,
      object: 'leads',
      recordId: m.lead.id,
      payload: { from: m.lead.status, to: m.to, reason, previousOwnerId: m.lead.ownerId, ...input.eventPayload },
    })));
    return updated;
  });
}

/** The leads in the order of `ids`, each visible to the caller (404 otherwise). */
export async function leadsById(ctx: RequestContext, ids: readonly string[]): Promise<Lead[]> {
  if (ids.length === 1) return [await leadStore.get(ctx, ids[0])];
  const found = new Map((await leadStore.getMany(ctx, [...ids])).map((l) => [l.id, l]));
  return ids.map((id) => {
    const lead = found.get(id);
    if (!lead) throw notFound();
    return lead;
  });
}

/** Routes a lead to a rep and/or a team queue; it leaves the manual routing queue. */
export async function assignLead(
  ctx: RequestContext,
  id: string,
  target: { ownerId?: string | null; teamId?: string | null },
  /** Why, for the status history (e.g. the assignment rule that routed it). */
  reason: string | null = null,
): Promise<Lead> {
  const [lead] = await assignLeads(ctx, [{ id, ...target, reason }]);
  return lead;
}

/** assignLead for many leads in one transaction and a few statements (batched routing). */
export function assignLeads(
  ctx: RequestContext,
  items: readonly { id: string; ownerId?: string | null; teamId?: string | null; reason: string | null }[],
): Promise<Lead[]> {
  const now = new Date();
  return routeLeadsTo(ctx, 'assign', 'leads.assigned', items.map(({ id, reason, ...target }) => ({
    id,
    reason,
    patch: { ...target, inRoutingQueue: false, assignedAt: now },
    payload: target,
  })));
}

/**
 * Sends a lead to marketing's manual routing queue without an owner (no assignment rule
 * matched, or nobody in the chosen team could take it); `teamId` keeps the team it was meant for.
 */
export async function queueForRouting(ctx: RequestContext, id: string, input: { reason: string; teamId?: string | null }): Promise<Lead> {
  const [lead] = await queueLeadsForRouting(ctx, [{ id, ...input }]);
  return lead;
}

/** queueForRouting for many leads in one transaction and a few statements (batched routing). */
export function queueLeadsForRouting(ctx: RequestContext, items: readonly { id: string; reason: string; teamId?: string | null }[]): Promise<Lead[]> {
  return routeLeadsTo(ctx, 'route', 'leads.queued', items.map(({ id, reason, teamId }) => ({
    id,
    reason,
    patch: { ownerId: null, teamId: teamId ?? null, inRoutingQueue: true, assignedAt: null, lastReason: reason },
    payload: { reason, teamId: teamId ?? null },
  })));
}

/** Writes routing of open leads (to a rep, or to the queue): the patches, a history entry and an event each. */
function routeLeadsTo(
  ctx: RequestContext,
  action: 'assign' | 'route',
  eventType: string,
  items: readonly { id: string; reason: string | null; patch: Record<string, unknown>; payload: Record<string, unknown> }[],
): Promise<Lead[]> {
  return inTransaction(ctx, async (ctx) => {
    const leads = await leadsById(ctx, items.map((i) => i.id));
    for (const lead of leads) {
      refuseConverted(lead);
      if (lead.status === 'disqualified') throw new AppError(409, 'ILLEGAL_TRANSITION', { action, status: lead.status }, { status: lead.status });
    }
    const updated = await leadStore.updateMany(ctx, leads.map((lead, i) => ({ id: lead.id, patch: items[i].patch, expectedVersion: lead.version })));
    await recordStatuses(ctx, leads.map((lead, i) => ({ leadId: lead.id, action, from: lead.status, to: lead.status, reason: items[i].reason })));
    await publishEvents(ctx, leads.map((lead, i) => ({
      type: eventType,
      object: 'leads',
      recordId: lead.id,
      payload: { ...items[i].payload, previousOwnerId: lead.ownerId },
    })));
    return updated;
  });
}

/**
 * Status-history entries of many leads in one statement. `at` is the lead's statusChangedAt (and
 * its MQL/SQL mark); by default now, on the server's clock as those are, so a lead's entries keep
 * the order they were made in (the database's clock stops at the transaction's start).
 */
async function recordStatuses(
  ctx: RequestContext,
  entries: readonly { leadId: string; action: string; from: string | null; to: string; reason: string | null; at?: Date }[],
) {
  if (entries.length === 0) return;
  const now = new Date();
  await insertJsonRows(executor(ctx), leadStatusHistory, entries.map((e) => ({
    tenantId: ctx.tenantId,
    id: uuidv7(),
    leadId: e.leadId,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    reason: e.reason,
    actorId: ctx.actor.userId,
    at: e.at ?? now,
  })));
}

/** For each lead, the people who rejected it (routing passes them over). */
export async function rejectingActors(ctx: RequestContext, leadIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (leadIds.length === 0) return out;
  const rows = await executor(ctx)
    .select({ leadId: leadStatusHistory.leadId, actorId: leadStatusHistory.actorId })
    .from(leadStatusHistory)
    .where(and(eq(leadStatusHistory.tenantId, ctx.tenantId), inArray(leadStatusHistory.leadId, [...leadIds]), eq(leadStatusHistory.action, 'reject')));
  for (const { leadId, actorId } of rows) {
    if (!actorId) continue;
    const set = out.get(leadId) ?? new Set<string>();
    set.add(actorId);
    out.set(leadId, set);
  }
  return out;
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

/** A campaign response or engagement the lead keeps, with its time, for attribution. */
export interface LeadTouch {
  id: string;
  leadId: string;
  campaignId: string | null;
  kind: string;
  at: string;
  details: Record<string, unknown>;
}

/**
 * The lead a person most likely is, by exact e-mail (lower-cased) or phone (E.164): an e-mail
 * match before a phone match, an open lead before a converted or disqualified one, the oldest first.
 */
export async function findLeadByContact(ctx: RequestContext, contact: { email?: string | null; phone?: string | null }): Promise<Lead | null> {
  const email = contact.email?.trim().toLowerCase() || null;
  const phone = contact.phone?.trim() ? normalizePhone(contact.phone) : null;
  const matches = [email ? eq(leads.email, email) : undefined, phone ? eq(leads.phone, phone) : undefined].filter((m) => m !== undefined);
  if (matches.length === 0) return null;
  const [row] = await executor(ctx)
    .select({ id: leads.id })
    .from(leads)
    .where(and(leadStore.scope(ctx), or(...matches)))
    .orderBy(
      sql`CASE WHEN ${leads.email} = ${email ?? ''} THEN 0 ELSE 1 END`,
      sql`CASE WHEN ${leads.status} IN ('converted', 'disqualified') THEN 1 ELSE 0 END`,
      asc(leads.createdAt),
      asc(leads.id),
    )
    .limit(1);
  return row ? leadStore.get(ctx, row.id) : null;
}

/**
 * Fills the lead's empty fields from what a form, the API or an import brought, marked with
 * `source`. A field that has a value keeps it, so nothing a person typed is overwritten; a
 * converted lead is read-only and stays as it is.
 */
export function fillEmptyLeadFields(ctx: RequestContext, id: string, input: Record<string, unknown>, source: string): Promise<Lead> {
  return inTransaction(ctx, async (ctx) => {
    const lead = await leadStore.get(ctx, id);
    if (lead.status === 'converted') return lead;
    const isEmpty = (v: unknown) => v === undefined || v === null || v === '';
    const patch: Record<string, unknown> = {};
    for (const field of LEAD_INPUT_FIELDS) {
      if (!isEmpty(input[field]) && isEmpty((lead as Record<string, unknown>)[field])) patch[field] = input[field];
    }
    if (Object.keys(patch).length === 0) return lead;
    return leadStore.update(ctx, id, { ...patch, fieldSources: withFieldSources(patch, source, lead.fieldSources) }, lead.version);
  });
}

/**
 * Records that a campaign touched the lead (a form response, an attendance…). The first
 * campaign that touches a lead becomes its `campaignId`. Publishes `leads.touched`.
 */
export function recordTouch(
  ctx: RequestContext,
  leadId: string,
  touch: { campaignId?: string | null; kind: string; details?: Record<string, unknown> },
): Promise<LeadTouch> {
  return inTransaction(ctx, async (ctx) => {
    const lead = await leadStore.get(ctx, leadId);
    const campaignId = touch.campaignId ?? null;
    const [row] = await executor(ctx)
      .insert(leadTouches)
      .values({ tenantId: ctx.tenantId, id: uuidv7(), leadId, campaignId, kind: touch.kind, details: touch.details ?? {} })
      .returning();
    if (campaignId && !lead.campaignId && lead.status !== 'converted') {
      await leadStore.update(ctx, leadId, { campaignId }, lead.version);
    }
    await publishEvent(ctx, { type: 'leads.touched', object: 'leads', recordId: leadId, payload: { touchId: row.id, campaignId, kind: touch.kind } });
    return toTouch(row);
  });
}

/**
 * The campaign touches of the leads deals were converted from, oldest first, for attribution.
 * The caller checked it may see the deal: its attribution comes with it, whoever owns the lead.
 */
export async function touchesForAttribution(ctx: RequestContext, leadIds: readonly string[]): Promise<LeadTouch[]> {
  if (leadIds.length === 0) return [];
  const rows = await executor(ctx)
    .select()
    .from(leadTouches)
    .where(and(eq(leadTouches.tenantId, ctx.tenantId), inArray(leadTouches.leadId, [...leadIds])))
    .orderBy(asc(leadTouches.at), asc(leadTouches.id));
  return rows.map(toTouch);
}

/** Touches of the leads the caller can see, newest first, of one lead and/or one campaign. */
export async function listTouches(ctx: RequestContext, query: { leadId?: string; campaignId?: string; limit?: number }): Promise<LeadTouch[]> {
  const visible = executor(ctx).select({ id: leads.id }).from(leads).where(leadStore.scope(ctx));
  const rows = await executor(ctx)
    .select()
    .from(leadTouches)
    .where(and(
      eq(leadTouches.tenantId, ctx.tenantId),
      query.leadId ? eq(leadTouches.leadId, query.leadId) : undefined,
      query.campaignId ? eq(leadTouches.campaignId, query.campaignId) : undefined,
      inArray(leadTouches.leadId, visible),
    ))
    .orderBy(desc(leadTouches.at), desc(leadTouches.id))
    .limit(Math.min(Math.max(query.limit ?? 100, 1), 500));
  return rows.map(toTouch);
}

/**
 * What a campaign did for leads, counted in SQL over the whole tenant (numbers, no records):
 * leads whose first campaign it is, how many of those are MQL or further, and its touches.
 */
export async function campaignLeadStats(ctx: RequestContext, campaignId: string) {
  const [row] = await queryRows<{ leadsCreated: number; mqls: number; leadsTouched: number; touches: number }>(
    executor(ctx),
    sql`SELECT
          (SELECT count(*)::int FROM leads WHERE tenant_id = ${ctx.tenantId} AND campaign_id = ${campaignId}) AS "leadsCreated",
          (SELECT count(*)::int FROM leads WHERE tenant_id = ${ctx.tenantId} AND campaign_id = ${campaignId}
             AND ${inArray(leads.status, [...MQL_OR_LATER])}) AS mqls,
          (SELECT count(DISTINCT lead_id)::int FROM lead_touches WHERE tenant_id = ${ctx.tenantId} AND campaign_id = ${campaignId}) AS "leadsTouched",
          (SELECT count(*)::int FROM lead_touches WHERE tenant_id = ${ctx.tenantId} AND campaign_id = ${campaignId}) AS touches`,
  );
  return row;
}

function toTouch(row: typeof leadTouches.$inferSelect): LeadTouch {
  return { id: row.id, leadId: row.leadId, campaignId: row.campaignId, kind: row.kind, at: row.at.toISOString(), details: row.details };
}

/** The automated rule scores of a lead, kept apart from anything a person typed. */
export interface LeadScores {
  score: number;
  grade: string;
  fitScore: number;
  engagementScore: number;
}

/**
 * Writes a lead's rule scores (scoring module). Scores are recomputed on every change and
 * engagement, so the write leaves the lead's version alone (a rep editing it meanwhile does not
 * get VERSION_CONFLICT) and writes no audit entry; it is announced as `leads.scored` with the
 * changed score fields. Field sources are not touched. Writes nothing when the scores are
 * unchanged; returns the lead before and after.
 */
export function setLeadScores(ctx: RequestContext, leadId: string, scores: LeadScores): Promise<{ before: Lead; after: Lead }> {
  return inTransaction(ctx, async (ctx) => {
    const before = await leadStore.get(ctx, leadId);
    const unchanged = (Object.keys(scores) as (keyof LeadScores)[]).every((k) => before[k] === scores[k]);
    if (unchanged) return { before, after: before };
    return leadStore.setComputed(ctx, leadId, { ...scores }, 'scored');
  });
}

/**
 * What the scoring module computes on a lead: the rule scores, or the predictive model's score
 * (0–100), which is kept apart from the rule score and from anything a person typed.
 */
export type ComputedLeadScores = LeadScores | Pick<Lead, 'predictedScore'>;

/** setLeadScores for many leads in a few statements (batched rescoring), for either kind of score; unchanged leads are not written. */
export async function setLeadScoresMany(ctx: RequestContext, items: readonly { lead: Lead; scores: ComputedLeadScores }[]): Promise<{ before: Lead; after: Lead }[]> {
  const changed = items.filter(({ lead, scores }) => Object.entries(scores).some(([k, v]) => lead[k as keyof Lead] !== v));
  return leadStore.setComputedMany(ctx, changed.map(({ lead, scores }) => ({ id: lead.id, values: { ...scores } })), 'scored');
}

/**
 * A selection of leads other modules ask for (nurture pools and enrolment rules) without
 * reading the leads table themselves. Every field present must hold; a list matches any of
 * its values; `anyOf` adds "one of these must hold too". Unscored leads count as score 0.
 */
export interface LeadCriteria {
  ids?: string[];
  statuses?: string[];
  grades?: string[];
  sources?: string[];
  industries?: string[];
  minScore?: number;
  maxScore?: number;
  createdAfter?: Date;
  createdBefore?: Date;
  excludeIds?: string[];
  /** Only leads with (true) or without (false) an e-mail address. */
  hasEmail?: boolean;
  /** Only leads converted into an opportunity (true) or not (false). */
  hasOpportunity?: boolean;
  doNotContact?: boolean;
  anyOf?: LeadCriteria[];
}

type Condition = ReturnType<typeof sql>;

/** The SQL condition of a selection (tenant scope and visibility are added by the callers below). */
function leadCriteriaCondition(c: LeadCriteria): Condition | undefined {
  // One array parameter, however many ids.
  const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;
  const parts: (Condition | undefined)[] = [
    c.ids ? (c.ids.length ? sql`${leads.id} = ANY(${uuids(c.ids)})` : sql`false`) : undefined,
    c.excludeIds?.length ? sql`NOT (${leads.id} = ANY(${uuids(c.excludeIds)}))` : undefined,
    c.statuses ? (c.statuses.length ? inArray(leads.status, c.statuses) : sql`false`) : undefined,
    c.grades?.length ? inArray(leads.grade, c.grades) : undefined,
    c.sources?.length ? inArray(leads.source, c.sources) : undefined,
    c.industries?.length ? inArray(leads.industry, c.industries) : undefined,
    c.minScore !== undefined ? sql`coalesce(${leads.score}, 0) >= ${c.minScore}` : undefined,
    c.maxScore !== undefined ? sql`coalesce(${leads.score}, 0) <= ${c.maxScore}` : undefined,
    c.createdAfter ? sql`${leads.createdAt} >= ${c.createdAfter.toISOString()}::timestamptz` : undefined,
    c.createdBefore ? sql`${leads.createdAt} < ${c.createdBefore.toISOString()}::timestamptz` : undefined,
    c.hasEmail === undefined ? undefined : c.hasEmail ? sql`${leads.email} IS NOT NULL` : sql`${leads.email} IS NULL`,
    c.hasOpportunity === undefined
      ? undefined
      : c.hasOpportunity ? sql`${leads.convertedOpportunityId} IS NOT NULL` : sql`${leads.convertedOpportunityId} IS NULL`,
    c.doNotContact === undefined ? undefined : eq(leads.doNotContact, c.doNotContact),
    c.anyOf ? (c.anyOf.length ? or(...c.anyOf.map((sub) => leadCriteriaCondition(sub) ?? sql`true`)) : sql`false`) : undefined,
  ];
  const present = parts.filter((p): p is Condition => p !== undefined);
  return present.length ? and(...present) : undefined;
}

/** How many leads the caller can see match the selection. */
export async function countLeadsMatching(ctx: RequestContext, criteria: LeadCriteria): Promise<number> {
  const [row] = await executor(ctx)
    .select({ count: sql<number>`count(*)::int` })
    .from(leads)
    .where(and(leadStore.scope(ctx), leadCriteriaCondition(criteria)));
  return Number(row?.count ?? 0);
}

/** A page of the visible leads matching the selection, in any sort of the lead list. */
export function listLeadsMatching(
  ctx: RequestContext,
  criteria: LeadCriteria,
  page: { limit?: number; cursor?: string; sort?: string } = {},
): ReturnType<typeof leadStore.list> {
  return leadStore.list(ctx, { where: leadCriteriaCondition(criteria), limit: page.limit, cursor: page.cursor, sort: page.sort });
}

// --- Bulk paths for file imports (imports module): multi-row statements, the same bookkeeping per lead. ---

/**
 * Creates many leads in the caller's transaction (file imports): each is validated like
 * `POST /leads`, owned by the caller by default, marked with `source` in its field sources,
 * audited, announced as `leads.created` and given its first status-history entry — exactly what
 * createLead does, through the record store's bulk path in a few statements instead of many.
 * Returns the leads in input order.
 */
export async function createLeadsBulk(
  ctx: RequestContext,
  inputs: Record<string, unknown>[],
  source = 'import',
  /** Added to each `leads.created` payload (an import names itself: it scores and assigns its leads in batches). */
  eventPayload?: Record<string, unknown>,
): Promise<Lead[]> {
  if (inputs.length === 0) return [];
  return inTransaction(ctx, async (ctx) => {
    const created = await leadStore.createMany(ctx, inputs.map((input) => ({ ...input, fieldSources: withFieldSources(input, source) })), { eventPayload });
    await recordStatuses(ctx, created.map((lead) => ({ leadId: lead.id, action: 'create', from: null, to: lead.status, reason: null })));
    return created;
  });
}

/** Normalised contact keys to look leads up by (as stored: lower-case e-mail, E.164 phone, upper-case credit code). */
export interface LeadContactKeys {
  emails?: string[];
  phones?: string[];
  creditCodes?: string[];
}

/**
 * The leads the caller can see that share any of these keys — duplicate candidates for a batch
 * of incoming rows, in one query — oldest first.
 */
export async function findLeadsByContactKeys(ctx: RequestContext, keys: LeadContactKeys): Promise<Lead[]> {
  // One array parameter per key kind, however many rows the batch has (not a bind parameter per value).
  const anyOf = (column: AnyPgColumn, values: string[] | undefined) =>
    values?.length ? sql`${column} = ANY(${sql.param(values)}::text[])` : undefined;
  const matches = [anyOf(leads.email, keys.emails), anyOf(leads.phone, keys.phones), anyOf(leads.creditCode, keys.creditCodes)]
    .filter((m) => m !== undefined);
  if (matches.length === 0) return [];
  const rows = await executor(ctx)
    .select()
    .from(leads)
    .where(and(leadStore.scope(ctx), or(...matches)))
    .orderBy(asc(leads.createdAt), asc(leads.id));
  return rows.map((row) => leadStore.toApi(row));
}

/**
 * Records many campaign touches at once (an imported list attributed to a campaign), each
 * announced as `leads.touched` like recordTouch. The caller sets `campaignId` on leads it
 * creates; a lead's first campaign is otherwise filled like any empty field.
 */
export async function recordTouchesBulk(
  ctx: RequestContext,
  touches: { leadId: string; campaignId: string | null; kind: string; details?: Record<string, unknown> }[],
): Promise<void> {
  if (touches.length === 0) return;
  await inTransaction(ctx, async (ctx) => {
    const rows = await insertJsonRows(executor(ctx), leadTouches, touches.map((t) => ({
      tenantId: ctx.tenantId,
      id: uuidv7(),
      leadId: t.leadId,
      campaignId: t.campaignId,
      kind: t.kind,
      details: t.details ?? {},
    })));
    await publishEvents(ctx, rows.map((row) => ({
      type: 'leads.touched',
      object: 'leads',
      recordId: row.leadId as string,
      payload: { touchId: row.id, campaignId: row.campaignId, kind: row.kind },
    })));
  });
}
