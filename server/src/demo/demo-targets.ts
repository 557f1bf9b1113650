import { takeForecastSnapshot } from '../modules/analytics/forecast.service.js';
import { createTarget } from '../modules/analytics/targets.service.js';
import { DEMO_TARGETS } from './demo-sales-data.js';
import type { DemoWorld } from './demo-world.js';

const cny = (amount: string) => ({ amount, currency: 'CNY' });

/**
 * Revenue quotas for this fiscal quarter and year (the reps and their teams), the quarter's
 * visit and call targets, and today's forecast snapshot (what forecast accuracy is measured on).
 */
export async function seedDemoTargets(world: DemoWorld): Promise<void> {
  const { ctx, calendar, userIds, teamIds } = world;
  const quarter = calendar.quarters.current.key;
  const year = calendar.year.key;
  for (const rep of DEMO_TARGETS.reps) {
    const ownerId = userIds[rep.owner];
    await createTarget(ctx, { ownerId, period: quarter, amount: cny(rep.quarter) });
    await createTarget(ctx, { ownerId, period: year, amount: cny(rep.year) });
    await createTarget(ctx, { ownerId, period: quarter, metric: 'visits', quantity: rep.visits });
    await createTarget(ctx, { ownerId, period: quarter, metric: 'calls', quantity: rep.calls });
  }
  for (const team of DEMO_TARGETS.teams) {
    await createTarget(ctx, { teamId: teamIds[team.team], period: quarter, amount: cny(team.quarter) });
    await createTarget(ctx, { teamId: teamIds[team.team], period: year, amount: cny(team.year) });
  }
  await takeForecastSnapshot(ctx);
}
