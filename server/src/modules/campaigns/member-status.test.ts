import { describe, expect, it } from 'vitest';
import { isEngagement, laterStatus, memberTransition, nextMemberStatuses, type MemberStatus } from './member-status.js';

describe('campaign member status', () => {
  it.each<[MemberStatus, MemberStatus]>([
    ['invited', 'registered'],
    ['registered', 'attended'],
    ['attended', 'responded'],
    ['invited', 'responded'],
    ['invited', 'attended'],
  ])('moves forward %s → %s', (from, to) => {
    expect(memberTransition(from, to)).toEqual({ ok: true });
  });

  it.each<[MemberStatus, MemberStatus]>([
    ['registered', 'invited'],
    ['responded', 'attended'],
    ['attended', 'attended'],
    ['responded', 'responded'],
  ])('refuses %s → %s and names the statuses still ahead', (from, to) => {
    expect(memberTransition(from, to)).toEqual({ ok: false, allowed: nextMemberStatuses(from) });
  });

  it('an upsert keeps the later status', () => {
    expect(laterStatus('attended', 'registered')).toBe('attended');
    expect(laterStatus('invited', 'responded')).toBe('responded');
    expect(nextMemberStatuses('responded')).toEqual([]);
  });

  it('an invitation is not an engagement; every later status is', () => {
    expect((['invited', 'registered', 'attended', 'responded'] as const).map(isEngagement)).toEqual([false, true, true, true]);
  });
});
