import { addCost, type CostCategory } from '../modules/campaigns/campaign-costs.service.js';
import { applyCampaignAction, createCampaign } from '../modules/campaigns/campaigns.service.js';
import { DEMO_CAMPAIGNS, type CampaignKey } from './demo-sales-data.js';
import { dayFromToday, type DemoWorld } from './demo-world.js';

/** The marketing campaigns with their costs: finished ones completed, running ones active. Returns their ids. */
export async function seedDemoCampaigns({ ctx, calendar, userIds }: DemoWorld): Promise<Record<CampaignKey, string>> {
  const ids = {} as Record<CampaignKey, string>;
  for (const c of DEMO_CAMPAIGNS) {
    const campaign = await createCampaign(ctx, {
      name: c.name,
      type: c.type,
      status: 'active',
      startDate: dayFromToday(calendar, c.startDay),
      endDate: dayFromToday(calendar, c.endDay),
      budget: { amount: c.budget, currency: 'CNY' },
      ownerId: userIds.marketing,
    });
    for (const cost of c.costs) {
      await addCost(ctx, campaign.id, {
        date: dayFromToday(calendar, cost.day), category: cost.category as CostCategory, amount: { amount: cost.amount, currency: 'CNY' }, note: cost.note,
      });
    }
    if (c.done) await applyCampaignAction(ctx, campaign.id, 'complete');
    ids[c.key] = campaign.id;
  }
  return ids;
}
