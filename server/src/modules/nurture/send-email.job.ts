import { and, eq, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import type { AppDb, Executor } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { exitEnrollments } from './enrollments.service.js';
import { SEND_JOB, trackingUrls, type SendJobPayload } from './messages.service.js';
import { leadStore } from '../leads/leads.service.js';
import { exitReasonFor } from './nurture-program.js';
import { nurtureEngagements, nurtureMessages, type MessageStatus } from './nurture.schema.js';
import { loadSenderConfig } from './settings.service.js';
import { sendOverSmtp } from './smtp.js';
import { suppress, suppressionReason } from './suppressions.service.js';

type MessageRow = typeof nurtureMessages.$inferSelect;

/**
 * Sends one queued message over the tenant's SMTP server. Suppressed addresses, and leads that
 * converted, were disqualified or must not be contacted since the message was queued, are never
 * mailed. A refused recipient is a hard bounce: the address is suppressed
 * and the lead leaves its programs. Anything transient is retried by the job queue (the row
 * keeps the attempts and the last error); on the last attempt the message is marked failed.
 */
export const sendEmailJob = defineJob<SendJobPayload>(SEND_JOB, async (payload, { db, retryAt }) => {
  const ctx = systemContext(db, payload.tenantId, 'nurture');
  const [message] = await db
    .select()
    .from(nurtureMessages)
    .where(and(eq(nurtureMessages.tenantId, payload.tenantId), eq(nurtureMessages.id, payload.messageId)));
  if (!message || message.status !== 'queued') return;

  // Things may have changed since the step queued the message: check the lead and the address again.
  const [lead] = await leadStore.getMany(ctx, [message.leadId]);
  const stop = lead
    ? exitReasonFor({ ...lead, email: message.toAddress }, await suppressionReason(ctx, message.toAddress))
    : 'lead_deleted';
  if (stop) return finish(db, message, 'suppressed', `Not sent: ${stop}`);

  const sender = await loadSenderConfig(db, payload.tenantId);
  const problem = !sender.host || !sender.fromAddress
    ? 'SMTP server or sender address not configured'
    : sender.passwordUnreadable ? 'The stored SMTP password cannot be decrypted' : null;
  if (problem) return retryOrFail(db, message, problem, retryAt);

  const { unsubscribe } = trackingUrls(sender.publicUrl, payload.tenantId, message.id);
  const outcome = await sendOverSmtp(sender, {
    to: message.toAddress,
    subject: message.subject,
    html: message.bodyHtml,
    text: message.bodyText,
    messageId: message.smtpMessageId,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-L2C-Message': message.id,
    },
  });
  switch (outcome.kind) {
    case 'sent':
      return inTransaction(ctx, async (ctx) => {
        await update(executor(ctx), message, { status: 'sent', sentAt: new Date(), lastError: null });
        await publishEvent(ctx, {
          type: 'nurture.email_sent',
          object: 'leads',
          recordId: message.leadId,
          payload: { leadId: message.leadId, messageId: message.id, programId: message.programId, enrollmentId: message.enrollmentId, subject: message.subject },
        });
      });
    case 'rejected':
      return bounce(ctx, message, outcome.error);
    case 'failed':
      return finish(db, message, 'failed', outcome.error);
    case 'transient':
      return retryOrFail(db, message, outcome.error, retryAt);
  }
});

function update(exec: Executor, message: MessageRow, values: Partial<MessageRow>) {
  return exec
    .update(nurtureMessages)
    .set({ ...values, attempts: sql`${nurtureMessages.attempts} + 1` })
    .where(and(eq(nurtureMessages.tenantId, message.tenantId), eq(nurtureMessages.id, message.id)));
}

async function finish(db: AppDb, message: MessageRow, status: MessageStatus, error: string) {
  await update(db, message, { status, lastError: error });
}

/** Records the failure; rethrows so the queue retries, unless this was the last attempt. */
async function retryOrFail(db: AppDb, message: MessageRow, error: string, retryAt: Date | null) {
  await update(db, message, retryAt ? { lastError: error } : { status: 'failed', lastError: error });
  if (retryAt) throw new Error(`E-mail not sent yet: ${error}`);
}

/** A hard bounce: the message is marked, the address suppressed, the lead leaves its programs. */
function bounce(ctx: RequestContext, message: MessageRow, error: string) {
  return inTransaction(ctx, async (ctx) => {
    const at = new Date();
    await update(executor(ctx), message, { status: 'bounced', lastError: error });
    await suppress(ctx, { email: message.toAddress, reason: 'bounced', leadId: message.leadId, details: error });
    await executor(ctx).insert(nurtureEngagements).values({
      tenantId: ctx.tenantId,
      id: uuidv7(),
      leadId: message.leadId,
      kind: 'bounce',
      messageId: message.id,
      enrollmentId: message.enrollmentId,
      programId: message.programId,
      at,
    });
    await publishEvent(ctx, {
      type: 'nurture.email_bounced',
      object: 'leads',
      recordId: message.leadId,
      payload: { leadId: message.leadId, messageId: message.id, email: message.toAddress, error, at: at.toISOString() },
    });
    await exitEnrollments(ctx, { leadId: message.leadId }, 'bounced');
  });
}
