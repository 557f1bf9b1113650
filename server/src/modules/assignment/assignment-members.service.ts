import { and, asc, eq, or, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { fieldError, notFound } from '../../platform/http/errors.js';
import { diffRecords } from '../../platform/records/diff.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';
import { openLeadCounts } from '../leads/lead-reports.service.js';
import './assignment.messages.js';
import { assignmentMembers } from './assignment.schema.js';
import { isAvailable, type Candidate } from './pick-assignee.js';

export interface MemberSettings {
  capacity: number | null;
  weight: number;
  absentFrom: string | null;
  absentTo: string | null;
  active: boolean;
}

export interface TeamMember extends MemberSettings {
  teamId: string;
  userId: string;
  userName: string;
  /** The user belongs to the team (rather than being added to its rotation from elsewhere). */
  inTeam: boolean;
  /** Settings were saved for this member; otherwise the defaults apply. */
  customised: boolean;
  /** The user account is active. */
  userActive: boolean;
  version: number | null;
  openLeads: number;
  /** Could take a lead right now. */
  available: boolean;
}

const DEFAULTS: MemberSettings = { capacity: null, weight: 1, absentFrom: null, absentTo: null, active: true };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The people who receive a team's leads, in a stable order (the round-robin order): the team's
 * users, plus users added to the team's rotation, each with their settings and open leads.
 */
export async function teamMembers(ctx: RequestContext, teamId: string, now = new Date()): Promise<TeamMember[]> {
  const m = assignmentMembers;
  const rows = await executor(ctx)
    .select({ user: { id: users.id, name: users.name, teamId: users.teamId, active: users.active }, member: m })
    .from(users)
    .leftJoin(m, and(eq(m.tenantId, users.tenantId), eq(m.teamId, teamId), eq(m.userId, users.id)))
    .where(and(eq(users.tenantId, ctx.tenantId), or(eq(users.teamId, teamId), sql`${m.id} IS NOT NULL`)))
    .orderBy(asc(users.createdAt), asc(users.id));
  const counts = await openLeadCounts(ctx, rows.map((r) => r.user.id));
  return rows.map(({ user, member }) => {
    const settings: MemberSettings = member
      ? { capacity: member.capacity, weight: member.weight, absentFrom: iso(member.absentFrom), absentTo: iso(member.absentTo), active: member.active }
      : DEFAULTS;
    const result: TeamMember = {
      teamId,
      userId: user.id,
      userName: user.name,
      inTeam: user.teamId === teamId,
      customised: member !== null,
      userActive: user.active,
      version: member?.version ?? null,
      ...settings,
      openLeads: counts.get(user.id) ?? 0,
      available: false,
    };
    result.available = isAvailable(toCandidate(result), now);
    return result;
  });
}

export const toCandidate = (m: TeamMember): Candidate => ({
  userId: m.userId,
  active: m.active && m.userActive,
  capacity: m.capacity,
  weight: m.weight,
  absentFrom: m.absentFrom ? new Date(m.absentFrom) : null,
  absentTo: m.absentTo ? new Date(m.absentTo) : null,
  openLeads: m.openLeads,
});

export async function listTeamMembers(ctx: RequestContext, teamId: string): Promise<TeamMember[]> {
  requireLevel(ctx, 'assignment_rules', 'read');
  await requireTeam(ctx, teamId);
  return teamMembers(ctx, teamId);
}

async function requireTeam(ctx: RequestContext, teamId: string) {
  const [team] = await executor(ctx)
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.tenantId, ctx.tenantId), eq(teams.id, teamId)));
  if (!team) throw notFound();
}

