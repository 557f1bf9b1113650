import { inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import type { Money } from '../../platform/normalize/money.js';
import { campaignStore } from '../campaigns/campaigns.service.js';
import { accountStore, type Account } from '../customers/accounts.service.js';
import { contactStore, findAccountContact, type Contact } from '../customers/contacts.service.js';
import { attachLeadActivities } from '../customers/customer-relink.service.js';
import { recordDuplicates } from '../dedup/duplicate-candidates.service.js';
import type { MatchReason } from '../dedup/index.js';
import { leadStore, markLeadConverted, refuseConverted, touchesForAttribution, type Lead, type LeadTouch } from '../leads/leads.service.js';
import type { BantInput } from '../opportunities/bant.js';
import { createOpportunity, opportunityStore } from '../opportunities/opportunities.service.js';
import { decideAccount, type AccountDecision, type CandidateLevel } from './account-match.js';
import './conversion.messages.js';

/** What the person chose in the conversion dialog (or an integration sends). */
export interface ConvertInput {
  /** Convert into this account (it must be visible to the caller). */
  accountId?: string;
  /** Create a new account even though the company looks like an existing one. */
  createAccount?: boolean;
  /** Use this contact of the account instead of the one matched by e-mail or phone. */
  contactId?: string;
  createOpportunity?: boolean;
  opportunity?: {
    name?: string;
    amount?: Money | null;
    closeDate?: string;
    processId?: string;
    stageId?: string;
    nextStep?: string | null;
    description?: string | null;
    /** The deal's BANT, as `POST /opportunities` takes it (a strict tenant requires its parts). */
    bant?: BantInput;
    /** The lead's contact is a decision maker (added to the BANT authority). */
    contactIsDecisionMaker?: boolean;
  };
}

export interface ConversionResult {
  accountId: string;
  contactId: string;
  opportunityId: string | null;
  accountCreated: boolean;
  contactCreated: boolean;
  lead: Lead;
}

/** An account the lead's company may be, as the dialog shows it. */
export interface AccountCandidateView {
  id: string;
  name: string;
  subtitle: string | null;
  score: number;
  level: CandidateLevel;
  reasons: MatchReason[];
  /** The lead's credit code is the account's: the same legal entity. */
  sameCreditCode: boolean;
  /** False when the account exists but the caller may not see it (only its name and owner are shown). */
  visible: boolean;
  ownerName: string | null;
}

/** What converting now would do: the dialog's content, and the same decision the conversion takes. */
export interface ConversionPreview {
  account: {
    decision: AccountDecision['kind'];
    accountId: string | null;
    by: 'credit_code' | 'match' | null;
    candidates: AccountCandidateView[];
  };
  /** The contact of the matched account this person already is (by e-mail or phone), if any. */
  contact: Contact | null;
  suggestedOpportunityName: string;
}

const QUALIFIED = ['accepted', 'sql'];

function requireConvertible(lead: Lead) {
  refuseConverted(lead);
  if (!QUALIFIED.includes(lead.status)) {
    throw new AppError(409, 'LEAD_NOT_QUALIFIED', { status: lead.status }, { status: lead.status, allowedFrom: QUALIFIED });
  }
}

/**
 * Every account the lead's company may be, among all the tenant's accounts — duplicate detection
 * (credit code, normalised company-name similarity, address) plus an exact credit-code lookup —
 * marked with whether the caller may see it. Reads outside any transaction: duplicate detection
 * brings its index up to date first.
 */
async function accountCandidates(ctx: RequestContext, lead: Lead): Promise<AccountCandidateView[]> {
  const system = systemContext(ctx.db, ctx.tenantId, 'lead conversion');
  const found = (await recordDuplicates(system, 'leads', lead.id, { minLevel: 'possible' })).filter((c) => c.object === 'accounts');
  const code = lead.creditCode;
  const views: AccountCandidateView[] = found.map((c) => ({
    id: c.id,
    name: String(c.record.name ?? c.title),
    subtitle: c.subtitle,
    score: c.score,
    level: c.level,
    reasons: c.reasons,
    sameCreditCode: !!code && c.record.creditCode === code,
    visible: false,
    ownerName: (c.record.ownerName as string | null | undefined) ?? null,
  }));
  if (code && !views.some((v) => v.sameCreditCode)) {
    // The index may not have caught up with an account just created: the unique code decides alone.
    const [sameCode] = (await accountStore.list(system, { filters: { creditCode: code }, limit: 1 })).data;
    const reason: MatchReason = { code: 'SAME_CREDIT_CODE', weight: 20, detail: code };
    if (sameCode) views.push({ ...describe(sameCode), score: 1, level: 'exact', reasons: [reason], sameCreditCode: true, visible: false });
  }
  const visible = new Set((await accountStore.getMany(ctx, views.map((v) => v.id))).map((a) => a.id));
  for (const view of views) view.visible = visible.has(view.id);
  return views.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

function describe(account: Account) {
  return {
    id: account.id,
    name: account.name,
    subtitle: [account.city, account.industry].filter(Boolean).join(' · ') || null,
    ownerName: account.ownerName ?? null,
  };
}

const suggestedName = (lead: Lead, accountName: string | null) =>
  [accountName ?? lead.company ?? lead.name, lead.productInterest].filter(Boolean).join(' · ');

export async function previewConversion(ctx: RequestContext, leadId: string): Promise<ConversionPreview> {
  const lead = await leadStore.get(ctx, leadId);
  requireConvertible(lead);
  const candidates = await accountCandidates(ctx, lead);
  const decision = decideAccount(candidates);
  const accountId = decision.kind === 'existing' ? decision.accountId : null;
  const match = candidates.find((c) => c.id === accountId);
  const contact = accountId && match?.visible ? await findAccountContact(ctx, accountId, lead) : null;
  return {
    account: { decision: decision.kind, accountId, by: decision.kind === 'existing' ? decision.by : null, candidates },
    contact,
    suggestedOpportunityName: suggestedName(lead, match?.name ?? null),
  };
}

/** Which account to convert into, or the 409 that asks the person to choose. */
async function resolveAccount(ctx: RequestContext, lead: Lead, input: ConvertInput): Promise<string | null> {
  if (input.accountId) return input.accountId;
  if (input.createAccount) return null;
  const candidates = await accountCandidates(ctx, lead);
  const decision = decideAccount(candidates);
  if (decision.kind === 'new') return null;
  if (decision.kind === 'ambiguous') {
    throw new AppError(409, 'ACCOUNT_MATCH_AMBIGUOUS', { count: candidates.length }, { candidates });
  }
  const match = candidates.find((c) => c.id === decision.accountId)!;
  if (!match.visible) {
    throw new AppError(409, 'ACCOUNT_NOT_VISIBLE', { name: match.name, owner: match.ownerName ?? '—' }, { candidates: [match] });
  }
  return match.id;
}

const accountFromLead = (lead: Lead, ownerId: string) => ({
  name: lead.company,
  creditCode: lead.creditCode,
  industry: lead.industry,
  registeredCapital: lead.registeredCapital,
  headcount: lead.headcount,
  province: lead.province,
  city: lead.city,
  region: lead.region,
  address: lead.address,
  website: lead.website,
  ownerId,
});

const contactFromLead = (lead: Lead, accountId: string, ownerId: string) => ({
  accountId,
  name: lead.name,
  title: lead.title,
  email: lead.email,
  phones: lead.phone ? [lead.phone] : [],
  ownerId,
});

/**
 * Converts a qualified lead (accepted or SQL) into an account — an existing one found by
 * duplicate detection, never a silent twin — a contact of it (an existing one with the same
 * e-mail or phone is reused) and optionally an opportunity that keeps the lead (and with it the
 * lead's campaign touches) for attribution; the activities logged on the lead join the account
 * and contact. One transaction: when any step is refused, nothing is kept. The lead becomes read-only and links to what it became (`leads.converted`).
 */
export async function convertLead(ctx: RequestContext, leadId: string, input: ConvertInput): Promise<ConversionResult> {
  const lead = await leadStore.get(ctx, leadId);
  requireConvertible(lead);
  requireLevel(ctx, 'leads', 'update');
  requireLevel(ctx, 'contacts', 'create');
  if (input.createOpportunity) requireLevel(ctx, 'opportunities', 'create');
  const accountId = await resolveAccount(ctx, lead, input);
  if (!accountId) {
    requireLevel(ctx, 'accounts', 'create');
    if (!lead.company) throw new AppError(400, 'CONVERT_COMPANY_REQUIRED');
  }
  if (input.createOpportunity && !input.opportunity?.closeDate) throw fieldError('opportunity.closeDate', 'FIELD_REQUIRED');
  const ownerId = lead.ownerId ?? ctx.actor.userId!;

  return inTransaction(ctx, async (ctx) => {
    const account = accountId ? await visibleAccount(ctx, accountId) : await accountStore.create(ctx, accountFromLead(lead, ownerId));
    let contact = input.contactId ? await contactOfAccount(ctx, input.contactId, account.id) : await findAccountContact(ctx, account.id, lead);
    const contactCreated = !contact;
    contact ??= await contactStore.create(ctx, contactFromLead(lead, account.id, ownerId));
    const deal = input.createOpportunity
      ? await createOpportunity(ctx, {
          name: input.opportunity?.name?.trim() || suggestedName(lead, account.name),
          accountId: account.id,
          processId: input.opportunity?.processId,
          stageId: input.opportunity?.stageId,
          amount: input.opportunity?.amount ?? null,
          closeDate: input.opportunity!.closeDate,
          nextStep: input.opportunity?.nextStep ?? null,
          description: input.opportunity?.description ?? lead.description,
          contacts: [{ contactId: contact.id, role: null }],
          bant: dealBant(input.opportunity, contact.id),
          ownerId,
          leadId: lead.id,
        })
      : null;
    const links = { accountId: account.id, contactId: contact.id, opportunityId: deal?.id ?? null };
    const activityIds = await attachLeadActivities(ctx, lead.id, account.id, contact.id);
    const converted = await markLeadConverted(ctx, lead.id, links, { accountCreated: !accountId, contactCreated, activityIds });
    return { ...links, accountCreated: !accountId, contactCreated, lead: converted };
  });
}

/** The new deal's BANT: as sent, with the lead's contact among the decision makers when so chosen. */
function dealBant(opportunity: ConvertInput['opportunity'], contactId: string): BantInput | undefined {
  const bant = opportunity?.bant;
  if (!opportunity?.contactIsDecisionMaker) return bant;
  const authority = bant?.authority ?? {};
  return { ...bant, authority: { ...authority, decisionMakerContactIds: [...(authority.decisionMakerContactIds ?? []), contactId] } };
}

async function visibleAccount(ctx: RequestContext, id: string): Promise<Account> {
  try {
    return await accountStore.get(ctx, id);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw fieldError('accountId', 'REFERENCE_NOT_FOUND', { field: 'accountId' });
    throw err;
  }
}

async function contactOfAccount(ctx: RequestContext, id: string, accountId: string): Promise<Contact> {
  const [contact] = await contactStore.getMany(ctx, [id]);
  if (!contact) throw fieldError('contactId', 'REFERENCE_NOT_FOUND', { field: 'contactId' });
  if (contact.accountId !== accountId) throw fieldError('contactId', 'CONTACT_NOT_ON_ACCOUNT');
  return contact;
}

/** A campaign touch of the lead a deal came from, with the campaign's name. */
export interface AttributionTouch extends LeadTouch {
  campaignName: string | null;
}

/**
 * The campaign touches a deal keeps for attribution: those of the lead it was converted from,
 * oldest first (first touch, last touch and everything between). Visible with the deal.
 */
export async function opportunityCampaignTouches(ctx: RequestContext, opportunityId: string): Promise<AttributionTouch[]> {
  const deal = await opportunityStore.get(ctx, opportunityId);
  if (!deal.leadId) return [];
  const touches = await touchesForAttribution(ctx, [deal.leadId]);
  const campaignIds = [...new Set(touches.map((t) => t.campaignId).filter((id): id is string => !!id))];
  const system = systemContext(ctx.db, ctx.tenantId, 'attribution');
  const names = new Map((await campaignStore.getMany({ ...system, tx: ctx.tx }, campaignIds)).map((c) => [c.id, c.name]));
  return touches.map((t) => ({ ...t, campaignName: t.campaignId ? (names.get(t.campaignId) ?? null) : null }));
}
