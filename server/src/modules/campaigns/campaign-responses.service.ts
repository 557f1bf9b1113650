import { and, eq, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import type { AppDb } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { translate } from '../../platform/i18n/messages.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { createLead, fillEmptyLeadFields, findLeadByContact, recordTouch } from '../leads/leads.service.js';
import { isEventType, isRunning } from './campaign-lifecycle.js';
import { campaignResponses, campaigns } from './campaigns.schema.js';
import { campaignForUpdate, campaignStore, type Campaign } from './campaigns.service.js';
import { memberOfLead, upsertLeadMember, type MemberSource } from './campaign-members.service.js';
import { tenantOfFormKey } from './form-key.js';
import type { MemberStatus } from './member-status.js';
import { FORM_FIELDS, isBot, readSubmission, type FormField, type ReadSubmission, type Submission } from './public-form.js';

export interface ResponseResult {
  responseId: string;
  leadId: string;
  leadCreated: boolean;
  memberId: string;
  memberStatus: MemberStatus;
  /** The same submission key was seen before: nothing new was stored. */
  duplicate: boolean;
}

/** A response makes an event campaign's member registered; any other campaign's responded. */
const responseStatus = (campaign: Campaign): MemberStatus => (isEventType(campaign.type) ? 'registered' : 'responded');

/**
 * Serialises responses of the same person (e-mail, then phone) within the tenant, so a double
 * click without a submission key still finds the lead the first click created.
 */
async function lockPerson(ctx: RequestContext, lead: ReadSubmission['lead']) {
  for (const key of [lead.email && `email:${lead.email}`, lead.phone && `phone:${lead.phone}`]) {
    if (key) await executor(ctx).execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${ctx.tenantId}:${key}`}, 0))`);
  }
}

/**
 * The one path of a campaign response (public form, API, manual entry): find the lead by e-mail
 * or phone and fill only its empty fields, or create it attributed to the campaign; record the
 * touch; make the lead a member; keep the submission; publish `campaigns.response_received`.
 */
async function recordResponse(
  ctx: RequestContext,
  campaign: Campaign,
  submission: ReadSubmission,
  opts: { channel: MemberSource; submissionKey?: string; consentText?: string | null },
): Promise<ResponseResult> {
  return inTransaction(ctx, async (ctx) => {
    const responseId = uuidv7();
    const inserted = await executor(ctx)
      .insert(campaignResponses)
      .values({
        tenantId: ctx.tenantId,
        id: responseId,
        campaignId: campaign.id,
        submissionKey: opts.submissionKey ?? null,
        data: { ...submission.lead, message: submission.message, consent: submission.consent },
        consentText: submission.consent ? opts.consentText ?? null : null,
      })
      .onConflictDoNothing()
      .returning({ id: campaignResponses.id });
    if (inserted.length === 0) return replay(ctx, campaign, opts.submissionKey!);

    await lockPerson(ctx, submission.lead);
    const fieldSource = opts.channel === 'manual' ? 'user' : opts.channel;
    const existing = await findLeadByContact(ctx, submission.lead);
    const lead = existing
      ? await fillEmptyLeadFields(ctx, existing.id, { ...submission.lead, source: `campaign:${campaign.type}`, campaignId: campaign.id }, fieldSource)
      : await createLead(ctx, { ...submission.lead, source: `campaign:${campaign.type}`, campaignId: campaign.id }, fieldSource);
    const member = await upsertLeadMember(ctx, campaign, lead.id, responseStatus(campaign), opts.channel);
    const touch = await recordTouch(ctx, lead.id, {
      campaignId: campaign.id,
      kind: opts.channel,
      details: { responseId, memberId: member.id, ...(submission.message ? { message: submission.message } : {}) },
    });
    await executor(ctx)
      .update(campaignResponses)
      .set({ leadId: lead.id, leadCreated: !existing })
      .where(and(eq(campaignResponses.tenantId, ctx.tenantId), eq(campaignResponses.id, responseId)));
    await publishEvent(ctx, {
      type: 'campaigns.response_received',
      object: 'campaigns',
      recordId: campaign.id,
      payload: { responseId, leadId: lead.id, leadCreated: !existing, memberId: member.id, memberStatus: member.status, touchId: touch.id, channel: opts.channel },
    });
    return { responseId, leadId: lead.id, leadCreated: !existing, memberId: member.id, memberStatus: member.status, duplicate: false };
  });
}

