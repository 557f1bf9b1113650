import { and, eq, inArray } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { effectivePermissions } from '../../platform/access/permissions.js';
import { AppError } from '../../platform/http/errors.js';
import { roles, teams, users } from '../../platform/tenancy/tenancy.schema.js';
import { isOpen } from '../leads/lead-lifecycle.js';
import { countsAsOpenLead } from '../leads/lead-reports.service.js';
import { assignLeads, leadsById, leadStore, queueLeadsForRouting, rejectingActors, type Lead } from '../leads/leads.service.js';
import type { AssignmentCriteria, AssignmentStrategy } from './assignment-criteria.js';
import { teamMembers, toCandidate } from './assignment-members.service.js';
import { orderedRules, toRoutingRules } from './assignment-rules.service.js';
import { assignmentPointers, assignmentRules } from './assignment.schema.js';
import { pickAssignee, type Candidate } from './pick-assignee.js';
import { routeLead, type RouteDecision, type RoutableLead, type RoutingRule } from './route-lead.js';

/** Why a lead went to the manual routing queue instead of a rep. */
export type QueueReason = 'no_rule_matched' | 'rule_targets_queue' | 'no_available_member';

export interface RouteOutcome {
  outcome: 'assigned' | 'queued';
  decision: RouteDecision;
  ownerId: string | null;
  queueReason: QueueReason | null;
  lead: Lead;
}

export const routableFacts = (lead: Lead): RoutableLead => ({
  headcount: lead.headcount,
  registeredCapital: lead.registeredCapital,
  productInterest: lead.productInterest,
  region: lead.region,
  province: lead.province,
  source: lead.source,
  industry: lead.industry,
  score: lead.score,
  grade: lead.grade,
});

/**
 * Runs the tenant's rules on one lead now and acts on the result: the matching team's next rep
 * (round robin or least loaded, honouring capacity and absence) gets it, or it goes to the
 * manual routing queue. Reps who rejected the lead before are passed over.
 *
 * Concurrency: the team's pointer row is locked before open leads are counted, so two leads of
 * one team are assigned one after the other and each sees the other's count.
 */
export async function routeAndAssign(ctx: RequestContext, leadId: string): Promise<RouteOutcome> {
  const [outcome] = await routeAndAssignMany(ctx, [leadId]);
  return outcome;
}

/**
 * routeAndAssign for many leads, in order, in one transaction (an import's chunk): the rules
 * read once; each team's pointer locked and its members counted once; every pick made in memory
 * exactly as one lead after another would (a pick moves the pointer and the open-lead counts);
 * then the assignments, the queued leads and each team's pointer written in one statement each.
 */
