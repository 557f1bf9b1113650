import { describe, expect, it } from 'vitest';
import {
  allowedCampaignActions, campaignTransition, isEventType, isRunning, type CampaignAction, type CampaignStatus,
} from './campaign-lifecycle.js';

describe('campaign lifecycle', () => {
  it.each<[CampaignStatus, CampaignAction, CampaignStatus]>([
    ['planned', 'activate', 'active'],
    ['active', 'complete', 'completed'],
    ['planned', 'abort', 'aborted'],
    ['active', 'abort', 'aborted'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(campaignTransition(from, action)).toEqual({ ok: true, to });
  });

  it.each<[CampaignStatus, CampaignAction]>([
    ['planned', 'complete'],
    ['active', 'activate'],
    ['completed', 'activate'],
    ['completed', 'abort'],
    ['aborted', 'activate'],
    ['aborted', 'complete'],
  ])('refuses %s --%s--> and names what is allowed', (from, action) => {
    expect(campaignTransition(from, action)).toEqual({ ok: false, allowed: allowedCampaignActions(from) });
  });

  it('completed and aborted campaigns are final and take no responses', () => {
    expect(allowedCampaignActions('completed')).toEqual([]);
    expect(allowedCampaignActions('aborted')).toEqual([]);
    expect([isRunning('planned'), isRunning('active'), isRunning('completed'), isRunning('aborted')]).toEqual([true, true, false, false]);
  });

  it('knows which campaigns are events people register for', () => {
    expect(['webinar', 'seminar', 'conference', 'trade_show'].every(isEventType)).toBe(true);
    expect(['seo', 'sem', 'content', 'email', 'sponsorship', 'other'].some(isEventType)).toBe(false);
  });
});
