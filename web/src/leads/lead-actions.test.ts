import { describe, expect, it } from 'vitest';
import type { LeadStatus } from '../api/leads';
import { allowedActions, isAwaitingAnswer, needsReason } from './lead-actions';

describe('allowedActions', () => {
  it.each<[LeadStatus, string[]]>([
    ['new', ['promote', 'return-to-nurture', 'disqualify']],
    ['mql', ['accept', 'reject', 'return-to-nurture', 'disqualify']],
    ['accepted', ['qualify', 'reject', 'return-to-nurture', 'disqualify', 'convert']],
    ['sql', ['return-to-nurture', 'disqualify', 'convert']],
    ['recycled', ['promote', 'disqualify']],
    ['disqualified', ['reopen']],
    ['converted', []],
  ])('%s → %j', (status, expected) => {
    expect(allowedActions(status)).toEqual(expected);
  });
});

describe('needsReason', () => {
  it.each([
    ['reject', true],
    ['return-to-nurture', true],
    ['disqualify', true],
    ['accept', false],
    ['promote', false],
  ] as const)('%s → %s', (action, expected) => {
    expect(needsReason(action)).toBe(expected);
  });
});

describe('isAwaitingAnswer', () => {
  it.each([
    [{ status: 'mql', ownerId: 'me' }, true],
    [{ status: 'mql', ownerId: 'you' }, false],
    [{ status: 'accepted', ownerId: 'me' }, false],
    [{ status: 'mql', ownerId: null }, false],
  ] as const)('%j → %s', (lead, expected) => {
    expect(isAwaitingAnswer(lead, 'me')).toBe(expected);
  });
});