export function routeAndAssignMany(ctx: RequestContext, leadIds: readonly string[]): Promise<RouteOutcome[]> {
  return inTransaction(ctx, async (ctx) => {
    requireLevel(ctx, 'assignment_rules', 'read');
    const leads = await leadsById(ctx, leadIds);
    for (const lead of leads) {
      if (!isOpen(lead.status)) throw new AppError(409, 'LEAD_NOT_ROUTABLE', { status: lead.status }, { status: lead.status });
    }
    const rules = toRoutingRules(await orderedRules(ctx));
    const decisions = leads.map((lead) => routeLead(rules, routableFacts(lead)));
    const teamIds = [...new Set(decisions.flatMap((d) => (d.queue ? [] : [d.teamId])))];
    const pointers = new Map<string, string | null>();
    const members = new Map<string, Candidate[]>();
    for (const teamId of teamIds) {
      pointers.set(teamId, await lockPointer(ctx, teamId));
      members.set(teamId, (await teamMembers(ctx, teamId)).map(toCandidate));
    }
    // One count per person, whichever rotations they are in, moved as leads change hands.
    const openLeads = new Map([...members.values()].flat().map((c) => [c.userId, c.openLeads]));
    const move = (from: string | null, to: string | null, status: string) => {
      if (!countsAsOpenLead(status)) return;
      if (from && openLeads.has(from)) openLeads.set(from, openLeads.get(from)! - 1);
      if (to && openLeads.has(to)) openLeads.set(to, openLeads.get(to)! + 1);
    };
    const rejected = await rejectingActors(ctx, leadIds);
    const now = new Date();
    const plans = leads.map((lead, i) => {
      const decision = decisions[i];
      if (decision.queue) {
        move(lead.ownerId, null, lead.status);
        return { lead, decision, ownerId: null, queueReason: decision.reason as QueueReason };
      }
      const candidates = members.get(decision.teamId)!.map((c) => ({ ...c, openLeads: openLeads.get(c.userId)! }));
      const ownerId = pickAssignee(candidates, decision.strategy, { now, lastUserId: pointers.get(decision.teamId)!, exclude: rejected.get(lead.id) });
      move(lead.ownerId, ownerId, lead.status);
      if (ownerId) pointers.set(decision.teamId, ownerId);
      return { lead, decision, ownerId, queueReason: ownerId ? null : ('no_available_member' as const) };
    });

    const queued = plans.filter((p) => p.ownerId === null);
    const assigned = plans.filter((p) => p.ownerId !== null);
    const written = new Map<string, Lead>();
    for (const lead of await queueLeadsForRouting(ctx, queued.map((p) => ({ id: p.lead.id, reason: p.queueReason!, ...(p.decision.teamId ? { teamId: p.decision.teamId } : {}) })))) {
      written.set(lead.id, lead);
    }
    for (const lead of await assignLeads(ctx, assigned.map((p) => ({ id: p.lead.id, ownerId: p.ownerId, teamId: p.decision.teamId, reason: p.decision.ruleName })))) {
      written.set(lead.id, lead);
    }
    for (const teamId of new Set(assigned.map((p) => p.decision.teamId!))) {
      await executor(ctx)
        .update(assignmentPointers)
        .set({ lastUserId: pointers.get(teamId), updatedAt: new Date() })
        .where(and(eq(assignmentPointers.tenantId, ctx.tenantId), eq(assignmentPointers.teamId, teamId)));
    }
    return plans.map((p) => ({
      outcome: p.ownerId ? ('assigned' as const) : ('queued' as const),
      decision: p.decision,
      ownerId: p.ownerId,
      queueReason: p.queueReason,
      lead: written.get(p.lead.id)!,
    }));
  });
}

/** Locks the team's round-robin pointer (creating it) and returns who got the previous lead. */
async function lockPointer(ctx: RequestContext, teamId: string): Promise<string | null> {
  const exec = executor(ctx);
  await exec.insert(assignmentPointers).values({ tenantId: ctx.tenantId, teamId }).onConflictDoNothing();
  const [row] = await exec
    .select({ lastUserId: assignmentPointers.lastUserId })
    .from(assignmentPointers)
    .where(and(eq(assignmentPointers.tenantId, ctx.tenantId), eq(assignmentPointers.teamId, teamId)))
    .for('update');
  return row?.lastUserId ?? null;
}

/**
 * A lead just became an MQL: route it. Left alone: when the tenant has no active rule (routing
 * is not set up), when someone assigned it since or it moved on, and when it already sits with
 * sales — its owner's role sees only their own or their team's leads (a rep's self-sourced lead).
 * Runs as the system, from the `leads.promote` event.
 */
export async function autoAssignPromoted(ctx: RequestContext, leadId: string, promotedAt: Date): Promise<RouteOutcome | null> {
  const [outcome] = await autoAssignPromotedMany(ctx, [leadId], promotedAt);
  return outcome ?? null;
}

/** autoAssignPromoted for leads promoted together (an import's chunk), routed together in order. */
export function autoAssignPromotedMany(ctx: RequestContext, leadIds: readonly string[], promotedAt: Date): Promise<RouteOutcome[]> {
  return inTransaction(ctx, async (ctx) => {
    if (leadIds.length === 0) return [];
    const found = new Map((await leadStore.getMany(ctx, [...leadIds])).map((l) => [l.id, l]));
    const promoted = leadIds.flatMap((id) => {
      const lead = found.get(id);
      if (!lead || lead.status !== 'mql') return [];
      return lead.assignedAt && new Date(lead.assignedAt) >= promotedAt ? [] : [lead];
    });
    if (promoted.length === 0 || !(await hasActiveRule(ctx))) return [];
    const withSales = new Map<string, boolean>();
    const routable: string[] = [];
    for (const lead of promoted) {
      if (lead.ownerId && !withSales.has(lead.ownerId)) withSales.set(lead.ownerId, await isWithSales(ctx, lead.ownerId));
      if (!lead.ownerId || !withSales.get(lead.ownerId)) routable.push(lead.id);
    }
    return routeAndAssignMany(ctx, routable);
  });
}

