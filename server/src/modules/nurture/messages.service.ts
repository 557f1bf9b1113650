import { translate } from '../../platform/i18n/messages.js';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import type { Lead } from '../leads/leads.service.js';
import { buildEmail } from './email-render.js';
import './nurture.messages.js';
import { nurtureMessages } from './nurture.schema.js';
import type { SenderConfig } from './settings.service.js';
import type { EmailTemplate } from './templates.service.js';
import { templateValues } from './templates.service.js';
import { signToken } from './tracking-token.js';

export const SEND_JOB = 'nurture.send_email';
/** With the queue's backoff (2^n s, at most an hour) this keeps trying for about an hour and a half. */
export const SEND_MAX_ATTEMPTS = 13;

export interface SendJobPayload {
  tenantId: string;
  messageId: string;
}

/** The public links of one message, signed for its tenant. */
export function trackingUrls(publicUrl: string, tenantId: string, messageId: string) {
  return {
    pixel: `${publicUrl}/t/o/${signToken({ kind: 'o', tenantId, id: messageId })}.gif`,
    click: (link: number) => `${publicUrl}/t/c/${signToken({ kind: 'c', tenantId, id: messageId, link })}`,
    unsubscribe: `${publicUrl}/u/${signToken({ kind: 'u', tenantId, id: messageId })}`,
  };
}

const domainOf = (address: string | null) => address?.split('@')[1]?.trim() || 'lead2cash.invalid';

/**
 * Builds a step's e-mail for a lead, stores it (once per enrolment and step, whoever runs the
 * step) and queues its sending in the caller's transaction. Returns the message id, or null
 * when this step's message already existed.
 */
export async function queueMessage(
  ctx: RequestContext,
  input: {
    enrollment: { id: string; programId: string } | null;
    stepIndex: number | null;
    template: EmailTemplate;
    lead: Lead;
    sender: SenderConfig;
  },
): Promise<string | null> {
  const { template, lead, sender } = input;
  const id = uuidv7();
  const urls = trackingUrls(sender.publicUrl, ctx.tenantId, id);
  const built = buildEmail(template, templateValues(lead, { name: sender.fromName, email: sender.fromAddress }), {
    ...urls,
    footerText: translate(template.locale, 'NURTURE_FOOTER_UNSUBSCRIBE'),
  });
  const [row] = await executor(ctx)
    .insert(nurtureMessages)
    .values({
      tenantId: ctx.tenantId,
      id,
      enrollmentId: input.enrollment?.id ?? null,
      programId: input.enrollment?.programId ?? null,
      stepIndex: input.stepIndex,
      templateId: template.id,
      leadId: lead.id,
      toAddress: lead.email!,
      subject: built.subject,
      bodyHtml: built.html,
      bodyText: built.text,
      links: built.links,
      smtpMessageId: `<${id}@${domainOf(sender.fromAddress)}>`,
    })
    .onConflictDoNothing()
    .returning({ id: nurtureMessages.id });
  if (!row) return null;
  await enqueue(executor(ctx), {
    type: SEND_JOB,
    tenantId: ctx.tenantId,
    payload: { tenantId: ctx.tenantId, messageId: id } satisfies SendJobPayload,
    maxAttempts: SEND_MAX_ATTEMPTS,
    uniqueKey: `${SEND_JOB}:${id}`,
  });
  return id;
}
