/**
 * Campaign kinds and the campaign lifecycle as a small state machine: planned → active →
 * completed, and either of the first two may be aborted. Anything else is refused with the
 * allowed actions named.
 */
export const CAMPAIGN_TYPES = [
  'seo', 'sem', 'content', 'webinar', 'email', 'sponsorship', 'seminar', 'conference', 'trade_show', 'other',
] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** Campaigns people sign up for and attend: a form response is a registration, not yet a response. */
export const EVENT_TYPES: readonly CampaignType[] = ['webinar', 'seminar', 'conference', 'trade_show'];
export const isEventType = (type: string) => (EVENT_TYPES as readonly string[]).includes(type);

export const CAMPAIGN_STATUSES = ['planned', 'active', 'completed', 'aborted'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A campaign may be created as planned or already running. */
export const INITIAL_STATUSES: readonly CampaignStatus[] = ['planned', 'active'];

export const CAMPAIGN_ACTIONS = ['activate', 'complete', 'abort'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const TRANSITIONS: Record<CampaignAction, { from: readonly CampaignStatus[]; to: CampaignStatus }> = {
  activate: { from: ['planned'], to: 'active' },
  complete: { from: ['active'], to: 'completed' },
  abort: { from: ['planned', 'active'], to: 'aborted' },
};

/** The event published when an action succeeds. */
export const ACTION_EVENTS: Record<CampaignAction, string> = {
  activate: 'campaigns.activated',
  complete: 'campaigns.completed',
  abort: 'campaigns.aborted',
};

export type CampaignTransition =
  | { ok: true; to: CampaignStatus }
  | { ok: false; allowed: CampaignAction[] };

export function campaignTransition(from: CampaignStatus, action: CampaignAction): CampaignTransition {
  return TRANSITIONS[action].from.includes(from) ? { ok: true, to: TRANSITIONS[action].to } : { ok: false, allowed: allowedCampaignActions(from) };
}

export function allowedCampaignActions(from: CampaignStatus): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(from));
}

/** Completed and aborted campaigns take no more responses, costs may still be booked. */
export const isRunning = (status: CampaignStatus) => status === 'planned' || status === 'active';
