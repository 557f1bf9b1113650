import type { Dayjs } from 'dayjs';
import type { ActivityInput, ActivityStatus, ActivityType, CheckIn } from '../api/types';
import { emptyToNull } from '../shared/form-values';

export interface ActivityFormValues {
  type: ActivityType;
  subject: string;
  status: ActivityStatus;
  startAt?: Dayjs | null;
  endAt?: Dayjs | null;
  dueAt?: Dayjs | null;
  /** Only asked when the form is not opened from an account. */
  accountId?: string | null;
  contactIds?: string[];
  outcome?: string | null;
  nextStep?: string | null;
  checkIn?: CheckIn | null;
  /** A task's reminder: minutes before the due time, 'none', or left to the server's default. */
  reminder?: ReminderChoice;
}

/** Reminder choices offered on a task; 'default' leaves it to the server (15 minutes before, moving with the due time). */
export const REMINDER_CHOICES = ['default', 'none', '0', '60', '1440'] as const;
export type ReminderChoice = (typeof REMINDER_CHOICES)[number];

/** The reminder a task should be sent with: omitted for the default, null for none, else the time. */
export function remindAtFor(dueAt: Dayjs | null | undefined, choice: ReminderChoice | undefined): string | null | undefined {
  if (!choice || choice === 'default') return undefined;
  if (choice === 'none' || !dueAt) return null;
  return dueAt.subtract(Number(choice), 'minute').toISOString();
}

export const ACTIVITY_FORM_FIELDS = [
  'type',
  'subject',
  'status',
  'startAt',
  'endAt',
  'dueAt',
  'accountId',
  'contactIds',
  'outcome',
  'nextStep',
  'checkIn',
] as const;

/** A task is scheduled by its due date; every other activity by when it happens. */
export function usesDueDate(type: ActivityType): boolean {
  return type === 'task';
}

export function newActivityValues(type: ActivityType, now: Dayjs): ActivityFormValues {
  return {
    type,
    subject: '',
    status: 'done',
    startAt: usesDueDate(type) ? null : now,
    dueAt: usesDueDate(type) ? now.add(1, 'day').startOf('hour') : null,
    contactIds: [],
  };
}

/** `fixedAccountId` is the account the form was opened from; otherwise the one chosen in the form. */
export function toActivityInput(values: ActivityFormValues, fixedAccountId: string | null): ActivityInput {
  const task = usesDueDate(values.type);
  return {
    type: values.type,
    subject: values.subject.trim(),
    accountId: fixedAccountId ?? values.accountId ?? null,
    contactIds: values.contactIds ?? [],
    startAt: task ? null : (values.startAt?.toISOString() ?? null),
    endAt: task ? null : (values.endAt?.toISOString() ?? null),
    dueAt: task ? (values.dueAt?.toISOString() ?? null) : null,
    status: values.status,
    outcome: emptyToNull(values.outcome),
    nextStep: emptyToNull(values.nextStep),
    ...(values.checkIn ? { checkIn: values.checkIn } : {}),
    ...(task && remindAtFor(values.dueAt, values.reminder) !== undefined ? { remindAt: remindAtFor(values.dueAt, values.reminder) } : {}),
  };
}
