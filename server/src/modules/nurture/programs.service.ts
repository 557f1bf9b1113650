import { and, eq, inArray, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import { AppError, ValidationError, type FieldError } from '../../platform/http/errors.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { exitEnrollments, resumeParkedEnrollments } from './enrollments.service.js';
import { templateIdsOf, validateSteps, type EnrollmentRule, type NurtureStep } from './nurture-program.js';
import './nurture.messages.js';
import { emailTemplates, nurtureEnrollments, nurtureMessages, nurturePrograms, type ProgramStatus } from './nurture.schema.js';

export interface ProgramStats {
  active: number;
  completed: number;
  exited: number;
  sent: number;
  opened: number;
  clicked: number;
}

export interface NurtureProgram extends ApiRecord {
  name: string;
  description: string | null;
  status: ProgramStatus;
  steps: NurtureStep[];
  enrollmentRule: EnrollmentRule | null;
  createdBy: string | null;
  stats?: ProgramStats;
}

/** Statuses a rule may pick leads in: those marketing still owns. */
export const RULE_STATUSES = ['new', 'mql', 'recycled'];

export const ENROLL_PROGRAM_JOB = 'nurture.enroll_program';

export const programStore = new RecordStore<NurtureProgram>({
  object: 'nurture_programs',
  table: nurturePrograms,
  sortable: { createdAt: nurturePrograms.createdAt, updatedAt: nurturePrograms.updatedAt, name: nurturePrograms.name },
  defaultSort: '-createdAt',
  filters: { status: nurturePrograms.status },
  searchColumns: [nurturePrograms.name, nurturePrograms.description],
  toApi: (r) => ({
    name: r.name as string,
    description: (r.description as string | null) ?? null,
    status: r.status as ProgramStatus,
    steps: (r.steps as NurtureStep[]) ?? [],
    enrollmentRule: (r.enrollmentRule as EnrollmentRule | null) ?? null,
    createdBy: (r.createdBy as string | null) ?? null,
  }),
  toColumns: (input) => ({
    name: trimmedOrNull(input.name),
    description: trimmedOrNull(input.description),
    status: input.status,
    steps: input.steps,
    enrollmentRule: input.enrollmentRule,
    createdBy: input.createdBy,
  }),
  validate: validateProgram,
  decorate: addStats,
});

registerRecordType('nurture_programs', {
  store: programStore,
  describe: (p) => ({ title: p.name, subtitle: p.status }),
});

async function validateProgram(ctx: RequestContext, next: Record<string, unknown>, existing?: Record<string, unknown>) {
  const steps = (next.steps as NurtureStep[] | undefined) ?? [];
  const errors: FieldError[] = validateSteps(steps);
  const ids = templateIdsOf(steps).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length > 0) {
    const found = await executor(ctx)
      .select({ id: emailTemplates.id })
      .from(emailTemplates)
      .where(and(eq(emailTemplates.tenantId, ctx.tenantId), inArray(emailTemplates.id, ids)));
    const known = new Set(found.map((r) => r.id));
    steps.forEach((step, i) => {
      if (step.type === 'send_email' && ids.includes(step.templateId) && !known.has(step.templateId)) {
        errors.push({ field: `steps.${i}.templateId`, code: 'NURTURE_TEMPLATE_NOT_FOUND' });
      }
    });
  }
  const rule = next.enrollmentRule as EnrollmentRule | null | undefined;
  if (rule?.statuses?.some((s) => !RULE_STATUSES.includes(s))) {
    errors.push({ field: 'enrollmentRule.statuses', code: 'NURTURE_RULE_STATUS' });
  }
  if (next.status === 'active' && steps.length === 0) errors.push({ field: 'steps', code: 'NURTURE_ACTIVE_NEEDS_STEPS' });
  if (errors.length > 0) throw new ValidationError(errors);
  if (existing?.status === 'archived' && next.status !== 'archived') {
    throw new AppError(409, 'ILLEGAL_TRANSITION', { action: `status → ${String(next.status)}`, status: 'archived' }, { status: 'archived' });
  }
}

