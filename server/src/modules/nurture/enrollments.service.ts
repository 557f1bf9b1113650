import { and, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import type { Executor } from '../../platform/db/client.js';
import { uuidv7, UUID_RE } from '../../platform/db/ids.js';
import { publishEvent, publishEvents, type EventInput } from '../../platform/events/publish.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { enqueueMany } from '../../platform/jobs/enqueue.js';
import { leadStore, type Lead } from '../leads/leads.service.js';
import { exitReasonFor, type ExitReason } from './nurture-program.js';
import './nurture.messages.js';
import {
  nurtureEngagements, nurtureEnrollments, nurtureMessages, nurturePrograms, type EnrollmentStatus,
} from './nurture.schema.js';
import { suppressionsFor } from './suppressions.service.js';

export const STEP_JOB = 'nurture.step';

export interface StepJobPayload {
  tenantId: string;
  enrollmentId: string;
  tick: number;
}

export interface Enrollment {
  id: string;
  programId: string;
  leadId: string;
  leadName: string | null;
  leadEmail: string | null;
  leadCompany: string | null;
  status: EnrollmentStatus;
  currentStep: number;
  nextRunAt: string | null;
  lastStepAt: string | null;
  source: 'manual' | 'rule';
  exitReason: string | null;
  createdAt: string;
  endedAt: string | null;
  version: number;
}

type EnrollmentRow = typeof nurtureEnrollments.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toApi(row: EnrollmentRow, lead: Lead | undefined): Enrollment {
  return {
    id: row.id,
    programId: row.programId,
    leadId: row.leadId,
    leadName: lead?.name ?? null,
    leadEmail: lead?.email ?? null,
    leadCompany: lead?.company ?? null,
    status: row.status,
    currentStep: row.currentStep,
    nextRunAt: iso(row.nextRunAt),
    lastStepAt: iso(row.lastStepAt),
    source: row.source,
    exitReason: row.exitReason,
    createdAt: row.createdAt.toISOString(),
    endedAt: iso(row.endedAt),
    version: row.version,
  };
}

/** Queues the step jobs of enrolments whose `tick` was just bumped; the unique key makes a repeat harmless. */
export function queueSteps(exec: Executor, tenantId: string, steps: { id: string; tick: number; runAt: Date }[]) {
  return enqueueMany(
    exec,
    steps.map((s) => ({
      type: STEP_JOB,
      tenantId,
      payload: { tenantId, enrollmentId: s.id, tick: s.tick } satisfies StepJobPayload,
      runAt: s.runAt,
      uniqueKey: `${STEP_JOB}:${s.id}:${s.tick}`,
    })),
  );
}

/** A program row of the caller's tenant (the caller's right on programs is checked by the callers). */
async function programRow(ctx: RequestContext, programId: string) {
  if (!UUID_RE.test(programId)) throw notFound();
  const [row] = await executor(ctx)
    .select()
    .from(nurturePrograms)
    .where(and(eq(nurturePrograms.tenantId, ctx.tenantId), eq(nurturePrograms.id, programId)));
  if (!row) throw notFound();
  return row;
}

export type SkipReason = 'not_found' | 'already_enrolled' | ExitReason;

export interface EnrollResult {
  enrolled: { leadId: string; enrollmentId: string }[];
  skipped: { leadId: string; reason: SkipReason }[];
}

/**
 * Enrols leads in a program: by hand (the caller must see each lead) or by its rule (system).
 * A lead already active in the program, or one that would leave at once (converted, do not
 * contact, suppressed or no address), is skipped with the reason. The first step runs at
 * once; in a paused program it waits for the program to resume.
 */
export function enrollLeads(ctx: RequestContext, programId: string, leadIds: string[], source: 'manual' | 'rule' = 'manual'): Promise<EnrollResult> {
  requireLevel(ctx, 'nurture_programs', 'update');
  return inTransaction(ctx, async (ctx) => {
    const program = await programRow(ctx, programId);
    if (program.status !== 'active' && program.status !== 'paused') {
      throw new AppError(409, 'NURTURE_PROGRAM_NOT_RUNNING', { status: program.status }, { status: program.status });
    }
    const ids = [...new Set(leadIds)];
    const leads = await leadStore.getMany(ctx, ids.filter((id) => UUID_RE.test(id)));
    const byId = new Map(leads.map((l) => [l.id, l]));
    const suppressed = await suppressionsFor(ctx, leads.map((l) => l.email));
    const result: EnrollResult = { enrolled: [], skipped: [] };
    const candidates: Lead[] = [];
    for (const id of ids) {
      const lead = byId.get(id);
      const reason = lead ? exitReasonFor(lead, lead.email ? (suppressed.get(lead.email) ?? null) : null) : 'not_found';
      if (reason) result.skipped.push({ leadId: id, reason });
      else candidates.push(lead!);
    }
    if (candidates.length === 0) return result;
    const running = program.status === 'active';
    const now = new Date();
    const inserted = await executor(ctx)
      .insert(nurtureEnrollments)
      .values(candidates.map((lead) => ({
        tenantId: ctx.tenantId,
        id: uuidv7(),
        programId,
        leadId: lead.id,
        source,
        enrolledBy: ctx.actor.userId,
        tick: running ? 1 : 0,
        nextRunAt: running ? now : null,
      })))
      .onConflictDoNothing()
      .returning({ id: nurtureEnrollments.id, leadId: nurtureEnrollments.leadId });
    const created = new Map(inserted.map((r) => [r.leadId, r.id]));
    for (const lead of candidates) {
      const enrollmentId = created.get(lead.id);
      if (!enrollmentId) {
        result.skipped.push({ leadId: lead.id, reason: 'already_enrolled' });
        continue;
      }
      result.enrolled.push({ leadId: lead.id, enrollmentId });
      await publishEvent(ctx, {
        type: 'nurture.enrolled',
        object: 'leads',
        recordId: lead.id,
        payload: { leadId: lead.id, programId, enrollmentId, source },
      });
    }
    if (running) await queueSteps(executor(ctx), ctx.tenantId, inserted.map((r) => ({ id: r.id, tick: 1, runAt: now })));
    return result;
  });
}

/**
 * Ends the active enrolments matching `where` (one enrolment, a lead's, many leads', or a
 * program's) with a reason; their pending step jobs become stale. Returns how many ended.
 */
export async function exitEnrollments(
  ctx: RequestContext,
  where: { enrollmentId?: string; leadId?: string; leadIds?: readonly string[]; programId?: string },
  reason: ExitReason,
): Promise<number> {
  if (where.leadIds?.length === 0) return 0;
  const conditions: SQL[] = [eq(nurtureEnrollments.tenantId, ctx.tenantId), eq(nurtureEnrollments.status, 'active')];
  if (where.enrollmentId) conditions.push(eq(nurtureEnrollments.id, where.enrollmentId));
  if (where.leadId) conditions.push(eq(nurtureEnrollments.leadId, where.leadId));
  if (where.leadIds) conditions.push(inArray(nurtureEnrollments.leadId, [...where.leadIds]));
  if (where.programId) conditions.push(eq(nurtureEnrollments.programId, where.programId));
  return inTransaction(ctx, async (ctx) => {
    const ended = await executor(ctx)
      .update(nurtureEnrollments)
      .set(endValues('exited', reason))
      .where(and(...conditions))
      .returning();
    await publishEvents(ctx, ended.map(endedEvent));
    return ended.length;
  });
}

/** Column values that end an enrolment. */
export function endValues(status: 'completed' | 'exited', reason: ExitReason | null) {
  const now = new Date();
  return {
    status,
    exitReason: reason,
    endedAt: now,
    nextRunAt: null,
    tick: sql`${nurtureEnrollments.tick} + 1`,
    version: sql`${nurtureEnrollments.version} + 1`,
    updatedAt: now,
  };
}

function endedEvent(row: EnrollmentRow): EventInput {
  return {
    type: row.status === 'completed' ? 'nurture.completed' : 'nurture.exited',
    object: 'leads',
    recordId: row.leadId,
    payload: { leadId: row.leadId, programId: row.programId, enrollmentId: row.id, reason: row.exitReason },
  };
}

export async function publishEnded(ctx: RequestContext, row: EnrollmentRow) {
  await publishEvent(ctx, endedEvent(row));
}

/** A person takes a lead out of a program. */
export async function exitEnrollmentByHand(ctx: RequestContext, programId: string, enrollmentId: string): Promise<Enrollment> {
  requireLevel(ctx, 'nurture_programs', 'update');
  if (!UUID_RE.test(enrollmentId)) throw notFound();
  return inTransaction(ctx, async (ctx) => {
    await programRow(ctx, programId);
    const [row] = await executor(ctx)
      .select()
      .from(nurtureEnrollments)
      .where(and(eq(nurtureEnrollments.tenantId, ctx.tenantId), eq(nurtureEnrollments.programId, programId), eq(nurtureEnrollments.id, enrollmentId)));
    if (!row) throw notFound();
    if (row.status !== 'active') throw new AppError(409, 'NURTURE_ENROLLMENT_ENDED');
    await exitEnrollments(ctx, { enrollmentId }, 'manual');
    return (await enrollmentsById(ctx, [enrollmentId]))[0];
  });
}

/** Restarts the enrolments parked while their program was paused. */
export async function resumeParkedEnrollments(ctx: RequestContext, programId: string): Promise<number> {
  const now = new Date();
  const rows = await executor(ctx)
    .update(nurtureEnrollments)
    .set({ tick: sql`${nurtureEnrollments.tick} + 1`, nextRunAt: now })
    .where(and(
      eq(nurtureEnrollments.tenantId, ctx.tenantId),
      eq(nurtureEnrollments.programId, programId),
      eq(nurtureEnrollments.status, 'active'),
      isNull(nurtureEnrollments.nextRunAt),
    ))
    .returning({ id: nurtureEnrollments.id, tick: nurtureEnrollments.tick });
  await queueSteps(executor(ctx), ctx.tenantId, rows.map((r) => ({ ...r, runAt: now })));
  return rows.length;
}

async function withLeads(ctx: RequestContext, rows: EnrollmentRow[]): Promise<Enrollment[]> {
  // Names only of the leads the caller may see.
  const leads = await leadStore.getMany(ctx, [...new Set(rows.map((r) => r.leadId))]);
  const byId = new Map(leads.map((l) => [l.id, l]));
  return rows.map((r) => toApi(r, byId.get(r.leadId)));
}

async function enrollmentsById(ctx: RequestContext, ids: string[]): Promise<Enrollment[]> {
  const rows = await executor(ctx)
    .select()
    .from(nurtureEnrollments)
    .where(and(eq(nurtureEnrollments.tenantId, ctx.tenantId), inArray(nurtureEnrollments.id, ids)));
  return withLeads(ctx, rows);
}

/** A program's enrolments, newest first, optionally of one status. */
export async function listEnrollments(
  ctx: RequestContext,
  programId: string,
  query: { status?: string; limit?: number; cursor?: string },
): Promise<{ data: Enrollment[]; nextCursor: string | null }> {
  requireLevel(ctx, 'nurture_programs', 'read');
  await programRow(ctx, programId);
  if (query.cursor !== undefined && !UUID_RE.test(query.cursor)) throw new AppError(400, 'INVALID_CURSOR');
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const rows = await executor(ctx)
    .select()
    .from(nurtureEnrollments)
    .where(and(
      eq(nurtureEnrollments.tenantId, ctx.tenantId),
      eq(nurtureEnrollments.programId, programId),
      query.status ? eq(nurtureEnrollments.status, query.status as EnrollmentStatus) : undefined,
      query.cursor ? lt(nurtureEnrollments.id, query.cursor) : undefined,
    ))
    .orderBy(desc(nurtureEnrollments.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: await withLeads(ctx, page), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

/** Everything nurture knows about one lead the caller can see: programs, e-mails, engagement, suppression. */
export async function leadNurtureSummary(ctx: RequestContext, leadId: string) {
  const lead = await leadStore.get(ctx, leadId);
  const exec = executor(ctx);
  const enrollments = await exec
    .select({ row: nurtureEnrollments, programName: nurturePrograms.name })
    .from(nurtureEnrollments)
    .innerJoin(nurturePrograms, and(eq(nurturePrograms.tenantId, nurtureEnrollments.tenantId), eq(nurturePrograms.id, nurtureEnrollments.programId)))
    .where(and(eq(nurtureEnrollments.tenantId, ctx.tenantId), eq(nurtureEnrollments.leadId, leadId)))
    .orderBy(desc(nurtureEnrollments.id))
    .limit(50);
  const messages = await exec
    .select({
      id: nurtureMessages.id,
      programId: nurtureMessages.programId,
      subject: nurtureMessages.subject,
      toAddress: nurtureMessages.toAddress,
      status: nurtureMessages.status,
      lastError: nurtureMessages.lastError,
      sentAt: nurtureMessages.sentAt,
      openedAt: nurtureMessages.openedAt,
      openCount: nurtureMessages.openCount,
      clickedAt: nurtureMessages.clickedAt,
      clickCount: nurtureMessages.clickCount,
      createdAt: nurtureMessages.createdAt,
    })
    .from(nurtureMessages)
    .where(and(eq(nurtureMessages.tenantId, ctx.tenantId), eq(nurtureMessages.leadId, leadId)))
    .orderBy(desc(nurtureMessages.id))
    .limit(50);
  const engagements = await exec
    .select({
      id: nurtureEngagements.id,
      kind: nurtureEngagements.kind,
      url: nurtureEngagements.url,
      dwellSeconds: nurtureEngagements.dwellSeconds,
      messageId: nurtureEngagements.messageId,
      at: nurtureEngagements.at,
    })
    .from(nurtureEngagements)
    .where(and(eq(nurtureEngagements.tenantId, ctx.tenantId), eq(nurtureEngagements.leadId, leadId)))
    .orderBy(desc(nurtureEngagements.at), desc(nurtureEngagements.id))
    .limit(100);
  const suppression = lead.email ? ((await suppressionsFor(ctx, [lead.email])).get(lead.email) ?? null) : null;
  return {
    leadId,
    suppression,
    enrollments: enrollments.map(({ row, programName }) => ({ ...toApi(row, lead), programName })),
    messages: messages.map((m) => ({
      ...m,
      sentAt: iso(m.sentAt),
      openedAt: iso(m.openedAt),
      clickedAt: iso(m.clickedAt),
      createdAt: m.createdAt.toISOString(),
    })),
    engagements: engagements.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