/** A submission key seen before: answer as the first time, storing nothing new. */
async function replay(ctx: RequestContext, campaign: Campaign, submissionKey: string): Promise<ResponseResult> {
  const [prior] = await executor(ctx)
    .select()
    .from(campaignResponses)
    .where(and(
      eq(campaignResponses.tenantId, ctx.tenantId),
      eq(campaignResponses.campaignId, campaign.id),
      eq(campaignResponses.submissionKey, submissionKey),
    ));
  const member = prior.leadId ? await memberOfLead(ctx, campaign.id, prior.leadId) : null;
  return {
    responseId: prior.id,
    leadId: prior.leadId ?? '',
    leadCreated: prior.leadCreated,
    memberId: member?.id ?? '',
    memberStatus: member?.status ?? responseStatus(campaign),
    duplicate: true,
  };
}

function read(campaign: Campaign, body: Submission, allFields: boolean): ReadSubmission {
  const settings = allFields ? { ...campaign.form, fields: [...FORM_FIELDS] as FormField[], consentRequired: false } : campaign.form;
  const result = readSubmission(settings, body);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.value;
}

/**
 * A response entered by a signed-in user or an integration (badge scans, a marketing tool):
 * every form field is accepted, and the campaign's form need not be open.
 */
export async function captureResponse(ctx: RequestContext, campaignId: string, body: Submission, submissionKey?: string): Promise<ResponseResult> {
  const campaign = await campaignForUpdate(ctx, campaignId);
  const channel: MemberSource = ctx.actor.kind === 'api_key' ? 'api' : 'manual';
  return recordResponse(ctx, campaign, read(campaign, body, true), { channel, submissionKey });
}

// --- The public form: no sign-in, acting as the system for the campaign's tenant. ---

interface FormCampaign {
  ctx: RequestContext;
  campaign: Campaign;
}

async function campaignOfForm(db: AppDb, formKey: string, meta: { ip?: string; userAgent?: string }): Promise<FormCampaign> {
  const tenantId = tenantOfFormKey(formKey);
  if (!tenantId) throw new AppError(404, 'FORM_NOT_FOUND');
  const ctx: RequestContext = { ...systemContext(db, tenantId, 'web form'), ip: meta.ip, userAgent: meta.userAgent };
  const [row] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.formKey, formKey)));
  if (!row) throw new AppError(404, 'FORM_NOT_FOUND');
  return { ctx, campaign: await campaignStore.get(ctx, row.id) };
}

const isOpen = (campaign: Campaign) => campaign.form.open && isRunning(campaign.status);

export interface PublicForm {
  formKey: string;
  title: string;
  description: string | null;
  open: boolean;
  fields: { name: 'name' | FormField; required: boolean }[];
  /** A person must tick "I agree" to the consent text; an e-mail or a phone is always needed. */
  consentRequired: boolean;
  consentText: string | null;
  thankYouMessage: string;
}

const thankYou = (campaign: Campaign, locale: Locale) => campaign.form.thankYouMessage ?? translate(locale, 'FORM_THANK_YOU');

/** What a public page needs to render the form; nothing else about the campaign is shown. */
export async function publicForm(db: AppDb, formKey: string, locale: Locale): Promise<PublicForm> {
  const { campaign } = await campaignOfForm(db, formKey, {});
  const form = campaign.form;
  return {
    formKey,
    title: form.title ?? campaign.name,
    description: form.description,
    open: isOpen(campaign),
    fields: [
      { name: 'name', required: true },
      ...form.fields.map((name) => ({ name, required: form.requiredFields.includes(name) })),
    ],
    consentRequired: form.consentRequired,
    consentText: form.consentText,
    thankYouMessage: thankYou(campaign, locale),
  };
}

/**
 * A public submission. A filled honeypot gets the same answer as a person and stores nothing; a
 * closed form is refused; a repeated submission key counts once.
 */
export async function submitPublicForm(
  db: AppDb,
  formKey: string,
  body: Submission,
  meta: { submissionKey?: string; ip?: string; userAgent?: string; locale: Locale },
): Promise<{ ok: true; message: string }> {
  const { ctx, campaign } = await campaignOfForm(db, formKey, meta);
  const answer = { ok: true as const, message: thankYou(campaign, meta.locale) };
  if (isBot(body)) return answer;
  if (!isOpen(campaign)) throw new AppError(409, 'FORM_CLOSED');
  await recordResponse(ctx, campaign, read(campaign, body, false), {
    channel: 'form',
    submissionKey: meta.submissionKey,
    consentText: campaign.form.consentText,
  });
  return answer;
}
