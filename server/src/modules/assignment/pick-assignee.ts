import type { AssignmentStrategy } from './assignment-criteria.js';

/** A team member as assignment sees them: settings plus the current count of open leads. */
export interface Candidate {
  userId: string;
  /** Off: the member takes no new leads (settings switch, or the user is deactivated). */
  active: boolean;
  /** Most open leads the member may hold; null is no limit. */
  capacity: number | null;
  /** Share of leads under least-loaded: a member with weight 2 is "as loaded" with twice the leads. */
  weight: number;
  /** Absence period, inclusive of `absentFrom`, exclusive of `absentTo`; either end may be open. */
  absentFrom: Date | null;
  absentTo: Date | null;
  openLeads: number;
}

export interface PickState {
  now: Date;
  /** The member who got the previous lead of this team (round-robin pointer). */
  lastUserId: string | null;
  /** Members not to give this lead to (e.g. the rep who rejected it). */
  exclude?: ReadonlySet<string>;
}

/** Whether the member can take one more lead now. */
export function isAvailable(c: Candidate, now: Date, exclude?: ReadonlySet<string>): boolean {
  if (!c.active || exclude?.has(c.userId)) return false;
  if (c.capacity !== null && c.openLeads >= c.capacity) return false;
  const absentStarted = c.absentFrom === null || c.absentFrom <= now;
  const absentNotEnded = c.absentTo === null || now < c.absentTo;
  const absent = (c.absentFrom !== null || c.absentTo !== null) && absentStarted && absentNotEnded;
  return !absent;
}

/**
 * Who in the team gets the next lead, or null when nobody can take one.
 * - round_robin: the first available member after `lastUserId` in the members' order, wrapping.
 * - least_loaded: the available member with the fewest open leads per unit of weight; ties go
 *   to fewer open leads, then to the members' order.
 * Capacity, the active switch and absences are honoured by both. Pure: no I/O.
 */
export function pickAssignee(members: readonly Candidate[], strategy: AssignmentStrategy, state: PickState): string | null {
  const available = (c: Candidate) => isAvailable(c, state.now, state.exclude);
  if (strategy === 'round_robin') {
    const start = members.findIndex((m) => m.userId === state.lastUserId) + 1;
    for (let i = 0; i < members.length; i++) {
      const candidate = members[(start + i) % members.length];
      if (available(candidate)) return candidate.userId;
    }
    return null;
  }
  let best: Candidate | null = null;
  for (const candidate of members) {
    if (!available(candidate)) continue;
    if (best === null || lighter(candidate, best)) best = candidate;
  }
  return best?.userId ?? null;
}

function lighter(a: Candidate, b: Candidate): boolean {
  // Compare a.open / a.weight < b.open / b.weight without division.
  const left = a.openLeads * Math.max(b.weight, 1);
  const right = b.openLeads * Math.max(a.weight, 1);
  if (left !== right) return left < right;
  return a.openLeads < b.openLeads;
}
