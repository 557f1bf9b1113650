import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import { executor } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import type { AppDb } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { publishEvent } from '../../platform/events/publish.js';
import { subscribe } from '../../platform/events/subscribers.js';
import { enqueueMany } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { isLocale, type Locale } from '../../platform/i18n/locale.js';
import { translate } from '../../platform/i18n/messages.js';
import { notify } from '../../platform/notifications/notifications.service.js';
import { tenants, users } from '../../platform/tenancy/tenancy.schema.js';
import { activityStore } from '../customers/activities.service.js';
import { leadStore, type Lead } from '../leads/leads.service.js';
import './assignment.messages.js';
import { readAssignmentSettings } from './assignment-settings.service.js';

/** One assignment of a lead to a rep: the SLA clock runs per assignment. */
export interface SlaPayload {
  leadId: string;
  ownerId: string;
  assignedAt: string;
}

const HOUR = 3600 * 1000;

/** When the rep must have answered, or null when the SLA is off. */
export function slaDueAt(assignedAt: string | Date, slaHours: number): Date | null {
  if (slaHours <= 0) return null;
  return new Date(new Date(assignedAt).getTime() + slaHours * HOUR);
}

/** The assignment is still waiting for the rep's first response (no accept, reject or reassignment since). */
export const stillWaiting = (lead: Lead, p: SlaPayload) =>
  lead.status === 'mql' && lead.ownerId === p.ownerId && lead.assignedAt === p.assignedAt;

const reminderJob = defineJob<SlaPayload>('assignment.sla-reminder', async (payload, { job, db }) => {
  if (!job.tenantId) return;
  await remindRep(systemContext(db, job.tenantId, 'first-response SLA'), payload);
});

const escalationJob = defineJob<SlaPayload>('assignment.sla-escalation', async (payload, { job, db }) => {
  if (!job.tenantId) return;
  await escalate(systemContext(db, job.tenantId, 'first-response SLA'), payload);
});

/** Starts the clock on every assignment to a rep: a reminder at N % of the SLA, escalation at 100 %. */
subscribe('assignment.first-response-sla', 'leads.assigned', async (event, { db }) => {
  if (!event.recordId) return;
  await startSlaClock(db, event.tenantId, event.recordId);
});

export async function startSlaClock(db: AppDb, tenantId: string, leadId: string): Promise<void> {
  const ctx = systemContext(db, tenantId, 'first-response SLA');
  const [lead] = await leadStore.getMany(ctx, [leadId]);
  if (!lead || lead.status !== 'mql' || !lead.ownerId || !lead.assignedAt) return;
  const settings = await readAssignmentSettings(ctx);
  const due = slaDueAt(lead.assignedAt, settings.firstResponseSlaHours);
  if (!due) return;
  const assignedAt = new Date(lead.assignedAt);
  const remindAt = new Date(assignedAt.getTime() + ((due.getTime() - assignedAt.getTime()) * settings.reminderPercent) / 100);
  const payload: SlaPayload = { leadId, ownerId: lead.ownerId, assignedAt: lead.assignedAt };
  const key = `${leadId}@${lead.assignedAt}`;
  await enqueueMany(db, [
    { type: reminderJob.type, payload, tenantId, runAt: remindAt, uniqueKey: `lead-sla-reminder:${key}` },
    ...(settings.escalateToManager
      ? [{ type: escalationJob.type, payload, tenantId, runAt: due, uniqueKey: `lead-sla-escalation:${key}` }]
      : []),
  ]);
}

/** A task for the rep: answer the lead before the deadline. Nothing if the rep already did. */
export async function remindRep(ctx: RequestContext, p: SlaPayload): Promise<void> {
  const [lead] = await leadStore.getMany(ctx, [p.leadId]);
  if (!lead || !stillWaiting(lead, p)) return;
  const settings = await readAssignmentSettings(ctx);
  const due = slaDueAt(p.assignedAt, settings.firstResponseSlaHours) ?? new Date();
  const rep = await person(ctx, p.ownerId);
  const zone = await tenantZone(ctx);
  const params = { lead: leadLabel(lead), due: formatTime(due, rep.locale, zone) };
  await notify(ctx, [{ userId: p.ownerId, kind: 'SLA_REMINDER_SUBJECT', object: 'leads', recordId: lead.id, params }]);
  await activityStore.create(ctx, {
    type: 'task',
    subject: translate(rep.locale, 'SLA_REMINDER_SUBJECT', params),
    leadId: lead.id,
    dueAt: due.toISOString(),
    status: 'planned',
    ownerId: p.ownerId,
  });
}

