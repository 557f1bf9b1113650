/**
 * When a task (any planned activity with a due time) reminds its owner. A person may set the
 * reminder or switch it off (null); otherwise it is DEFAULT_REMINDER_MINUTES before the due time,
 * and moving the due time moves the reminder with it, keeping its distance.
 */
export const DEFAULT_REMINDER_MINUTES = 15;
const MINUTE = 60_000;

type Instant = string | null | undefined;
const ms = (v: string) => new Date(v).getTime();

/** The default reminder of a due time: before it, or none when that moment has passed. */
export function defaultRemindAt(dueAt: string | null, now: Date): string | null {
  if (!dueAt) return null;
  const at = ms(dueAt) - DEFAULT_REMINDER_MINUTES * MINUTE;
  return at > now.getTime() ? new Date(at).toISOString() : null;
}

/**
 * The reminder to store for a write: `undefined` leaves it as it is. `current` is the task
 * before the write (absent on create); `input` the fields written (absent ones undefined).
 */
export function reminderFor(current: { dueAt: Instant; remindAt: Instant } | null, input: { dueAt?: Instant; remindAt?: Instant }, now: Date): string | null | undefined {
  if (input.remindAt !== undefined) return input.remindAt;
  if (!current) return defaultRemindAt(input.dueAt ?? null, now);
  if (input.dueAt === undefined || input.dueAt === current.dueAt) return undefined;
  if (!input.dueAt) return null;
  if (!current.dueAt) return defaultRemindAt(input.dueAt, now);
  // The person switched the reminder off: it stays off.
  if (!current.remindAt) return undefined;
  return new Date(ms(input.dueAt) - (ms(current.dueAt) - ms(current.remindAt))).toISOString();
}

/** The reminder a task should have running now: a planned task with a reminder time. */
export const activeReminder = (task: { status: string; remindAt: string | null } | null): string | null =>
  task && task.status === 'planned' ? task.remindAt : null;
