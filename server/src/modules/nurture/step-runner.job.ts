import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { leadStore } from '../leads/leads.service.js';
import {
  endValues, exitEnrollments, publishEnded, queueSteps, STEP_JOB, type StepJobPayload,
} from './enrollments.service.js';
import { queueMessage } from './messages.service.js';
import {
  branchWindowStart, engagementKindsFor, exitReasonFor, planStep, type ExitReason, type NurtureStep,
} from './nurture-program.js';
import { nurtureEngagements, nurtureEnrollments, nurturePrograms } from './nurture.schema.js';
import { loadSenderConfig } from './settings.service.js';
import { suppressionReason } from './suppressions.service.js';
import { emailTemplateStore } from './templates.service.js';

type EnrollmentRow = typeof nurtureEnrollments.$inferSelect;

/**
 * Runs one step of one enrolment and queues the next. The enrolment row is locked for the
 * step and the job carries the enrolment's `tick`: a job that ran already (a retry after a
 * lost lease, a second worker) finds the tick moved on and does nothing, so each step runs once.
 */
export const nurtureStepJob = defineJob<StepJobPayload>(STEP_JOB, async (payload, { db }) => {
  const ctx = systemContext(db, payload.tenantId, 'nurture');
  await inTransaction(ctx, (ctx) => runStep(ctx, payload));
});

async function runStep(ctx: RequestContext, payload: StepJobPayload) {
  const exec = executor(ctx);
  const [enrollment] = await exec
    .select()
    .from(nurtureEnrollments)
    .where(and(eq(nurtureEnrollments.tenantId, ctx.tenantId), eq(nurtureEnrollments.id, payload.enrollmentId)))
    .for('update');
  if (!enrollment || enrollment.status !== 'active' || enrollment.tick !== payload.tick) return;
  const [program] = await exec
    .select()
    .from(nurturePrograms)
    .where(and(eq(nurturePrograms.tenantId, ctx.tenantId), eq(nurturePrograms.id, enrollment.programId)));
  if (program.status === 'archived') return exit(ctx, enrollment, 'program_archived');
  if (program.status !== 'active') {
    // Paused: park the enrolment; resuming the program queues it again.
    await exec.update(nurtureEnrollments).set({ nextRunAt: null }).where(byId(ctx, enrollment.id));
    return;
  }
  const [lead] = await leadStore.getMany(ctx, [enrollment.leadId]);
  if (!lead) return exit(ctx, enrollment, 'lead_deleted');
  const reason = exitReasonFor(lead, await suppressionReason(ctx, lead.email));
  if (reason) return exit(ctx, enrollment, reason);

  const now = new Date();
  const steps = program.steps;
  const step = steps[enrollment.currentStep];
  const engaged = step?.type === 'branch' ? await hasEngaged(ctx, enrollment, step, now) : false;
  const plan = planStep(steps, enrollment.currentStep, now, engaged);
  switch (plan.kind) {
    case 'exit':
      return exit(ctx, enrollment, 'exit_step');
    case 'complete':
      return complete(ctx, enrollment);
    case 'send': {
      const [template] = await emailTemplateStore.getMany(ctx, [plan.templateId]);
      // A template deleted since the program was saved: nothing to send, the program goes on.
      if (template) {
        const sender = await loadSenderConfig(exec, ctx.tenantId);
        await queueMessage(ctx, { enrollment, stepIndex: enrollment.currentStep, template, lead, sender });
      }
      return advance(ctx, enrollment, steps, plan.next, plan.runAt, now);
    }
    case 'advance':
      return advance(ctx, enrollment, steps, plan.next, plan.runAt, now);
  }
}

const byId = (ctx: RequestContext, id: string) =>
  and(eq(nurtureEnrollments.tenantId, ctx.tenantId), eq(nurtureEnrollments.id, id));

async function advance(ctx: RequestContext, enrollment: EnrollmentRow, steps: NurtureStep[], next: number, runAt: Date, now: Date) {
  if (next >= steps.length) return complete(ctx, enrollment);
  const tick = enrollment.tick + 1;
  await executor(ctx)
    .update(nurtureEnrollments)
    .set({ currentStep: next, tick, nextRunAt: runAt, lastStepAt: now, version: sql`${nurtureEnrollments.version} + 1`, updatedAt: now })
    .where(byId(ctx, enrollment.id));
  await queueSteps(executor(ctx), ctx.tenantId, [{ id: enrollment.id, tick, runAt }]);
}

async function complete(ctx: RequestContext, enrollment: EnrollmentRow) {
  const [row] = await executor(ctx).update(nurtureEnrollments).set(endValues('completed', null)).where(byId(ctx, enrollment.id)).returning();
  await publishEnded(ctx, row);
}

async function exit(ctx: RequestContext, enrollment: EnrollmentRow, reason: ExitReason) {
  // Reasons that concern the lead (not this program) end its other programs too.
  const lead = reason !== 'exit_step' && reason !== 'program_archived';
  await exitEnrollments(ctx, lead ? { leadId: enrollment.leadId } : { enrollmentId: enrollment.id }, reason);
}

/** A branch's question: did the lead open / click this enrolment's e-mails, or visit the site, in the window? */
async function hasEngaged(ctx: RequestContext, enrollment: EnrollmentRow, step: Extract<NurtureStep, { type: 'branch' }>, now: Date) {
  const kinds = engagementKindsFor(step.if);
  const since = branchWindowStart(now, step.withinDays, enrollment.createdAt);
  const [row] = await executor(ctx)
    .select({ id: nurtureEngagements.id })
    .from(nurtureEngagements)
    .where(and(
      eq(nurtureEngagements.tenantId, ctx.tenantId),
      step.if === 'visited'
        ? eq(nurtureEngagements.leadId, enrollment.leadId)
        : eq(nurtureEngagements.enrollmentId, enrollment.id),
      inArray(nurtureEngagements.kind, kinds),
      gte(nurtureEngagements.at, since),
    ))
    .limit(1);
  return Boolean(row);
}