/**
 * The deadline passed without an answer: a task for the manager(s) of the rep's team (the
 * nearest sales manager up the team tree) and a `leads.sla_breached` event.
 */
export async function escalate(ctx: RequestContext, p: SlaPayload): Promise<void> {
  const [lead] = await leadStore.getMany(ctx, [p.leadId]);
  if (!lead || !stillWaiting(lead, p)) return;
  const settings = await readAssignmentSettings(ctx);
  const due = slaDueAt(p.assignedAt, settings.firstResponseSlaHours) ?? new Date();
  const rep = await person(ctx, p.ownerId);
  const managers = await managersOf(ctx, p.ownerId, lead.teamId);
  const zone = await tenantZone(ctx);
  for (const manager of managers) {
    const params = { lead: leadLabel(lead), rep: rep.name, assigned: formatTime(new Date(p.assignedAt), manager.locale, zone) };
    await notify(ctx, [{ userId: manager.id, kind: 'SLA_ESCALATION_SUBJECT', object: 'leads', recordId: lead.id, params }]);
    await activityStore.create(ctx, {
      type: 'task',
      subject: translate(manager.locale, 'SLA_ESCALATION_SUBJECT', params),
      leadId: lead.id,
      dueAt: new Date().toISOString(),
      status: 'planned',
      ownerId: manager.id,
    });
  }
  await publishEvent(ctx, {
    type: 'leads.sla_breached',
    object: 'leads',
    recordId: lead.id,
    payload: { ownerId: p.ownerId, assignedAt: p.assignedAt, dueAt: due.toISOString(), managerIds: managers.map((m) => m.id) },
  });
}

interface Person {
  id: string;
  name: string;
  locale: Locale;
}

async function person(ctx: RequestContext, userId: string): Promise<Person> {
  const [row] = await executor(ctx)
    .select({ id: users.id, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
  return { id: userId, name: row?.name ?? '', locale: isLocale(row?.locale) ? row.locale : 'zh-CN' };
}

/**
 * The active sales managers nearest to the rep in the team tree: in the rep's team if there are
 * any, else in its parent, and so on up. Falls back to the lead's team when the rep has none.
 */
export async function managersOf(ctx: RequestContext, repId: string, leadTeamId: string | null): Promise<Person[]> {
  const rows = await queryRows<{ id: string; name: string; locale: string; depth: number }>(
    executor(ctx),
    sql`WITH home AS (
          SELECT t.path FROM teams t
          WHERE t.tenant_id = ${ctx.tenantId}
            AND t.id = coalesce((SELECT u.team_id FROM users u WHERE u.tenant_id = ${ctx.tenantId} AND u.id = ${repId}), ${leadTeamId}::uuid)
        )
        SELECT u.id, u.name, u.locale, length(t.path) AS depth
        FROM users u
        JOIN roles r ON r.tenant_id = u.tenant_id AND r.id = u.role_id
        JOIN teams t ON t.tenant_id = u.tenant_id AND t.id = u.team_id
        JOIN home ON home.path LIKE t.path || '%'
        WHERE u.tenant_id = ${ctx.tenantId} AND u.active AND r.key = 'sales_manager' AND u.id <> ${repId}
        ORDER BY length(t.path) DESC, u.id`,
  );
  const nearest = rows[0]?.depth;
  return rows
    .filter((r) => r.depth === nearest)
    .map((r) => ({ id: r.id, name: r.name, locale: isLocale(r.locale) ? r.locale : 'zh-CN' }));
}

async function tenantZone(ctx: RequestContext): Promise<string> {
  const [row] = await executor(ctx).select({ timezone: tenants.timezone }).from(tenants).where(eq(tenants.id, ctx.tenantId));
  return row?.timezone ?? 'Asia/Shanghai';
}

const leadLabel = (lead: Lead) => (lead.company ? `${lead.name} (${lead.company})` : lead.name);

function formatTime(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);
}
