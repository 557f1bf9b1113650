/**
 * The weekly visit plan (OPP-7): ISO weeks in the tenant's time zone, and what each visit counts
 * as — planned (on the plan before it was due), done (checked in), missed, upcoming, unplanned.
 */

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (utcMs: number) => {
  const d = new Date(utcMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const utcMsOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** `2026-W48` → the Monday of that ISO week (a calendar date), or null when not a valid week. */
export function mondayOfIsoWeek(week: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const [year, n] = [Number(m[1]), Number(m[2])];
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const monday = monday1 + (n - 1) * 7 * DAY;
  if (n < 1 || isoWeekOf(dateOf(monday)) !== week) return null;
  return dateOf(monday);
}

/** The ISO week (`2026-W48`) a calendar date belongs to. */
export function isoWeekOf(date: string): string {
  const ms = utcMsOf(date);
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${pad(week)}`;
}

/** The calendar date of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The instant a calendar date begins in a time zone (local midnight). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = utcMsOf(date);
  const offset = (ms: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms;
  };
  const first = guess - offset(guess);
  return new Date(guess - offset(first));
}

/** The seven days of a week (Monday first) and the instants the week starts and ends in the zone. */
export function weekDays(monday: string, timeZone: string) {
  const days = Array.from({ length: 7 }, (_, i) => dateOf(utcMsOf(monday) + i * DAY));
  return { days, from: startOfLocalDay(days[0], timeZone), to: startOfLocalDay(dateOf(utcMsOf(monday) + 7 * DAY), timeZone) };
}

export interface PlanVisit {
  createdAt: string;
  startAt: string | null;
  status: string;
  checkIn: { at: string } | null;
}

export type VisitOutcome = 'done' | 'missed' | 'upcoming' | 'cancelled';

/** When the visit counts: its check-in if any, else its scheduled start, else when it was logged. */
export const visitTime = (v: PlanVisit) => v.checkIn?.at ?? v.startAt ?? v.createdAt;

/** On the plan: scheduled before it was due (a visit logged afterwards is unplanned). */
export const wasPlanned = (v: PlanVisit) => !!v.startAt && Date.parse(v.createdAt) < Date.parse(v.startAt);

/** What became of a visit by `now`: done means checked in; a visit past its time without one is missed. */
export function visitOutcome(v: PlanVisit, now: Date): VisitOutcome {
  if (v.status === 'cancelled') return 'cancelled';
  if (v.status === 'done' && v.checkIn) return 'done';
  return Date.parse(visitTime(v)) < now.getTime() ? 'missed' : 'upcoming';
}

export interface PlanCounts {
  /** Visits on the plan (scheduled in advance), whatever became of them. */
  planned: number;
  /** Visits checked in (planned or not). */
  done: number;
  /** Planned visits whose time passed without a check-in. */
  missed: number;
  upcoming: number;
  cancelled: number;
  /** Checked-in visits that were not on the plan. */
  unplanned: number;
}

export const emptyCounts = (): PlanCounts => ({ planned: 0, done: 0, missed: 0, upcoming: 0, cancelled: 0, unplanned: 0 });

/** Adds one visit to the counts. */
export function countVisit(counts: PlanCounts, v: PlanVisit, now: Date): void {
  const planned = wasPlanned(v);
  const outcome = visitOutcome(v, now);
  if (planned) counts.planned += 1;
  if (outcome === 'done') counts.done += 1;
  if (outcome === 'done' && !planned) counts.unplanned += 1;
  if (outcome === 'cancelled') counts.cancelled += 1;
  if (outcome === 'missed') counts.missed += 1;
  if (outcome === 'upcoming') counts.upcoming += 1;
}
