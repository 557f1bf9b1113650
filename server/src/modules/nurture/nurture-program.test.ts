import { describe, expect, it } from 'vitest';
import {
  branchWindowStart, engagementKindsFor, exitReasonFor, planStep, validateSteps, waitMs, type NurtureStep,
} from './nurture-program.js';

const T = '01a21a0f-5d74-707d-9380-aab01d487b31';
const now = new Date('2025-03-04T08:00:00Z');
const HOUR = 3600_000;

/** send → wait 3 days → branch(opened within 3 days: 3, else 4) → send → exit */
const program: NurtureStep[] = [
  { type: 'send_email', templateId: T },
  { type: 'wait', days: 3 },
  { type: 'branch', if: 'opened', withinDays: 3, then: 3, else: 4 },
  { type: 'send_email', templateId: T },
  { type: 'exit' },
];

describe('validateSteps', () => {
  it.each<[string, NurtureStep[], string[]]>([
    ['a valid program', program, []],
    ['no steps (a draft)', [], []],
    ['a template id that is not an id', [{ type: 'send_email', templateId: 'x' }], ['steps.0.templateId']],
    ['a wait of nothing', [{ type: 'wait' }], ['steps.0']],
    ['a wait over a year', [{ type: 'wait', days: 366 }], ['steps.0']],
    ['a wait in hours', [{ type: 'wait', hours: 6 }], []],
    ['a branch backwards (a loop)', [{ type: 'exit' }, { type: 'branch', if: 'clicked', withinDays: 1, then: 0, else: 2 }, { type: 'exit' }], ['steps.1.then']],
    ['a branch to itself', [{ type: 'branch', if: 'visited', withinDays: 1, then: 0, else: 1 }, { type: 'exit' }], ['steps.0.then']],
    ['a branch past the end', [{ type: 'branch', if: 'opened', withinDays: 1, then: 1, else: 2 }, { type: 'exit' }], ['steps.0.else']],
    ['a branch without a window', [{ type: 'branch', if: 'opened', withinDays: 0, then: 1, else: 1 }, { type: 'exit' }], ['steps.0.withinDays']],
    ['an unknown condition', [{ type: 'branch', if: 'replied' as 'opened', withinDays: 1, then: 1, else: 1 }, { type: 'exit' }], ['steps.0.if']],
    ['an unknown step', [{ type: 'sms' } as unknown as NurtureStep], ['steps.0.type']],
  ])('%s', (_name, steps, fields) => {
    expect(validateSteps(steps).map((e) => e.field)).toEqual(fields);
  });

  it('caps the number of steps', () => {
    const many = Array.from({ length: 51 }, (): NurtureStep => ({ type: 'exit' }));
    expect(validateSteps(many)[0]).toMatchObject({ field: 'steps', code: 'NURTURE_TOO_MANY_STEPS' });
  });
});

describe('planStep', () => {
  it.each<[string, number, boolean, unknown]>([
    ['send goes on at once', 0, false, { kind: 'send', templateId: T, next: 1, runAt: now }],
    ['wait goes on after its time', 1, false, { kind: 'advance', next: 2, runAt: new Date(now.getTime() + 72 * HOUR) }],
    ['branch, engaged: then', 2, true, { kind: 'advance', next: 3, runAt: now }],
    ['branch, not engaged: else', 2, false, { kind: 'advance', next: 4, runAt: now }],
    ['exit ends it', 4, false, { kind: 'exit' }],
    ['past the last step completes', 5, false, { kind: 'complete' }],
  ])('%s', (_name, index, engaged, plan) => {
    expect(planStep(program, index, now, engaged)).toEqual(plan);
  });

  it('adds days and hours of a wait', () => {
    expect(waitMs({ days: 1, hours: 6 })).toBe(30 * HOUR);
  });
});

describe('branch conditions', () => {
  it.each([
    ['opened', ['open', 'click']],
    ['clicked', ['click']],
    ['visited', ['visit']],
  ] as const)('%s is satisfied by %j', (condition, kinds) => {
    expect(engagementKindsFor(condition)).toEqual(kinds);
  });

  it('looks back N days, but not before the lead enrolled', () => {
    const enrolled = new Date(now.getTime() - 24 * HOUR);
    expect(branchWindowStart(now, 3, enrolled)).toEqual(enrolled);
    expect(branchWindowStart(now, 3, new Date('2020-01-01'))).toEqual(new Date(now.getTime() - 72 * HOUR));
  });
});

describe('exitReasonFor', () => {
  const lead: { status: string; doNotContact: boolean; email: string | null } = { status: 'new', doNotContact: false, email: 'a@b.cn' };
  it.each<[string, Partial<typeof lead>, Parameters<typeof exitReasonFor>[1], string | null]>([
    ['a new lead carries on', {}, null, null],
    ['a recycled lead carries on', { status: 'recycled' }, null, null],
    ['an MQL carries on until sales accepts it', { status: 'mql' }, null, null],
    ['accepted by sales: converted', { status: 'accepted' }, null, 'converted'],
    ['SQL: converted', { status: 'sql' }, null, 'converted'],
    ['converted', { status: 'converted' }, null, 'converted'],
    ['disqualified', { status: 'disqualified' }, null, 'disqualified'],
    ['do not contact', { doNotContact: true }, null, 'do_not_contact'],
    ['unsubscribed', {}, 'unsubscribed', 'unsubscribed'],
    ['bounced', {}, 'bounced', 'bounced'],
    ['suppressed by hand', {}, 'manual', 'suppressed'],
    ['no address', { email: null }, null, 'no_email'],
    ['conversion wins over everything', { status: 'converted', doNotContact: true }, 'bounced', 'converted'],
  ])('%s', (_name, patch, suppression, reason) => {
    expect(exitReasonFor({ ...lead, ...patch }, suppression)).toBe(reason);
  });
});
