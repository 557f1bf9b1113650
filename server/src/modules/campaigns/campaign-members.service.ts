import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { UUID_RE, uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, fieldError, notFound, ValidationError } from '../../platform/http/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/records/cursor.js';
import { diffRecords } from '../../platform/records/diff.js';
import { MAX_PAGE, type Page } from '../../platform/records/record-store.js';
import { contactStore } from '../customers/contacts.service.js';
import { leadStore, recordTouch } from '../leads/leads.service.js';
import { campaignMembers } from './campaigns.schema.js';
import { campaignForUpdate, campaignStore, type Campaign } from './campaigns.service.js';
import { isEngagement, laterStatus, memberTransition, STATUS_TIMESTAMP, type MemberStatus } from './member-status.js';

export type MemberSource = 'manual' | 'form' | 'api';

export interface CampaignMember {
  id: string;
  campaignId: string;
  leadId: string | null;
  contactId: string | null;
  /** The person's name, e-mail and company, when the caller can see the lead or contact. */
  name: string | null;
  email: string | null;
  company: string | null;
  status: MemberStatus;
  statusChangedAt: string;
  invitedAt: string | null;
  registeredAt: string | null;
  attendedAt: string | null;
  respondedAt: string | null;
  source: MemberSource;
  createdAt: string;
  updatedAt: string;
  version: number;
}

type MemberRow = typeof campaignMembers.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

