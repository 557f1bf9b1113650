import { and, eq } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { subscribe } from '../../platform/events/subscribers.js';
import { leadStore } from '../leads/leads.service.js';
import { recordEngagementEvent } from '../scoring/engagement-events.service.js';
import { exitEnrollments } from './enrollments.service.js';
import { exitReasonFor } from './nurture-program.js';
import { nurtureEngagements } from './nurture.schema.js';
import { runRulesForLead } from './rule-enrollment.js';
import { suppress, suppressionReason } from './suppressions.service.js';

const ACTOR = 'nurture';

async function pageViewDwell(ctx: RequestContext, pageViewId: string): Promise<number | null> {
  const [row] = await executor(ctx)
    .select({ dwell: nurtureEngagements.dwellSeconds })
    .from(nurtureEngagements)
    .where(and(eq(nurtureEngagements.tenantId, ctx.tenantId), eq(nurtureEngagements.pageViewId, pageViewId)));
  return row?.dwell ?? null;
}

/**
 * A lead changed: it leaves its programs when it converted (accepted, SQL, converted), was
 * disqualified, deleted or marked do-not-contact (its address is then suppressed too);
 * otherwise an update or a return to nurture may let a program's rule take it in.
 */
subscribe('nurture.lead-changes', 'leads.*', async (event, { db }) => {
  const leadId = event.recordId;
  if (!leadId || event.type === 'leads.engaged' || event.type === 'leads.touched') return;
  const ctx = systemContext(db, event.tenantId, ACTOR);
  if (event.type === 'leads.deleted') {
    await exitEnrollments(ctx, { leadId }, 'lead_deleted');
    return;
  }
  const [lead] = await leadStore.getMany(ctx, [leadId]);
  if (!lead) return;
  if (lead.doNotContact && lead.email) await suppress(ctx, { email: lead.email, reason: 'do_not_contact', leadId });
  const reason = exitReasonFor(lead, await suppressionReason(ctx, lead.email));
  if (reason) {
    // A lead without an address may still be in a program only if it got one later; nothing to stop then.
    if (reason !== 'no_email') await exitEnrollments(ctx, { leadId }, reason);
    return;
  }
  // A new score may bring the lead into a program whose rule asks for one (warm, cold pools).
  if (['leads.updated', 'leads.scored', 'leads.return-to-nurture'].includes(event.type)) await runRulesForLead(ctx, leadId);
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
