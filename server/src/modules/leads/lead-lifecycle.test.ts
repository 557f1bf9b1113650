import { describe, expect, it } from 'vitest';
import { allowedActions, marksOnEntering, transition, type LeadAction, type LeadStatus } from './lead-lifecycle.js';

describe('lead lifecycle', () => {
  it.each<[LeadStatus, LeadAction, string | null, LeadStatus]>([
    ['new', 'promote', null, 'mql'],
    ['recycled', 'promote', null, 'mql'],
    ['mql', 'accept', null, 'accepted'],
    ['mql', 'reject', 'wrong region', 'mql'],
    ['accepted', 'reject', 'not my territory', 'mql'],
    ['accepted', 'qualify', null, 'sql'],
    ['sql', 'return-to-nurture', 'budget next year', 'recycled'],
    ['mql', 'disqualify', 'student', 'disqualified'],
    ['disqualified', 'reopen', null, 'new'],
    ['sql', 'convert', null, 'converted'],
    ['accepted', 'convert', null, 'converted'],
  ])('%s --%s--> %s', (from, action, reason, to) => {
    expect(transition(from, action, reason)).toEqual({ ok: true, to });
  });

  it.each<[LeadStatus, LeadAction]>([
    ['new', 'accept'],
    ['new', 'convert'],
    ['mql', 'qualify'],
    ['converted', 'disqualify'],
    ['converted', 'reopen'],
    ['disqualified', 'accept'],
    ['sql', 'promote'],
  ])('refuses %s --%s--> and names what is allowed', (from, action) => {
    const result = transition(from, action, 'a reason');
    expect(result).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION', allowed: allowedActions(from) });
  });

  it.each<LeadAction>(['reject', 'return-to-nurture', 'disqualify'])('%s needs a reason', (action) => {
    expect(transition('mql', action, '  ')).toEqual({ ok: false, code: 'REASON_REQUIRED' });
  });

  it('a converted lead is final', () => {
    expect(allowedActions('converted')).toEqual([]);
  });
});

describe('lifecycle marks', () => {
  const at = new Date('2026-03-01T08:00:00Z');
  const earlier = new Date('2026-01-01T08:00:00Z');

  it('marks MQL on the first entry into MQL or a later status, and SQL on the first into SQL or converted', () => {
    const none = { becameMqlAt: null, becameSqlAt: null };
    expect(marksOnEntering(none, 'mql', at)).toEqual({ becameMqlAt: at });
    expect(marksOnEntering(none, 'accepted', at)).toEqual({ becameMqlAt: at });
    expect(marksOnEntering(none, 'converted', at)).toEqual({ becameMqlAt: at, becameSqlAt: at });
    expect(marksOnEntering(none, 'recycled', at)).toEqual({});
    expect(marksOnEntering(none, 'new', at)).toEqual({});
  });

  it('keeps the first marks when a recycled lead comes back', () => {
    expect(marksOnEntering({ becameMqlAt: earlier, becameSqlAt: null }, 'sql', at)).toEqual({ becameSqlAt: at });
    expect(marksOnEntering({ becameMqlAt: earlier.toISOString(), becameSqlAt: earlier.toISOString() }, 'mql', at)).toEqual({});
  });
});