async function hasActiveRule(ctx: RequestContext): Promise<boolean> {
  const rows = await executor(ctx)
    .select({ id: assignmentRules.id })
    .from(assignmentRules)
    .where(and(eq(assignmentRules.tenantId, ctx.tenantId), eq(assignmentRules.active, true)))
    .limit(1);
  return rows.length > 0;
}

/** The user is an active seller: their role reads leads at `own` or `team` level. */
async function isWithSales(ctx: RequestContext, userId: string): Promise<boolean> {
  const [row] = await executor(ctx)
    .select({ active: users.active, roleKey: roles.key, permissions: roles.permissions })
    .from(users)
    .innerJoin(roles, and(eq(roles.tenantId, users.tenantId), eq(roles.id, users.roleId)))
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
  const level = row ? effectivePermissions(row.roleKey, row.permissions).leads?.read : undefined;
  return Boolean(row?.active) && (level === 'own' || level === 'team');
}

export interface DraftRule {
  id?: string;
  name: string;
  active?: boolean;
  criteria: AssignmentCriteria;
  teamId: string | null;
  strategy?: AssignmentStrategy;
}

export interface PreviewRow {
  leadId: string;
  leadName: string;
  company: string | null;
  ruleId: string | null;
  ruleName: string | null;
  teamId: string | null;
  teamName: string | null;
  queue: 'routing' | null;
  reason: RouteDecision['reason'];
  matched: string[];
}

export const PREVIEW_LIMIT = 200;

/**
 * Where each lead would go under the saved rules, or under a draft rule set, without changing
 * anything. Without lead ids: the leads waiting in the routing queue (up to 200).
 */
export async function previewRouting(ctx: RequestContext, input: { leadIds?: string[]; rules?: DraftRule[] }) {
  requireLevel(ctx, 'assignment_rules', 'read');
  const rules: RoutingRule[] = input.rules
    ? input.rules.map((r, i) => ({
        id: r.id ?? `draft-${i + 1}`,
        name: r.name,
        active: r.active ?? true,
        criteria: r.criteria,
        teamId: r.teamId,
        strategy: r.strategy ?? 'round_robin',
      }))
    : toRoutingRules(await orderedRules(ctx));
  const leads = input.leadIds
    ? await leadStore.getMany(ctx, input.leadIds)
    : (await leadStore.list(ctx, { filters: { inRoutingQueue: 'true' }, sort: 'statusChangedAt', limit: PREVIEW_LIMIT })).data;
  const decisions = leads.map((lead) => ({ lead, decision: routeLead(rules, routableFacts(lead)) }));
  const names = await teamNames(ctx, decisions.map((d) => d.decision.teamId).filter((id): id is string => id !== null));
  const data: PreviewRow[] = decisions.map(({ lead, decision }) => ({
    leadId: lead.id,
    leadName: lead.name,
    company: lead.company,
    ruleId: decision.ruleId,
    ruleName: decision.ruleName,
    teamId: decision.teamId,
    teamName: decision.teamId ? (names.get(decision.teamId) ?? null) : null,
    queue: decision.queue,
    reason: decision.reason,
    matched: decision.matched,
  }));
  const summary = new Map<string, { teamId: string | null; teamName: string | null; queue: 'routing' | null; count: number }>();
  for (const row of data) {
    const key = row.teamId ?? 'queue';
    const entry = summary.get(key) ?? { teamId: row.teamId, teamName: row.teamName, queue: row.queue, count: 0 };
    entry.count += 1;
    summary.set(key, entry);
  }
  return { data, summary: [...summary.values()].sort((a, b) => b.count - a.count) };
}

async function teamNames(ctx: RequestContext, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await executor(ctx)
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.tenantId, ctx.tenantId), inArray(teams.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
