import { and, eq } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { subscribe } from '../../platform/events/subscribers.js';
import { cancelJobs, enqueue } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { defineMessages } from '../../platform/i18n/messages.js';
import { isLocale } from '../../platform/i18n/locale.js';
import { notify } from '../../platform/notifications/notifications.service.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';
import { activityStore, type Activity } from './activities.service.js';
import { activeReminder, reminderFor } from './task-reminder.js';

defineMessages({
  TASK_REMINDER: {
    'en-US': 'Reminder: “{subject}” is due {due}.',
    'zh-CN': '提醒：“{subject}”将于 {due} 到期。',
  },
});

interface ReminderPayload {
  activityId: string;
  remindAt: string;
}

const reminderKey = (activityId: string, remindAt: string) => `task-reminder:${activityId}@${remindAt}`;

/** Reminds the owner in the app, if the task is still planned with this reminder (it may have moved since). */
const reminderJob = defineJob<ReminderPayload>('activities.task-reminder', async (payload, { job, db }) => {
  if (!job.tenantId) return;
  const ctx = systemContext(db, job.tenantId, 'task reminders');
  const [task] = await activityStore.getMany(ctx, [payload.activityId]);
  if (!task || activeReminder(task) !== payload.remindAt) return;
  const settings = await getTenantSettings(ctx);
  const owner = await ownerLocale(ctx, task.ownerId, settings.locale);
  const due = task.dueAt
    ? new Intl.DateTimeFormat(owner, { timeZone: settings.timezone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(task.dueAt))
    : '—';
  await notify(ctx, [{ userId: task.ownerId, kind: 'TASK_REMINDER', object: 'activities', recordId: task.id, params: { subject: task.subject, due } }]);
});

async function ownerLocale(ctx: RequestContext, userId: string, fallback: string) {
  const [row] = await executor(ctx).select({ locale: users.locale }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
  return isLocale(row?.locale) ? row.locale : fallback;
}

/**
 * Keeps the task's reminder job in step with the task, in the write's transaction: a reminder
 * that moved or is no longer wanted (done, cancelled, deleted, switched off) is withdrawn and
 * the new one queued.
 */
async function syncReminder(ctx: RequestContext, before: Activity | null, after: Activity | null) {
  const was = activeReminder(before);
  const now = activeReminder(after);
  if (was === now) return;
  if (was && before) await cancelJobs(executor(ctx), [reminderKey(before.id, was)]);
  if (now && after) {
    await enqueue(executor(ctx), {
      type: reminderJob.type,
      payload: { activityId: after.id, remindAt: now } satisfies ReminderPayload,
      tenantId: ctx.tenantId,
      runAt: new Date(now),
      uniqueKey: reminderKey(after.id, now),
    });
  }
}

/** Creates an activity; a task with a due time gets its reminder (by default shortly before). */
export function createActivity(ctx: RequestContext, input: Record<string, unknown>): Promise<Activity> {
  return inTransaction(ctx, async (ctx) => {
    const remindAt = reminderFor(null, input as { dueAt?: string | null; remindAt?: string | null }, new Date());
    const created = await activityStore.create(ctx, { ...input, remindAt });
    await syncReminder(ctx, null, created);
    return created;
  });
}

/** Updates an activity: rescheduling moves its reminder, completing or cancelling withdraws it. */
export function updateActivity(ctx: RequestContext, id: string, patch: Record<string, unknown>, version?: number): Promise<Activity> {
  return inTransaction(ctx, async (ctx) => {
    const before = await activityStore.get(ctx, id);
    const remindAt = reminderFor(before, patch as { dueAt?: string | null; remindAt?: string | null }, new Date());
    const after = await activityStore.update(ctx, id, remindAt === undefined ? patch : { ...patch, remindAt }, version);
    await syncReminder(ctx, before, after);
    return after;
  });
}

/** A deleted task's reminder is withdrawn (the job would find nothing to remind of anyway). */
subscribe('customers.task-reminders', 'activities.deleted', async (event, { db }) => {
  const record = (event.payload as { record?: Activity }).record;
  if (!record) return;
  await syncReminder(systemContext(db, event.tenantId, 'task reminders'), record, null);
});