/** Enrolment and message counts of a page of programs: two grouped queries. */
async function addStats(ctx: RequestContext, programs: NurtureProgram[]) {
  const ids = programs.map((p) => p.id);
  if (ids.length === 0) return;
  const exec = executor(ctx);
  const enrolled = await exec
    .select({ programId: nurtureEnrollments.programId, status: nurtureEnrollments.status, count: sql<number>`count(*)::int` })
    .from(nurtureEnrollments)
    .where(and(eq(nurtureEnrollments.tenantId, ctx.tenantId), inArray(nurtureEnrollments.programId, ids)))
    .groupBy(nurtureEnrollments.programId, nurtureEnrollments.status);
  const mail = await exec
    .select({
      programId: nurtureMessages.programId,
      sent: sql<number>`count(*) FILTER (WHERE ${nurtureMessages.status} = 'sent')::int`,
      opened: sql<number>`count(*) FILTER (WHERE ${nurtureMessages.openedAt} IS NOT NULL)::int`,
      clicked: sql<number>`count(*) FILTER (WHERE ${nurtureMessages.clickedAt} IS NOT NULL)::int`,
    })
    .from(nurtureMessages)
    .where(and(eq(nurtureMessages.tenantId, ctx.tenantId), inArray(nurtureMessages.programId, ids)))
    .groupBy(nurtureMessages.programId);
  for (const program of programs) {
    const count = (status: string) => Number(enrolled.find((r) => r.programId === program.id && r.status === status)?.count ?? 0);
    const m = mail.find((r) => r.programId === program.id);
    program.stats = {
      active: count('active'),
      completed: count('completed'),
      exited: count('exited'),
      sent: Number(m?.sent ?? 0),
      opened: Number(m?.opened ?? 0),
      clicked: Number(m?.clicked ?? 0),
    };
  }
}

/** Asks for the program's rule to be run now (after activation or a rule change). */
async function requestRuleRun(ctx: RequestContext, program: NurtureProgram) {
  if (program.status !== 'active' || !program.enrollmentRule) return;
  await enqueue(executor(ctx), {
    type: ENROLL_PROGRAM_JOB,
    tenantId: ctx.tenantId,
    payload: { tenantId: ctx.tenantId, programId: program.id },
    uniqueKey: `${ENROLL_PROGRAM_JOB}:${program.id}:v${program.version}`,
  });
}

export function createProgram(ctx: RequestContext, input: Record<string, unknown>): Promise<NurtureProgram> {
  return inTransaction(ctx, async (ctx) => {
    const program = await programStore.create(ctx, { status: 'draft', steps: [], ...input, createdBy: ctx.actor.userId });
    await requestRuleRun(ctx, program);
    return program;
  });
}

/**
 * Edits a program. Activating (or resuming) it restarts the enrolments parked while it was
 * paused and runs its rule; archiving it ends every active enrolment.
 */
export function updateProgram(ctx: RequestContext, id: string, patch: Record<string, unknown>, version?: number): Promise<NurtureProgram> {
  return inTransaction(ctx, async (ctx) => {
    const before = await programStore.get(ctx, id);
    const after = await programStore.update(ctx, id, patch, version);
    if (after.status === 'active' && before.status !== 'active') await resumeParkedEnrollments(ctx, id);
    if (after.status === 'archived' && before.status !== 'archived') await exitEnrollments(ctx, { programId: id }, 'program_archived');
    const ruleChanged = JSON.stringify(before.enrollmentRule) !== JSON.stringify(after.enrollmentRule);
    if (after.status === 'active' && (before.status !== 'active' || ruleChanged)) await requestRuleRun(ctx, after);
    return programStore.get(ctx, id);
  });
}
