import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../api/types';
import { timelineHeading } from './timeline-heading';

const base: TimelineEntry = { id: '1', kind: 'activity', at: '2025-03-01T00:00:00Z', actorName: null, title: '拜访 CIO', recordId: 'r', object: 'activities' };

describe('timelineHeading', () => {
  it('shows an activity by its subject', () => {
    expect(timelineHeading(base)).toEqual({ key: null, text: '拜访 CIO' });
  });

  it('translates the action of a change', () => {
    expect(timelineHeading({ ...base, kind: 'change', title: 'update', action: 'update' })).toEqual({ key: 'timeline.updated', text: null });
    expect(timelineHeading({ ...base, kind: 'change', title: 'create' })).toEqual({ key: 'timeline.created', text: null });
    expect(timelineHeading({ ...base, kind: 'change', title: 'merged' })).toEqual({ key: null, text: 'merged' });
  });

  it('does not repeat a note’s text in its heading', () => {
    expect(timelineHeading({ ...base, kind: 'note', title: 'Budget next year', body: 'Budget next year' })).toEqual({
      key: 'timeline.noteAdded',
      text: null,
    });
  });

  it('names the new contact', () => {
    expect(timelineHeading({ ...base, kind: 'contact', title: '王建国 · CIO' })).toEqual({ key: 'timeline.contactAdded', text: '王建国 · CIO' });
  });
});
