import {
  CAMPAIGN_ACTIONS,
  MEMBER_STATUSES,
  type Campaign,
  type CampaignAction,
  type CampaignStatus,
  type CampaignType,
  type MemberStatus,
} from '../api/types';

/**
 * The campaign rules the pages need to offer the right buttons. The server enforces them; these
 * mirror server/src/modules/campaigns/campaign-lifecycle.ts and member-status.ts.
 */
const ACTION_FROM: Record<CampaignAction, readonly CampaignStatus[]> = {
  activate: ['planned'],
  complete: ['active'],
  abort: ['planned', 'active'],
};

export function allowedCampaignActions(status: CampaignStatus): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => ACTION_FROM[action].includes(status));
}

/** Members only move forward; steps may be skipped. */
export function nextMemberStatuses(status: MemberStatus): MemberStatus[] {
  return MEMBER_STATUSES.slice(MEMBER_STATUSES.indexOf(status) + 1);
}

export const ONLINE_TYPES: readonly CampaignType[] = ['seo', 'sem', 'content', 'webinar', 'email'];

/** Completed and aborted campaigns take no more registrations, whatever the form says. */
export const isRunning = (status: CampaignStatus) => status === 'planned' || status === 'active';

export const formTakesResponses = (campaign: Pick<Campaign, 'status' | 'form'>) => campaign.form.open && isRunning(campaign.status);

/** The public page of the form, e.g. https://crm.example.com/f/AZr…; no sign-in needed. */
export function publicFormUrl(origin: string, formKey: string): string {
  return `${origin.replace(/\/+$/, '')}/f/${encodeURIComponent(formKey)}`;
}
