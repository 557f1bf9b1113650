import { and, eq } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { subscribe, subscribeBatch } from '../../platform/events/subscribers.js';
import { leadStore } from '../leads/leads.service.js';
import { recordEngagementEvent } from '../scoring/engagement-events.service.js';
import { exitEnrollments } from './enrollments.service.js';
import { exitReasonFor, type ExitReason } from './nurture-program.js';
import { nurtureEngagements } from './nurture.schema.js';
import { runRulesForLeads } from './rule-enrollment.js';
import { normalizeEmail, suppressionsFor, suppressMany } from './suppressions.service.js';

const ACTOR = 'nurture';

async function pageViewDwell(ctx: RequestContext, pageViewId: string): Promise<number | null> {
  const [row] = await executor(ctx)
    .select({ dwell: nurtureEngagements.dwellSeconds })
    .from(nurtureEngagements)
    .where(and(eq(nurtureEngagements.tenantId, ctx.tenantId), eq(nurtureEngagements.pageViewId, pageViewId)));
  return row?.dwell ?? null;
}

/** Lead events that may let a program's rule take the lead in (a new score: warm, cold pools). */
const RULE_EVENTS = new Set(['leads.updated', 'leads.scored', 'leads.return-to-nurture']);

/**
 * Leads changed: each leaves its programs when it converted (accepted, SQL, converted), was
 * disqualified, deleted or marked do-not-contact (its address is then suppressed too);
 * otherwise an update or a return to nurture may let a program's rule take it in. The leads'
 * present state decides, so a batch is handled a lead at a time whatever its events' order:
 * one read of the leads and of their suppressions, one exit per reason, one rule run.
 */
subscribeBatch('nurture.lead-changes', 'leads.*', async (events, { db }) => {
  const changes = events.filter((e) => e.recordId && e.type !== 'leads.engaged' && e.type !== 'leads.touched');
  if (changes.length === 0) return;
  const ctx = systemContext(db, changes[0].tenantId, ACTOR);
  const leadIdsOf = (keep: (type: string) => boolean) => [...new Set(changes.filter((e) => keep(e.type)).map((e) => e.recordId!))];
  await exitEnrollments(ctx, { leadIds: leadIdsOf((type) => type === 'leads.deleted') }, 'lead_deleted');
  const changedIds = leadIdsOf((type) => type !== 'leads.deleted');
  const ruleLeadIds = new Set(leadIdsOf((type) => RULE_EVENTS.has(type)));
  // In event order: of two leads marked do-not-contact with one address, the first is named on the suppression.
  const byId = new Map((await leadStore.getMany(ctx, changedIds)).map((l) => [l.id, l]));
  const leads = changedIds.flatMap((id) => byId.get(id) ?? []);
  await suppressMany(ctx, leads.flatMap((l) => (l.doNotContact && l.email ? [{ email: l.email, reason: 'do_not_contact' as const, leadId: l.id }] : [])));
  const suppressed = await suppressionsFor(ctx, leads.map((l) => l.email));
  const exits = new Map<ExitReason, string[]>();
  const ruleCandidates: string[] = [];
  for (const lead of leads) {
    const reason = exitReasonFor(lead, (lead.email && suppressed.get(normalizeEmail(lead.email))) || null);
    // A lead without an address may still be in a program only if it got one later; nothing to stop then.
    if (reason && reason !== 'no_email') exits.set(reason, [...(exits.get(reason) ?? []), lead.id]);
    else if (!reason && ruleLeadIds.has(lead.id)) ruleCandidates.push(lead.id);
  }
  for (const [reason, leadIds] of exits) await exitEnrollments(ctx, { leadIds }, reason);
  await runRulesForLeads(ctx, ruleCandidates);
});

/** Scoring's engagement kinds for our events. */
const SCORING_KINDS = {
  'nurture.email_opened': 'email_open',
  'nurture.email_clicked': 'email_click',
  'nurture.web_visit': 'web_visit',
  'nurture.web_visit_dwell': 'web_visit',
  'nurture.unsubscribed': 'unsubscribe',
} as const;

interface EngagementPayload {
  leadId: string;
  at: string;
  url: string | null;
  dwellSeconds: number | null;
  messageId?: string;
  programId?: string | null;
  link?: number;
  pageViewId?: string;
  subject?: string;
  title?: string | null;
}

/** The id scoring deduplicates on: one engagement per open, link, page view or unsubscribe. */
function externalId(type: keyof typeof SCORING_KINDS, p: EngagementPayload): string {
  switch (type) {
    case 'nurture.email_opened':
      return `nurture:open:${p.messageId}`;
    case 'nurture.email_clicked':
      return `nurture:click:${p.messageId}:${p.link}`;
    case 'nurture.unsubscribed':
      return `nurture:unsubscribe:${p.messageId}`;
    default:
      return `nurture:visit:${p.pageViewId}`;
  }
}

/**
 * Hands each engagement to the scoring module (which rescores the lead and, above the MQL bar,
 * promotes it — assignment then routes it). A later report of the same page view updates its
 * dwell time there. Runs as a durable subscriber: a scoring failure never loses a click.
 */
subscribe('nurture.to-scoring', 'nurture.*', async (event, { db }) => {
  const type = event.type as keyof typeof SCORING_KINDS;
  const kind = SCORING_KINDS[type];
  if (!kind) return;
  const p = event.payload as EngagementPayload;
  const ctx = systemContext(db, event.tenantId, ACTOR);
  const [lead] = await leadStore.getMany(ctx, [p.leadId]);
  if (!lead) return;
  const details: Record<string, unknown> = { source: 'nurture' };
  for (const key of ['url', 'dwellSeconds', 'messageId', 'programId', 'subject', 'title'] as const) {
    if (p[key] !== undefined && p[key] !== null) details[key] = p[key];
  }
  // Deliveries may run in any order: a page view's dwell time is read from our record, the longest so far.
  if (p.pageViewId) {
    const dwell = await pageViewDwell(ctx, p.pageViewId);
    if (dwell !== null) details.dwellSeconds = dwell;
  }
  await recordEngagementEvent(ctx, { leadId: p.leadId, kind, at: p.at, details, externalId: externalId(type, p) });
});
