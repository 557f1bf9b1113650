import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../api/types';
import { changeValueText } from './change-value';
import { filterTimeline, formatChangeValue, sortNewestFirst, timelineColor, timelineVisual } from './timeline-entry';

const labels = { yes: 'Yes', no: 'No' };

function entry(id: string, kind: TimelineEntry['kind'], at: string, activityType?: TimelineEntry['activityType']): TimelineEntry {
  return { id, kind, at, actorName: null, title: id, recordId: 'a1', object: 'accounts', activityType };
}

describe('timelineVisual', () => {
  it('uses the activity type for activities', () => {
    expect(timelineVisual({ kind: 'activity', activityType: 'visit' })).toBe('visit');
    expect(timelineVisual({ kind: 'activity', activityType: 'call' })).toBe('call');
  });

  it('falls back to a generic activity for a missing or unknown type', () => {
    expect(timelineVisual({ kind: 'activity' })).toBe('activity');
    expect(timelineVisual({ kind: 'activity', activityType: 'fax' as never })).toBe('activity');
  });

  it('uses the kind otherwise', () => {
    expect(timelineVisual({ kind: 'note' })).toBe('note');
    expect(timelineVisual({ kind: 'change' })).toBe('change');
    expect(timelineVisual({ kind: 'contact' })).toBe('contact');
  });

  it('gives every visual a colour', () => {
    for (const visual of ['visit', 'call', 'meeting', 'email', 'task', 'activity', 'note', 'change', 'contact'] as const) {
      expect(timelineColor(visual)).toBeTruthy();
    }
  });
});

describe('ordering and filtering', () => {
  const entries = [
    entry('old', 'note', '2025-01-01T00:00:00Z'),
    entry('new', 'activity', '2025-03-01T00:00:00Z', 'call'),
    entry('mid-a', 'change', '2025-02-01T00:00:00Z'),
    entry('mid-b', 'contact', '2025-02-01T00:00:00Z'),
  ];

  it('puts the newest first and keeps the order of equal times', () => {
    expect(sortNewestFirst(entries).map((e) => e.id)).toEqual(['new', 'mid-a', 'mid-b', 'old']);
  });

  it('filters by kind', () => {
    expect(filterTimeline(entries, 'change').map((e) => e.id)).toEqual(['mid-a']);
    expect(filterTimeline(entries, 'all')).toHaveLength(4);
  });
});

describe('change values', () => {
  it.each([
    [null, '—'],
    ['', '—'],
    [[], '—'],
    [true, 'Yes'],
    [false, 'No'],
    [42, '42'],
    [['139', '138'], '139, 138'],
    [{ amount: '100.00', currency: 'CNY' }, '100.00 CNY'],
    [{ a: 1 }, '{"a":1}'],
  ])('%j reads %s', (value, expected) => {
    expect(formatChangeValue(value, labels)).toBe(expected);
  });

  it('shows coded fields with their label', () => {
    expect(changeValueText('industry', '制造业', 'en-US', labels)).toBe('Manufacturing');
    expect(changeValueText('region', '华南大区', 'en-US', labels)).toBe('South China');
    expect(changeValueText('name', '制造业', 'en-US', labels)).toBe('制造业');
    expect(changeValueText('industry', null, 'zh-CN', labels)).toBe('—');
  });

  it('shows the name of a known id', () => {
    const names = new Map([['u1', '李明']]);
    expect(changeValueText('ownerId', 'u1', 'zh-CN', labels, names)).toBe('李明');
    expect(changeValueText('ownerId', 'u2', 'zh-CN', labels, names)).toBe('u2');
  });
});
