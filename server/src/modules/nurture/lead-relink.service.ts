import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { exitEnrollments } from './enrollments.service.js';
import { emailSuppressions, nurtureEngagements, nurtureEnrollments, nurtureMessages } from './nurture.schema.js';

export interface MovedNurture {
  /** Active enrolments that now continue for the survivor, at the step they had reached. */
  enrollments: string[];
  /** Active enrolments ended (reason `merged`): the survivor was already in that program. */
  endedEnrollments: string[];
  /** Past enrolments, e-mails sent, tracked engagement and suppressions that now name the survivor. */
  history: string[];
}

/**
 * When duplicate leads are merged (dedup module): their nurturing moves to the survivor. An
 * active enrolment continues for the survivor where it was, unless the survivor is already in
 * that program — then it ends with reason `merged`, so nobody is enrolled twice. Past
 * enrolments, sent e-mails (so a later open of one still counts), tracked engagement and
 * suppressions move with it. Runs in the caller's transaction.
 */
export async function relinkNurtureLeads(ctx: RequestContext, fromIds: readonly string[], toId: string): Promise<MovedNurture> {
  const result: MovedNurture = { enrollments: [], endedEnrollments: [], history: [] };
  if (fromIds.length === 0) return result;
  const exec = executor(ctx);
  const from = [...fromIds];
  const active = await exec
    .select({ id: nurtureEnrollments.id, leadId: nurtureEnrollments.leadId, programId: nurtureEnrollments.programId })
    .from(nurtureEnrollments)
    .where(and(eq(nurtureEnrollments.tenantId, ctx.tenantId), inArray(nurtureEnrollments.leadId, [...from, toId]), eq(nurtureEnrollments.status, 'active')))
    .orderBy(asc(nurtureEnrollments.createdAt), asc(nurtureEnrollments.id))
    .for('update');
  const programs = new Set(active.filter((e) => e.leadId === toId).map((e) => e.programId));
  for (const enrollment of active) {
    if (enrollment.leadId === toId) continue;
    if (programs.has(enrollment.programId)) {
      await exitEnrollments(ctx, { enrollmentId: enrollment.id }, 'merged');
      result.endedEnrollments.push(enrollment.id);
      continue;
    }
    await exec
      .update(nurtureEnrollments)
      .set({ leadId: toId, version: sql`${nurtureEnrollments.version} + 1`, updatedAt: new Date() })
      .where(and(eq(nurtureEnrollments.tenantId, ctx.tenantId), eq(nurtureEnrollments.id, enrollment.id)));
    programs.add(enrollment.programId);
    result.enrollments.push(enrollment.id);
  }
  for (const table of [nurtureEnrollments, nurtureMessages, nurtureEngagements, emailSuppressions]) {
    const moved = await exec
      .update(table)
      .set({ leadId: toId })
      .where(and(eq(table.tenantId, ctx.tenantId), inArray(table.leadId, from)))
      .returning({ id: table.id });
    result.history.push(...moved.map((r) => r.id));
  }
  return result;
}
