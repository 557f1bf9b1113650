import { addMember } from '../modules/campaigns/campaign-members.service.js';
import type { MemberStatus } from '../modules/campaigns/member-status.js';
import type { LeadAction } from '../modules/leads/lead-lifecycle.js';
import { applyLeadAction, applyLeadActionMany, assignLeads, createLeadsBulk, type Lead } from '../modules/leads/leads.service.js';
import { rescoreLeadBatch } from '../modules/scoring/lead-scoring.service.js';
import { scoringRuleStore } from '../modules/scoring/scoring-rules.service.js';
import { DEMO_REGIONS } from './demo-data.js';
import { DEMO_LEADS, DEMO_SCORING_RULES, LEAD_COMPANIES, LEAD_REASONS, type CampaignKey, type DemoLead, type LeadStage } from './demo-sales-data.js';
import type { DemoWorld } from './demo-world.js';

/** How far a campaign's people got: the events were attended, the ads and mails answered. */
const MEMBER_STATUS: Record<CampaignKey, MemberStatus> = { tradeShow: 'attended', webinar: 'attended', searchAds: 'responded', caseMail: 'responded' };

/** The lifecycle actions that bring a new lead to its demo stage (assignment happens after promotion). */
function actionsTo(stage: LeadStage): LeadAction[] {
  if (typeof stage === 'object') return ['promote', 'accept', 'qualify'];
  switch (stage) {
    case 'new': case 'disqualified': return [];
    case 'mql': case 'inbox': case 'recycled': return ['promote'];
    case 'accepted': return ['promote', 'accept'];
    case 'sql': return ['promote', 'accept', 'qualify'];
  }
}

export interface ConvertibleLead {
  lead: Lead;
  plan: DemoLead & { stage: Exclude<LeadStage, string> };
}

/**
 * The scoring rules, then the leads of the campaigns and other sources, scored by those rules
 * and moved through the lifecycle to where the story has them. Returns the leads the deals
 * step converts (accepted and qualified, with their owner).
 */
export async function seedDemoLeads(world: DemoWorld, campaignIds: Record<CampaignKey, string>): Promise<ConvertibleLead[]> {
  const { ctx, userIds } = world;
  for (const rule of DEMO_SCORING_RULES) await scoringRuleStore.create(ctx, { ...rule, active: true });

  const leads = await createLeadsBulk(ctx, DEMO_LEADS.map((plan, i) => {
    const company = LEAD_COMPANIES[plan.company];
    return {
      name: plan.name,
      title: plan.title,
      company: company.name,
      industry: company.industry,
      headcount: company.headcount,
      province: company.province,
      city: company.city,
      region: DEMO_REGIONS[company.region]['zh-CN'],
      phone: `1390000${String(i + 1).padStart(4, '0')}`,
      email: `lead${i + 1}@company${plan.company + 1}-demo.example.cn`,
      productInterest: 'CRM',
      source: plan.source,
      campaignId: plan.campaign ? campaignIds[plan.campaign] : null,
      ownerId: null,
    };
  }), 'user');
  for (const [i, lead] of leads.entries()) {
    const campaign = DEMO_LEADS[i].campaign;
    if (campaign) await addMember(ctx, campaignIds[campaign], { leadId: lead.id, status: MEMBER_STATUS[campaign] });
  }
  await rescoreLeadBatch(ctx, leads);

  const withAction = (action: LeadAction) => leads.filter((_, i) => actionsTo(DEMO_LEADS[i].stage).includes(action)).map((l) => l.id);
  await applyLeadActionMany(ctx, withAction('promote'), 'promote');
  await assignLeads(ctx, leads.flatMap((lead, i) => {
    const owner = DEMO_LEADS[i].owner;
    return owner ? [{ id: lead.id, ownerId: userIds[owner], reason: null }] : [];
  }));
  await applyLeadActionMany(ctx, withAction('accept'), 'accept');
  await applyLeadActionMany(ctx, withAction('qualify'), 'qualify');
  for (const stage of ['recycled', 'disqualified'] as const) {
    const action = stage === 'recycled' ? 'return-to-nurture' : 'disqualify';
    const ids = leads.filter((_, i) => DEMO_LEADS[i].stage === stage).map((l) => l.id);
    for (const [n, id] of ids.entries()) await applyLeadAction(ctx, id, action, { reason: LEAD_REASONS[stage][n % LEAD_REASONS[stage].length] });
  }
  return leads.flatMap((lead, i) => {
    const plan = DEMO_LEADS[i];
    return typeof plan.stage === 'object' ? [{ lead, plan: plan as ConvertibleLead['plan'] }] : [];
  });
}
