/** The offset of a time zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant a wall-clock hour of a day has in a time zone (e.g. 09:00 on 2025-03-01 in Asia/Shanghai). */
export function zonedTime(day: string, timeZone: string, hour = 0): Date {
  const guess = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const first = new Date(guess.getTime() - offsetMinutes(timeZone, guess) * 60_000);
  return new Date(guess.getTime() - offsetMinutes(timeZone, first) * 60_000);
}
