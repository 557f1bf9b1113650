import { describe, expect, it } from 'vitest';
import { activeReminder, defaultRemindAt, reminderFor } from './task-reminder';

const now = new Date('2026-03-02T08:00:00.000Z');

describe('defaultRemindAt', () => {
  it.each<[string, string | null, string | null]>([
    ['15 minutes before the due time', '2026-03-02T10:00:00.000Z', '2026-03-02T09:45:00.000Z'],
    ['none when that moment has passed', '2026-03-02T08:10:00.000Z', null],
    ['none without a due time', null, null],
  ])('%s', (_, dueAt, expected) => expect(defaultRemindAt(dueAt, now)).toBe(expected));
});

describe('reminderFor', () => {
  const task = { dueAt: '2026-03-03T10:00:00.000Z', remindAt: '2026-03-03T09:00:00.000Z' };
  it.each<[string, Parameters<typeof reminderFor>[0], Parameters<typeof reminderFor>[1], string | null | undefined]>([
    ['a new task with a due time gets the default', null, { dueAt: '2026-03-02T10:00:00.000Z' }, '2026-03-02T09:45:00.000Z'],
    ['a new task keeps the reminder it was given', null, { dueAt: '2026-03-02T10:00:00.000Z', remindAt: '2026-03-02T09:00:00.000Z' }, '2026-03-02T09:00:00.000Z'],
    ['a new task without a due time has none', null, {}, null],
    ['a reminder set explicitly wins', task, { dueAt: '2026-03-05T10:00:00.000Z', remindAt: null }, null],
    ['moving the due time moves the reminder, same distance', task, { dueAt: '2026-03-05T12:00:00.000Z' }, '2026-03-05T11:00:00.000Z'],
    ['other changes leave it alone', task, { dueAt: task.dueAt }, undefined],
    ['clearing the due time clears the reminder', task, { dueAt: null }, null],
    ['a reminder switched off stays off when rescheduled', { ...task, remindAt: null }, { dueAt: '2026-03-05T12:00:00.000Z' }, undefined],
    ['a first due time gets the default', { dueAt: null, remindAt: null }, { dueAt: '2026-03-02T10:00:00.000Z' }, '2026-03-02T09:45:00.000Z'],
  ])('%s', (_, current, input, expected) => expect(reminderFor(current, input, now)).toBe(expected));
});

describe('activeReminder', () => {
  it.each<[string, { status: string; remindAt: string | null } | null, string | null]>([
    ['a planned task reminds', { status: 'planned', remindAt: '2026-03-02T09:00:00.000Z' }, '2026-03-02T09:00:00.000Z'],
    ['a done task does not', { status: 'done', remindAt: '2026-03-02T09:00:00.000Z' }, null],
    ['a deleted task does not', null, null],
  ])('%s', (_, task, expected) => expect(activeReminder(task)).toBe(expected));
});