function toMember(row: MemberRow): CampaignMember {
  return {
    id: row.id,
    campaignId: row.campaignId,
    leadId: row.leadId,
    contactId: row.contactId,
    name: null,
    email: null,
    company: null,
    status: row.status as MemberStatus,
    statusChangedAt: row.statusChangedAt.toISOString(),
    invitedAt: iso(row.invitedAt),
    registeredAt: iso(row.registeredAt),
    attendedAt: iso(row.attendedAt),
    respondedAt: iso(row.respondedAt),
    source: row.source as MemberSource,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Names from the leads and contacts the caller can see: one query per kind for the whole page. */
async function present(ctx: RequestContext, rows: MemberRow[]): Promise<CampaignMember[]> {
  const members = rows.map(toMember);
  const leadIds = [...new Set(members.map((m) => m.leadId).filter((id): id is string => !!id))];
  const contactIds = [...new Set(members.map((m) => m.contactId).filter((id): id is string => !!id))];
  const leads = new Map((await leadStore.getMany(ctx, leadIds)).map((l) => [l.id, l]));
  const contacts = new Map((await contactStore.getMany(ctx, contactIds)).map((c) => [c.id, c]));
  for (const member of members) {
    const lead = member.leadId ? leads.get(member.leadId) : undefined;
    const contact = member.contactId ? contacts.get(member.contactId) : undefined;
    member.name = lead?.name ?? contact?.name ?? null;
    member.email = lead?.email ?? contact?.email ?? null;
    member.company = lead?.company ?? contact?.accountName ?? null;
  }
  return members;
}

const ofCampaign = (ctx: RequestContext, campaignId: string) =>
  and(eq(campaignMembers.tenantId, ctx.tenantId), eq(campaignMembers.campaignId, campaignId));

export interface MemberQuery {
  status?: string;
  leadId?: string;
  contactId?: string;
  limit?: number;
  cursor?: string;
}

/** The campaign's members, newest first, filtered by status (a,b for any of) or person. */
export async function listMembers(ctx: RequestContext, campaignId: string, query: MemberQuery): Promise<Page<CampaignMember>> {
  await campaignStore.get(ctx, campaignId);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_PAGE);
  const conditions = [ofCampaign(ctx, campaignId)];
  if (query.status) conditions.push(inArray(campaignMembers.status, query.status.split(',').map((s) => s.trim())));
  for (const [field, column] of [['leadId', campaignMembers.leadId], ['contactId', campaignMembers.contactId]] as const) {
    const id = query[field];
    if (id === undefined) continue;
    if (!UUID_RE.test(id)) throw fieldError(`filter[${field}]`, 'FIELD_INVALID');
    conditions.push(eq(column, id));
  }
  if (query.cursor) {
    const { value, id } = decodeCursor(query.cursor);
    const at = value as Date;
    conditions.push(or(lt(campaignMembers.createdAt, at), and(eq(campaignMembers.createdAt, at), lt(campaignMembers.id, id)))!);
  }
  const rows = await executor(ctx)
    .select()
    .from(campaignMembers)
    .where(and(...conditions))
    .orderBy(desc(campaignMembers.createdAt), desc(campaignMembers.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: await present(ctx, page), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

async function audit(ctx: RequestContext, action: 'create' | 'update' | 'delete', before: CampaignMember | null, after: CampaignMember | null) {
  const record = (after ?? before)!;
  const strip = (m: CampaignMember | null) => (m ? { ...m, name: undefined, email: undefined, company: undefined } : null);
  await appendAudit(ctx, { action, object: 'campaign_members', recordId: record.id, changes: diffRecords(strip(before), strip(after)) });
  const type = action === 'create' ? 'campaigns.member_added' : action === 'update' ? 'campaigns.member_status_changed' : 'campaigns.member_removed';
  await publishEvent(ctx, {
    type,
    object: 'campaigns',
    recordId: record.campaignId,
    payload: { memberId: record.id, leadId: record.leadId, contactId: record.contactId, from: before?.status ?? null, to: after?.status ?? null },
  });
}

/** A lead member reaching registered, attended or responded is a touch the lead keeps. */
async function touchIfEngaged(ctx: RequestContext, member: CampaignMember, kind: string) {
  if (member.leadId && isEngagement(member.status)) {
    await recordTouch(ctx, member.leadId, { campaignId: member.campaignId, kind, details: { memberId: member.id, status: member.status } });
  }
}

const stampsFor = (status: MemberStatus, at: Date) => ({ [STATUS_TIMESTAMP[status]]: at });

export interface AddMemberInput {
  leadId?: string | null;
  contactId?: string | null;
  status?: MemberStatus;
}

/** Adds a lead or a contact to the campaign (invited unless told otherwise); once per person. */
export function addMember(ctx: RequestContext, campaignId: string, input: AddMemberInput, source: MemberSource = 'manual'): Promise<CampaignMember> {
  return inTransaction(ctx, async (ctx) => {
    await campaignForUpdate(ctx, campaignId);
    const leadId = input.leadId ?? null;
    const contactId = input.contactId ?? null;
    if ((leadId === null) === (contactId === null)) {
      throw new ValidationError([{ field: 'leadId', code: 'MEMBER_PERSON_REQUIRED' }, { field: 'contactId', code: 'MEMBER_PERSON_REQUIRED' }]);
    }
    if (leadId && (await leadStore.getMany(ctx, [leadId])).length === 0) throw fieldError('leadId', 'REFERENCE_NOT_FOUND', { field: 'leadId' });
    if (contactId && (await contactStore.getMany(ctx, [contactId])).length === 0) {
      throw fieldError('contactId', 'REFERENCE_NOT_FOUND', { field: 'contactId' });
    }
    const existing = await findMemberRow(ctx, campaignId, { leadId, contactId });
    if (existing) throw new AppError(409, 'ALREADY_EXISTS', { field: leadId ? 'leadId' : 'contactId' }, { field: leadId ? 'leadId' : 'contactId', memberId: existing.id });
    const member = await insertMember(ctx, campaignId, { leadId, contactId }, input.status ?? 'invited', source);
    await touchIfEngaged(ctx, member, member.status);
    return (await present(ctx, [await memberRow(ctx, campaignId, member.id)]))[0];
  });
}

async function insertMember(
  ctx: RequestContext,
  campaignId: string,
  person: { leadId: string | null; contactId: string | null },
  status: MemberStatus,
  source: MemberSource,
): Promise<CampaignMember> {
  const now = new Date();
  const [row] = await executor(ctx)
    .insert(campaignMembers)
    .values({ tenantId: ctx.tenantId, id: uuidv7(), campaignId, ...person, status, statusChangedAt: now, source, ...stampsFor(status, now) })
    .returning();
  const member = toMember(row);
  await audit(ctx, 'create', null, member);
  return member;
}

async function findMemberRow(ctx: RequestContext, campaignId: string, person: { leadId: string | null; contactId: string | null }) {
  const [row] = await executor(ctx)
    .select()
    .from(campaignMembers)
    .where(and(
      ofCampaign(ctx, campaignId),
      person.leadId ? eq(campaignMembers.leadId, person.leadId) : eq(campaignMembers.contactId, person.contactId!),
    ))
    .for('update');
  return row;
}

async function memberRow(ctx: RequestContext, campaignId: string, memberId: string, lock = false): Promise<MemberRow> {
  if (!UUID_RE.test(memberId)) throw notFound();
  const query = executor(ctx).select().from(campaignMembers).where(and(ofCampaign(ctx, campaignId), eq(campaignMembers.id, memberId)));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw notFound();
  return row;
}

async function moveMember(ctx: RequestContext, row: MemberRow, status: MemberStatus): Promise<CampaignMember> {
  const now = new Date();
  const [updated] = await executor(ctx)
    .update(campaignMembers)
    .set({ status, statusChangedAt: now, ...stampsFor(status, now), version: sql`${campaignMembers.version} + 1`, updatedAt: now })
    .where(and(eq(campaignMembers.tenantId, ctx.tenantId), eq(campaignMembers.id, row.id)))
    .returning();
  const after = toMember(updated);
  await audit(ctx, 'update', toMember(row), after);
  return after;
}

/** Moves a member forward (invited → registered → attended → responded); back or sideways is refused. */
export function changeMemberStatus(
  ctx: RequestContext,
  campaignId: string,
  memberId: string,
  status: MemberStatus,
  version: number | undefined,
): Promise<CampaignMember> {
  if (version === undefined) throw new AppError(428, 'VERSION_REQUIRED');
  return inTransaction(ctx, async (ctx) => {
    await campaignForUpdate(ctx, campaignId);
    const row = await memberRow(ctx, campaignId, memberId, true);
    if (row.version !== version) throw new AppError(409, 'VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
    const from = row.status as MemberStatus;
    const result = memberTransition(from, status);
    if (!result.ok) {
      throw new AppError(409, 'MEMBER_ILLEGAL_STATUS', { from, allowed: result.allowed.join(', ') || '—' }, { status: from, allowed: result.allowed });
    }
    const member = await moveMember(ctx, row, status);
    await touchIfEngaged(ctx, member, status);
    return (await present(ctx, [await memberRow(ctx, campaignId, memberId)]))[0];
  });
}

export function removeMember(ctx: RequestContext, campaignId: string, memberId: string, version: number | undefined): Promise<void> {
  return inTransaction(ctx, async (ctx) => {
    await campaignForUpdate(ctx, campaignId);
    const row = await memberRow(ctx, campaignId, memberId, true);
    if (version !== undefined && row.version !== version) {
      throw new AppError(409, 'VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
    }
    await executor(ctx).delete(campaignMembers).where(and(eq(campaignMembers.tenantId, ctx.tenantId), eq(campaignMembers.id, row.id)));
    await audit(ctx, 'delete', toMember(row), null);
  });
}

/**
 * For a response: the lead joins the campaign at `status`, or moves up to it; a member already
 * further along stays where it is. The caller records the touch.
 */
export async function upsertLeadMember(
  ctx: RequestContext,
  campaign: Campaign,
  leadId: string,
  status: MemberStatus,
  source: MemberSource,
): Promise<CampaignMember> {
  const existing = await findMemberRow(ctx, campaign.id, { leadId, contactId: null });
  if (!existing) return insertMember(ctx, campaign.id, { leadId, contactId: null }, status, source);
  const target = laterStatus(existing.status as MemberStatus, status);
  return target === existing.status ? toMember(existing) : moveMember(ctx, existing, target);
}

/** The member a lead is in a campaign, if it is one. */
export async function memberOfLead(ctx: RequestContext, campaignId: string, leadId: string): Promise<CampaignMember | null> {
  const [row] = await executor(ctx)
    .select()
    .from(campaignMembers)
    .where(and(ofCampaign(ctx, campaignId), eq(campaignMembers.leadId, leadId)));
  return row ? toMember(row) : null;
}
