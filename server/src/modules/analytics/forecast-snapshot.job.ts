import { systemContext } from '../../platform/auth/context-loader.js';
import type { Executor } from '../../platform/db/client.js';
import { tenants } from '../../platform/tenancy/tenancy.schema.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { schedule } from '../../platform/jobs/schedules.js';
import { takeForecastSnapshot } from './forecast.service.js';

/** Weekly: every tenant's forecast of the current quarter is kept as it stands, for forecast accuracy. */
export const forecastSnapshotJob = defineJob<Record<string, never>>('analytics.forecast-snapshot', async (_payload, { db }) => {
  for (const tenant of await db.select({ id: tenants.id }).from(tenants)) {
    await takeForecastSnapshot(systemContext(db, tenant.id, 'analytics'));
  }
});

export const FORECAST_SNAPSHOT_SCHEDULE = 'analytics.forecast-snapshot';

/** Mondays 01:30 UTC (idempotent: run on every start). */
export const scheduleAnalyticsJobs = (exec: Executor) =>
  schedule(exec, { name: FORECAST_SNAPSHOT_SCHEDULE, cron: '30 1 * * 1', type: forecastSnapshotJob.type, payload: {} });
