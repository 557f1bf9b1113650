import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import type { Executor } from '../../platform/db/client.js';
import { enqueueMany } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { schedule } from '../../platform/jobs/schedules.js';
import { listLeadsMatching, type Lead, type LeadCriteria } from '../leads/leads.service.js';
import { enrollLeads } from './enrollments.service.js';
import type { EnrollmentRule } from './nurture-program.js';
import { nurtureEngagements, nurtureEnrollments, nurturePrograms } from './nurture.schema.js';
import { inactiveSince, poolCriteria, type PoolThresholds } from './pools.js';
import { ENROLL_PROGRAM_JOB, RULE_STATUSES } from './programs.service.js';
import { poolThresholds } from './settings.service.js';

/*
 * Enrolment by rule: an active program with a rule takes in the leads that match it — on
 * activation, every 15 minutes, and when a lead changes (`leads.updated`,
 * `leads.return-to-nurture`). A lead enters a program's rule once per status: after it left
 * (or completed) the program it comes back only when its status changed since, e.g. when sales
 * returned it to nurture.
 */

const PAGE = 200;
const ENROLL_ALL_JOB = 'nurture.enroll_by_rule';
const SCHEDULE = 'nurture.enroll_by_rule';

/** The leads with an open, click or visit since `since`: what keeps a lead warm. */
export async function engagedLeadIds(ctx: RequestContext, since: Date, onlyLeadIds?: string[]): Promise<string[]> {
  const rows = await executor(ctx)
    .selectDistinct({ leadId: nurtureEngagements.leadId })
    .from(nurtureEngagements)
    .where(and(
      eq(nurtureEngagements.tenantId, ctx.tenantId),
      inArray(nurtureEngagements.kind, ['open', 'click', 'visit']),
      gte(nurtureEngagements.at, since),
      onlyLeadIds ? inArray(nurtureEngagements.leadId, onlyLeadIds) : undefined,
    ));
  return rows.map((r) => r.leadId);
}

/** A rule as a lead selection: only leads marketing owns, with an address and no do-not-contact. */
export function ruleCriteria(rule: EnrollmentRule, t: PoolThresholds, now: Date, engagedIds: string[]): LeadCriteria {
  return {
    statuses: rule.statuses?.length ? rule.statuses : RULE_STATUSES,
    grades: rule.grades,
    sources: rule.sources,
    industries: rule.industries,
    minScore: rule.minScore,
    maxScore: rule.maxScore,
    hasEmail: true,
    doNotContact: false,
    anyOf: rule.pools?.length ? rule.pools.map((pool) => poolCriteria(pool, t, now, engagedIds)) : undefined,
  };
}

/** Leads of `leads` that may (re-)enter the program: no enrolment there since their last status change. */
async function newcomers(ctx: RequestContext, programId: string, leads: Lead[]): Promise<string[]> {
  if (leads.length === 0) return [];
  const rows = await executor(ctx)
    .select({ leadId: nurtureEnrollments.leadId, last: sql<Date>`max(${nurtureEnrollments.createdAt})`, active: sql<boolean>`bool_or(${nurtureEnrollments.status} = 'active')` })
    .from(nurtureEnrollments)
    .where(and(
      eq(nurtureEnrollments.tenantId, ctx.tenantId),
      eq(nurtureEnrollments.programId, programId),
      inArray(nurtureEnrollments.leadId, leads.map((l) => l.id)),
    ))
    .groupBy(nurtureEnrollments.leadId);
  const previous = new Map(rows.map((r) => [r.leadId, r]));
  return leads
    .filter((lead) => {
      const p = previous.get(lead.id);
      return !p || (!p.active && new Date(p.last) < new Date(lead.statusChangedAt));
    })
    .map((l) => l.id);
}

async function ruleContext(ctx: RequestContext, onlyLeadIds?: string[]) {
  const thresholds = await poolThresholds(ctx);
  const now = new Date();
  return { thresholds, now, engaged: await engagedLeadIds(ctx, inactiveSince(now, thresholds), onlyLeadIds) };
}

/** Enrols the newcomers among the leads matching `criteria` in the program, a page at a time. Returns how many. */
async function enrollMatching(ctx: RequestContext, programId: string, criteria: LeadCriteria): Promise<number> {
  let enrolled = 0;
  let cursor: string | undefined;
  do {
    const page = await listLeadsMatching(ctx, criteria, { limit: PAGE, cursor, sort: 'createdAt' });
    const ids = await newcomers(ctx, programId, page.data);
    if (ids.length > 0) enrolled += (await enrollLeads(ctx, programId, ids, 'rule')).enrolled.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return enrolled;
}

/** Runs one program's rule over the whole tenant, a page at a time. Returns how many were enrolled. */
export async function runProgramRule(ctx: RequestContext, programId: string): Promise<number> {
  const [program] = await executor(ctx)
    .select()
    .from(nurturePrograms)
    .where(and(eq(nurturePrograms.tenantId, ctx.tenantId), eq(nurturePrograms.id, programId)));
  if (!program || program.status !== 'active' || !program.enrollmentRule) return 0;
  const { thresholds, now, engaged } = await ruleContext(ctx);
  return enrollMatching(ctx, programId, ruleCriteria(program.enrollmentRule, thresholds, now, engaged));
}

/** Checks these leads against every active rule of their tenant (after they changed), a few statements a program. */
export async function runRulesForLeads(ctx: RequestContext, leadIds: string[]): Promise<number> {
  if (leadIds.length === 0) return 0;
  const programs = await executor(ctx)
    .select()
    .from(nurturePrograms)
    .where(and(eq(nurturePrograms.tenantId, ctx.tenantId), eq(nurturePrograms.status, 'active'), isNotNull(nurturePrograms.enrollmentRule)));
  if (programs.length === 0) return 0;
  const { thresholds, now, engaged } = await ruleContext(ctx, leadIds);
  let enrolled = 0;
  for (const program of programs) {
    enrolled += await enrollMatching(ctx, program.id, { ...ruleCriteria(program.enrollmentRule!, thresholds, now, engaged), ids: leadIds });
  }
  return enrolled;
}

export const enrollProgramJob = defineJob<{ tenantId: string; programId: string }>(ENROLL_PROGRAM_JOB, async (payload, { db }) => {
  await runProgramRule(systemContext(db, payload.tenantId, 'nurture'), payload.programId);
});

/** Every 15 minutes: one rule run per active program with a rule, in every tenant. */
export const enrollAllJob = defineJob<Record<string, never>>(ENROLL_ALL_JOB, async (_payload, { db, job }) => {
  const programs = await db
    .select({ tenantId: nurturePrograms.tenantId, id: nurturePrograms.id })
    .from(nurturePrograms)
    .where(and(eq(nurturePrograms.status, 'active'), isNotNull(nurturePrograms.enrollmentRule)));
  await enqueueMany(
    db,
    programs.map((p) => ({
      type: ENROLL_PROGRAM_JOB,
      tenantId: p.tenantId,
      payload: { tenantId: p.tenantId, programId: p.id },
      uniqueKey: `${ENROLL_PROGRAM_JOB}:${p.id}:${job.id}`,
    })),
  );
});

/** Installs the recurring rule run (idempotent: run on every start). */
export const scheduleNurtureJobs = (exec: Executor) =>
  schedule(exec, { name: SCHEDULE, cron: '*/15 * * * *', type: ENROLL_ALL_JOB, payload: {} });

