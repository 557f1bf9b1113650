/** How urgent an inbox lead is, from its first-response deadline. */
export type SlaState = 'none' | 'ok' | 'dueSoon' | 'breached';

/** "Due soon" is the last quarter of the SLA, or the last hour when the SLA is unknown. */
export function slaState(dueAt: string | null, now: Date, slaHours: number | null): SlaState {
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left <= 0) return 'breached';
  const warn = slaHours && slaHours > 0 ? (slaHours * 3600_000) / 4 : 3600_000;
  return left <= warn ? 'dueSoon' : 'ok';
}

/** A duration in seconds as the largest sensible unit: 45 min, 3.5 h, 2.1 d. */
export function splitDuration(seconds: number): { value: number; unit: 'minute' | 'hour' | 'day' } {
  const abs = Math.abs(seconds);
  if (abs < 3600) return { value: Math.round(seconds / 60), unit: 'minute' };
  if (abs < 48 * 3600) return { value: Math.round((seconds / 3600) * 10) / 10, unit: 'hour' };
  return { value: Math.round((seconds / 86400) * 10) / 10, unit: 'day' };
}
