import type { RequestContext } from '../../platform/access/context.js';
import { relinkCampaignMembers } from '../campaigns/member-relink.service.js';
import { relinkAccountChildren, relinkActivities, relinkNotes, relinkReportingLines } from '../customers/customer-relink.service.js';
import { relinkConvertedLeads, relinkLeadHistory } from '../leads/lead-data-quality.service.js';
import {
  relinkOpportunityAccounts,
  relinkOpportunityContacts,
  relinkOpportunityLeads,
  stakeholderConflicts,
} from '../opportunities/opportunity-relink.service.js';
import { relinkNurtureLeads } from '../nurture/lead-relink.service.js';
import { relinkLeadEngagement } from '../scoring/engagement-relink.service.js';
import type { DedupObject } from './party-of-record.js';

/** What moved to the survivor, by kind: ids of the related records now pointing at it. */
export type MovedRecords = Record<string, string[]>;

type Relink = (ctx: RequestContext, fromIds: readonly string[], toId: string) => Promise<MovedRecords>;

/**
 * The records of every module that point at a lead, account or contact, and how each moves to
 * the survivor of a merge — through the owning module's exported service, in the merge's
 * transaction. A module with new links to these records adds its relink here.
 */
const RELINKS: Record<DedupObject, Relink[]> = {
  leads: [
    async (ctx, from, to) => ({ activities: await relinkActivities(ctx, 'lead', from, to) }),
    async (ctx, from, to) => ({ notes: await relinkNotes(ctx, 'leads', from, to) }),
    async (ctx, from, to) => {
      const { touches, statusHistory } = await relinkLeadHistory(ctx, from, to);
      return { touches, statusHistory };
    },
    async (ctx, from, to) => {
      const { moved, combined } = await relinkCampaignMembers(ctx, 'lead', from, to);
      return { campaignMembers: moved, campaignMembersCombined: combined };
    },
    async (ctx, from, to) => ({ engagementEvents: await relinkLeadEngagement(ctx, from, to) }),
    async (ctx, from, to) => {
      const { enrollments, endedEnrollments, history } = await relinkNurtureLeads(ctx, from, to);
      return { nurtureEnrollments: enrollments, nurtureEnrollmentsEnded: endedEnrollments, nurtureHistory: history };
    },
    async (ctx, from, to) => ({ opportunities: await relinkOpportunityLeads(ctx, from, to) }),
  ],
  accounts: [
    async (ctx, from, to) => ({ activities: await relinkActivities(ctx, 'account', from, to) }),
    async (ctx, from, to) => ({ notes: await relinkNotes(ctx, 'accounts', from, to) }),
    async (ctx, from, to) => relinkAccountChildren(ctx, from, to),
    async (ctx, from, to) => ({ convertedLeads: await relinkConvertedLeads(ctx, 'account', from, to) }),
    async (ctx, from, to) => ({ opportunities: await relinkOpportunityAccounts(ctx, from, to) }),
  ],
  contacts: [
    async (ctx, from, to) => ({ activities: await relinkActivities(ctx, 'contact', from, to) }),
    async (ctx, from, to) => ({ notes: await relinkNotes(ctx, 'contacts', from, to) }),
    async (ctx, from, to) => ({ reports: await relinkReportingLines(ctx, from, to) }),
    async (ctx, from, to) => ({ convertedLeads: await relinkConvertedLeads(ctx, 'contact', from, to) }),
    async (ctx, from, to) => {
      const { moved, combined } = await relinkCampaignMembers(ctx, 'contact', from, to);
      return { campaignMembers: moved, campaignMembersCombined: combined };
    },
    async (ctx, from, to) => {
      const { stakeholders, opportunities } = await relinkOpportunityContacts(ctx, from, to);
      return { stakeholders, opportunities };
    },
  ],
};

/** Moves everything pointing at the merged records to the survivor; kinds with nothing moved are left out. */
export async function relinkMerged(ctx: RequestContext, object: DedupObject, fromIds: readonly string[], toId: string): Promise<MovedRecords> {
  const moved: MovedRecords = {};
  for (const relink of RELINKS[object]) {
    for (const [kind, ids] of Object.entries(await relink(ctx, fromIds, toId))) {
      if (ids.length > 0) moved[kind] = [...(moved[kind] ?? []), ...ids];
    }
  }
  return moved;
}

/** Links a person must sort out before the merge: deals whose battle map shows both contacts. */
export async function mergeBlockers(ctx: RequestContext, object: DedupObject, fromIds: readonly string[], toId: string): Promise<string[]> {
  return object === 'contacts' ? stakeholderConflicts(ctx, fromIds, toId) : [];
}
