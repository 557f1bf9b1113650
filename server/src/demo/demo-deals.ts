import { convertLead } from '../modules/conversion/lead-conversion.service.js';
import { addStakeholder, type StakeholderInput } from '../modules/opportunities/battle-map.service.js';
import { addDocument } from '../modules/opportunities/deal-documents.service.js';
import { importHistoricalDeals, type HistoricalDeal } from '../modules/opportunities/deal-history-import.service.js';
import { advanceOpportunity, closeOpportunity, setChecklistItem } from '../modules/opportunities/deal-stages.service.js';
import { createOpportunity, opportunityStore, updateOpportunity, type Opportunity } from '../modules/opportunities/opportunities.service.js';
import { defaultProcessForDeal, type SalesProcess } from '../modules/opportunities/sales-processes.service.js';
import { addDays } from '../modules/analytics/fiscal-periods.js';
import type { DemoProducts } from './demo-catalog.js';
import { DEMO_USERS } from './demo-data.js';
import type { ConvertibleLead } from './demo-leads.js';
import { BATTLE_MAP_DEAL, HISTORY_DEALS, type HistoryDeal } from './demo-sales-data.js';
import { closeDayIn, dayBetween, dayFromToday, morningOf, pastMorningOf, type DemoWorld } from './demo-world.js';

/** The deal's dates: a closed one closes in its quarter (this one: up to today); an open one is expected ahead. */
function historyDates({ calendar }: DemoWorld, deal: HistoryDeal) {
  const closed = deal.stage === 'won' || deal.stage === 'lost';
  if (!closed) {
    const quarter = deal.quarter === 'previous' ? 'current' : deal.quarter;
    return { createdAt: morningOf(calendar, dayFromToday(calendar, -deal.cycle)), closeDate: closeDayIn(calendar, quarter, deal.at), closedAt: null };
  }
  const { start, end } = calendar.quarters[deal.quarter];
  const day = deal.quarter === 'current' ? dayBetween(start, calendar.today, deal.at) : dayBetween(start, addDays(end, -1), deal.at);
  const closedAt = pastMorningOf(calendar, day);
  return { createdAt: new Date(closedAt.getTime() - deal.cycle * 86_400_000), closeDate: day, closedAt };
}

const teamOfOwner = (world: DemoWorld, owner: HistoryDeal['owner']) => world.teamIds[DEMO_USERS.find((u) => u.key === owner)!.team];

/** Last quarter's and this quarter's closed deals, and open ones created weeks ago, as the history import writes them. */
export async function seedHistoryDeals(world: DemoWorld, products: DemoProducts): Promise<void> {
  const deals: HistoricalDeal[] = HISTORY_DEALS.map((deal) => {
    const product = products[deal.product];
    return {
      name: deal.name,
      accountId: world.accounts[deal.account].id,
      ownerId: world.userIds[deal.owner],
      teamId: teamOfOwner(world, deal.owner),
      stage: deal.stage,
      currency: 'CNY',
      amount: deal.amount,
      ...historyDates(world, deal),
      lossReason: deal.lossReason ?? null,
      product: { id: product.id, name: product.name, code: product.code, productLineId: product.productLineId, listPrice: product.listPrice?.amount ?? null },
    };
  });
  const results = await importHistoricalDeals(world.ctx, deals);
  const refused = results.find((r) => !r.ok);
  if (refused) throw new Error(`Demo history deal refused: ${JSON.stringify(refused)}`);
}

/**
 * Moves a deal stage by stage to `stageKey` (or through the last open stage to won) as its rep
 * would: ticks each stage's checklist and attaches the documents it asks for, then advances.
 */
async function walkDeal(world: DemoWorld, process: SalesProcess, deal: Opportunity, stageKey: string): Promise<void> {
  const open = process.stages.filter((s) => !s.isWon && !s.isLost);
  for (const stage of open.slice(open.findIndex((s) => s.id === deal.stageId))) {
    if (stage.key === stageKey) return;
    for (const item of stage.exitCriteria.checklist) await setChecklistItem(world.ctx, deal.id, item.key, true);
    for (const kind of stage.exitCriteria.requiredDocuments) await addDocument(world.ctx, deal.id, { name: `${kind}.pdf`, kind });
    const next = open[open.indexOf(stage) + 1];
    if (next) await advanceOpportunity(world.ctx, deal.id, { stageId: next.id });
  }
  if (stageKey === 'won') await closeOpportunity(world.ctx, deal.id, { outcome: 'won', note: '客户签约 Signed' });
}

/** The qualified leads become accounts, contacts and deals (so campaign ROI credits their pipeline); some are won or lost today. */
export async function seedConvertedDeals(world: DemoWorld, products: DemoProducts, leads: readonly ConvertibleLead[]): Promise<void> {
  const { ctx, calendar } = world;
  const process = (await defaultProcessForDeal(ctx))!;
  for (const { lead, plan } of leads) {
    const { converted: productKey, quantity, outcome, closeInDays } = plan.stage;
    const result = await convertLead(ctx, lead.id, {
      // Their companies are new. (Said outright: the duplicate search behind matching an
      // existing account queues work outside the seed's transaction, which PGlite cannot serve.)
      createAccount: true,
      createOpportunity: true,
      opportunity: {
        name: `${lead.company} ${products[productKey].name}`,
        closeDate: dayFromToday(calendar, closeInDays),
        bant: { need: { problem: '销售过程缺乏统一管理 Sales process needs one system' } },
        contactIsDecisionMaker: true,
      },
    });
    const created = await opportunityStore.get(ctx, result.opportunityId!);
    const deal = await updateOpportunity(ctx, created.id, { lineItems: [{ productId: products[productKey].id, quantity }] }, created.version);
    if (outcome === 'lost') {
      await closeOpportunity(ctx, deal.id, { outcome: 'lost', lossReason: 'price', competitor: 'Acme CRM', note: '竞品报价低 30% Competitor 30 % cheaper' });
    } else {
      await walkDeal(world, process, deal, outcome === 'won' ? 'won' : closeInDays > 30 ? 'product_understanding' : 'quote');
    }
  }
}

/** Rep 1's big deal with its buying committee on the battle map (JOURNEYS.md 4). */
export async function seedBattleMapDeal(world: DemoWorld, products: DemoProducts): Promise<void> {
  const { ctx, calendar, userIds } = world;
  const account = world.accounts[BATTLE_MAP_DEAL.account];
  const deal = await createOpportunity(ctx, {
    name: BATTLE_MAP_DEAL.name,
    accountId: account.id,
    ownerId: userIds.rep1,
    closeDate: dayFromToday(calendar, BATTLE_MAP_DEAL.closeInDays),
    lineItems: BATTLE_MAP_DEAL.lines.map((l) => ({ productId: products[l.product].id, quantity: l.quantity })),
    contacts: account.contactIds.map((contactId) => ({ contactId })),
    bant: { need: { problem: BATTLE_MAP_DEAL.need } },
    nextStep: '与 CIO 的高层拜访 Executive visit with the CIO',
  });
  const process = (await defaultProcessForDeal(ctx))!;
  await walkDeal(world, process, deal, 'product_understanding');
  for (const s of BATTLE_MAP_DEAL.stakeholders) {
    const { contact, ...input } = s;
    await addStakeholder(ctx, deal.id, { ...input, contactId: account.contactIds[contact], relationshipOwnerId: userIds.rep1 } as StakeholderInput);
  }
}
