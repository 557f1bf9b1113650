import type { Executor } from '../db/client.js';
import { purgeIdempotencyKeys } from '../http/idempotency.js';
import { defineJob } from '../jobs/registry.js';
import { schedule } from '../jobs/schedules.js';
import { purgeExpiredSessions } from './sessions.service.js';

export const authHousekeepingJob = defineJob<Record<string, never>>('auth.housekeeping', async (_payload, { db }) => {
  await purgeExpiredSessions(db);
  await purgeIdempotencyKeys(db);
});

/** Hourly: expired sessions and day-old idempotency keys go. */
export const scheduleAuthHousekeeping = (exec: Executor) =>
  schedule(exec, { name: 'auth.housekeeping', cron: '7 * * * *', type: authHousekeepingJob.type, payload: {} });
