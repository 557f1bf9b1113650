import { and, asc, eq, gt, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { fieldError } from '../../platform/http/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/records/cursor.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { activityStore, type Activity } from './activities.service.js';
import { activities } from './customers.schema.js';
import { countVisit, emptyCounts, isoWeekOf, localDate, mondayOfIsoWeek, visitTime, weekDays, wasPlanned, visitOutcome, type PlanCounts } from './visit-plan.js';

/** Owners in a team and the teams below it (for a manager's view of a team). */
const inTeam = (ctx: RequestContext, teamId: string) => sql`${activities.ownerId} IN (
  SELECT u.id FROM users u JOIN teams t ON t.tenant_id = u.tenant_id AND t.id = u.team_id
  WHERE u.tenant_id = ${ctx.tenantId}
    AND t.path LIKE (SELECT p.path FROM teams p WHERE p.tenant_id = ${ctx.tenantId} AND p.id = ${teamId}::uuid) || '%')`;

export const TASK_VIEWS = ['overdue', 'open'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

/**
 * The planned activities with a due time the caller can see, soonest due first: all of them
 * (`open`) or those past due (`overdue`). Keyset-paged on (due time, id).
 */
export async function listTasks(
  ctx: RequestContext,
  query: { view: TaskView; ownerId?: string; teamId?: string; limit?: number; cursor?: string },
): Promise<{ data: Activity[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const conditions: (SQL | undefined)[] = [
    activityStore.scope(ctx),
    eq(activities.status, 'planned'),
    isNotNull(activities.dueAt),
    query.view === 'overdue' ? lt(activities.dueAt, new Date()) : undefined,
    query.ownerId ? eq(activities.ownerId, query.ownerId) : undefined,
    query.teamId ? inTeam(ctx, query.teamId) : undefined,
  ];
  if (query.cursor) {
    const { value, id } = decodeCursor(query.cursor);
    const due = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(due.getTime())) throw fieldError('cursor', 'FIELD_INVALID');
    conditions.push(or(gt(activities.dueAt, due), and(eq(activities.dueAt, due), gt(activities.id, id))));
  }
  const rows = await executor(ctx)
    .select({ id: activities.id, dueAt: activities.dueAt })
    .from(activities)
    .where(and(...conditions))
    .orderBy(asc(activities.dueAt), asc(activities.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const byId = new Map((await activityStore.getMany(ctx, page.map((r) => r.id))).map((a) => [a.id, a]));
  const last = page[page.length - 1];
  return {
    data: page.map((r) => byId.get(r.id)!).filter(Boolean),
    nextCursor: rows.length > limit && last ? encodeCursor(last.dueAt, last.id) : null,
  };
}

export interface VisitPlanDay extends PlanCounts {
  date: string;
}

export interface VisitPlanOwner extends PlanCounts {
  ownerId: string;
  ownerName: string | null;
}

export interface VisitPlan {
  week: string;
  timeZone: string;
  from: string;
  to: string;
  days: VisitPlanDay[];
  totals: PlanCounts;
  owners: VisitPlanOwner[];
  visits: (Activity & { day: string; planned: boolean; outcome: string })[];
}

/**
 * The week's visits the caller can see (of one rep or one team when asked), in the tenant's time
 * zone — the ISO week given, else the one of `date`, else this week: per day and per rep, what was planned, done (checked in), missed, still to come, and
 * done without being planned.
 */
export async function visitPlan(ctx: RequestContext, query: { week?: string; date?: string; ownerId?: string; teamId?: string }): Promise<VisitPlan> {
  const { timezone } = await getTenantSettings(ctx);
  const now = new Date();
  const week = query.week ?? isoWeekOf(query.date ?? localDate(now, timezone));
  const monday = mondayOfIsoWeek(week);
  if (!monday) throw fieldError('week', 'FIELD_INVALID');
  const { days, from, to } = weekDays(monday, timezone);
  const when = sql`coalesce((${activities.checkIn}->>'at')::timestamptz, ${activities.startAt}, ${activities.createdAt})`;
  const visits: Activity[] = [];
  for await (const visit of activityStore.iterate(ctx, {
    filters: { type: 'visit', ...(query.ownerId ? { ownerId: query.ownerId } : {}) },
    where: and(sql`${when} >= ${from.toISOString()}::timestamptz`, sql`${when} < ${to.toISOString()}::timestamptz`, query.teamId ? inTeam(ctx, query.teamId) : undefined),
    sort: 'createdAt',
  })) visits.push(visit);

  const byDay = new Map(days.map((date) => [date, { date, ...emptyCounts() }]));
  const byOwner = new Map<string, VisitPlanOwner>();
  const totals = emptyCounts();
  const listed = [];
  for (const visit of visits) {
    const day = localDate(new Date(visitTime(visit)), timezone);
    const owner = byOwner.get(visit.ownerId) ?? { ownerId: visit.ownerId, ownerName: visit.ownerName ?? null, ...emptyCounts() };
    byOwner.set(visit.ownerId, owner);
    for (const counts of [byDay.get(day), owner, totals]) if (counts) countVisit(counts, visit, now);
    listed.push({ ...visit, day, planned: wasPlanned(visit), outcome: visitOutcome(visit, now) });
  }
  listed.sort((a, b) => visitTime(a).localeCompare(visitTime(b)));
  return {
    week,
    timeZone: timezone,
    from: from.toISOString(),
    to: to.toISOString(),
    days: [...byDay.values()],
    totals,
    owners: [...byOwner.values()].sort((a, b) => (a.ownerName ?? '').localeCompare(b.ownerName ?? '')),
    visits: listed,
  };
}