/** Saves a member's settings (creating them on first save); audited field by field. */
export function saveMemberSettings(
  ctx: RequestContext,
  teamId: string,
  userId: string,
  patch: Partial<MemberSettings>,
): Promise<TeamMember> {
  requireLevel(ctx, 'assignment_rules', 'update');
  return inTransaction(ctx, async (ctx) => {
    await requireTeam(ctx, teamId);
    const [user] = await executor(ctx)
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
    if (!user) throw notFound();
    const existing = await memberRow(ctx, teamId, userId, true);
    const before: MemberSettings = existing ? settingsOf(existing) : DEFAULTS;
    const normalised = {
      ...patch,
      absentFrom: patch.absentFrom ? new Date(patch.absentFrom).toISOString() : patch.absentFrom,
      absentTo: patch.absentTo ? new Date(patch.absentTo).toISOString() : patch.absentTo,
    };
    const after: MemberSettings = { ...before, ...definedOnly(normalised) };
    if (after.absentFrom && after.absentTo && new Date(after.absentTo) <= new Date(after.absentFrom)) {
      throw fieldError('absentTo', 'ABSENCE_INVALID');
    }
    const values = {
      capacity: after.capacity,
      weight: after.weight,
      absentFrom: after.absentFrom ? new Date(after.absentFrom) : null,
      absentTo: after.absentTo ? new Date(after.absentTo) : null,
      active: after.active,
    };
    const exec = executor(ctx);
    let id: string;
    if (existing) {
      id = existing.id;
      await exec
        .update(assignmentMembers)
        .set({ ...values, version: sql`${assignmentMembers.version} + 1`, updatedAt: new Date() })
        .where(and(eq(assignmentMembers.tenantId, ctx.tenantId), eq(assignmentMembers.id, id)));
    } else {
      id = uuidv7();
      await exec.insert(assignmentMembers).values({ tenantId: ctx.tenantId, id, teamId, userId, ...values });
    }
    const changes = diffRecords(existing ? { teamId, userId, ...before } : null, { teamId, userId, ...after });
    if (Object.keys(changes).length > 0) {
      const verb = existing ? 'updated' : 'created';
      await appendAudit(ctx, { action: existing ? 'update' : 'create', object: 'assignment_members', recordId: id, changes });
      await publishEvent(ctx, {
        type: `assignment_members.${verb}`,
        object: 'assignment_members',
        recordId: id,
        payload: { teamId, userId, changes },
      });
    }
    const member = (await teamMembers(ctx, teamId)).find((m) => m.userId === userId);
    if (!member) throw notFound();
    return member;
  });
}

/** Forgets a member's settings: a user of the team is back to the defaults, anyone else leaves the rotation. */
export function removeMemberSettings(ctx: RequestContext, teamId: string, userId: string): Promise<void> {
  requireLevel(ctx, 'assignment_rules', 'update');
  return inTransaction(ctx, async (ctx) => {
    const existing = await memberRow(ctx, teamId, userId, true);
    if (!existing) throw notFound();
    await executor(ctx)
      .delete(assignmentMembers)
      .where(and(eq(assignmentMembers.tenantId, ctx.tenantId), eq(assignmentMembers.id, existing.id)));
    const changes = diffRecords({ teamId, userId, ...settingsOf(existing) }, null);
    await appendAudit(ctx, { action: 'delete', object: 'assignment_members', recordId: existing.id, changes });
    await publishEvent(ctx, {
      type: 'assignment_members.deleted',
      object: 'assignment_members',
      recordId: existing.id,
      payload: { teamId, userId, changes },
    });
  });
}

async function memberRow(ctx: RequestContext, teamId: string, userId: string, lock: boolean) {
  const m = assignmentMembers;
  const query = executor(ctx)
    .select()
    .from(m)
    .where(and(eq(m.tenantId, ctx.tenantId), eq(m.teamId, teamId), eq(m.userId, userId)));
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
}

const settingsOf = (row: typeof assignmentMembers.$inferSelect): MemberSettings => ({
  capacity: row.capacity,
  weight: row.weight,
  absentFrom: iso(row.absentFrom),
  absentTo: iso(row.absentTo),
  active: row.active,
});

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
