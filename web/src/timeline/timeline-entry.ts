import type { ActivityType, TimelineEntry, TimelineKind } from '../api/types';
import { ACTIVITY_TYPES } from '../api/types';

/** What picks an entry's icon: the activity type for activities, otherwise the kind. */
export type TimelineVisual = ActivityType | Exclude<TimelineKind, 'activity'> | 'activity';

export function timelineVisual(entry: Pick<TimelineEntry, 'kind' | 'activityType'>): TimelineVisual {
  if (entry.kind === 'activity') {
    return entry.activityType && (ACTIVITY_TYPES as readonly string[]).includes(entry.activityType)
      ? entry.activityType
      : 'activity';
  }
  return entry.kind;
}

const COLORS: Record<TimelineVisual, string> = {
  visit: 'green',
  call: 'blue',
  meeting: 'purple',
  email: 'cyan',
  task: 'orange',
  activity: 'blue',
  note: 'gold',
  change: 'gray',
  contact: 'magenta',
};

export function timelineColor(visual: TimelineVisual): string {
  return COLORS[visual];
}

export type TimelineFilter = 'all' | TimelineKind;

/** Newest first, whatever order the entries came in; equal times keep their order. */
export function sortNewestFirst<T extends { at: string }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => (b.time || 0) - (a.time || 0) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function filterTimeline(entries: readonly TimelineEntry[], filter: TimelineFilter): TimelineEntry[] {
  return filter === 'all' ? [...entries] : entries.filter((entry) => entry.kind === filter);
}

function isMoneyLike(value: object): value is { amount: string | number; currency: string } {
  return 'amount' in value && 'currency' in value;
}

/** A before/after value as one line of text: empty values read as an em dash, money as "1234.50 CNY". */
export function formatChangeValue(value: unknown, labels: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((item) => formatChangeValue(item, labels)).join(', ');
  }
  if (typeof value === 'object') {
    if (isMoneyLike(value)) return `${value.amount} ${value.currency}`;
    return JSON.stringify(value);
  }
  return String(value);
}
