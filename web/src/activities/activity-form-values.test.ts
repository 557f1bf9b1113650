import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { newActivityValues, remindAtFor, toActivityInput, usesDueDate } from './activity-form-values';

const now = dayjs('2025-03-10T09:30:00Z');

describe('activity form values', () => {
  it('logs a call as done, now', () => {
    const values = newActivityValues('call', now);
    expect(values.status).toBe('done');
    expect(values.startAt?.toISOString()).toBe('2025-03-10T09:30:00.000Z');
    expect(values.dueAt).toBeNull();
  });

  it('schedules a task by due date, tomorrow on the hour', () => {
    expect(usesDueDate('task')).toBe(true);
    const values = newActivityValues('task', now);
    expect(values.startAt).toBeNull();
    expect(values.dueAt?.toISOString()).toBe(now.add(1, 'day').startOf('hour').toISOString());
  });

  it('builds the API payload, with the account it was opened from', () => {
    const input = toActivityInput(
      { ...newActivityValues('visit', now), subject: ' 拜访 CIO ', outcome: '  ', nextStep: '发送方案', contactIds: ['c1'] },
      'a1',
    );
    expect(input).toEqual({
      type: 'visit',
      subject: '拜访 CIO',
      accountId: 'a1',
      contactIds: ['c1'],
      startAt: '2025-03-10T09:30:00.000Z',
      endAt: null,
      dueAt: null,
      status: 'done',
      outcome: null,
      nextStep: '发送方案',
    });
  });

  it('uses the account chosen in the form when not opened from one', () => {
    expect(toActivityInput({ ...newActivityValues('call', now), subject: 'x', accountId: 'a9' }, null).accountId).toBe('a9');
  });

  it('drops start and end times of a task, and the due date of other types', () => {
    const task = toActivityInput({ ...newActivityValues('task', now), subject: 't', startAt: now }, null);
    expect(task.startAt).toBeNull();
    const call = toActivityInput({ ...newActivityValues('call', now), subject: 'c', dueAt: now }, null);
    expect(call.dueAt).toBeNull();
  });

  it('includes the check-in of a visit', () => {
    const checkIn = { lat: 31.23, lng: 121.47, at: '2025-03-10T09:31:00.000Z' };
    expect(toActivityInput({ ...newActivityValues('visit', now), subject: 'v', checkIn }, 'a1').checkIn).toEqual(checkIn);
  });
});

describe('task reminders', () => {
  const due = dayjs('2025-03-11T10:00:00Z');
  it.each<[Parameters<typeof remindAtFor>[1], string | null | undefined]>([
    [undefined, undefined],
    ['default', undefined],
    ['none', null],
    ['0', '2025-03-11T10:00:00.000Z'],
    ['60', '2025-03-11T09:00:00.000Z'],
    ['1440', '2025-03-10T10:00:00.000Z'],
  ])('%s → %s', (choice, expected) => expect(remindAtFor(due, choice)).toBe(expected));

  it('sends the chosen reminder with a task only', () => {
    const task = toActivityInput({ ...newActivityValues('task', now), subject: 'x', dueAt: due, reminder: '60' }, null);
    expect(task.remindAt).toBe('2025-03-11T09:00:00.000Z');
    expect('remindAt' in toActivityInput({ ...newActivityValues('task', now), subject: 'x', dueAt: due }, null)).toBe(false);
  });
});
