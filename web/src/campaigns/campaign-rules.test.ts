import { describe, expect, it } from 'vitest';
import { allowedCampaignActions, formTakesResponses, nextMemberStatuses, publicFormUrl } from './campaign-rules';
import { DEFAULT_FORM_SETTINGS } from './campaign-form-values';

describe('campaign rules', () => {
  it('offers the actions each status allows', () => {
    expect(allowedCampaignActions('planned')).toEqual(['activate', 'abort']);
    expect(allowedCampaignActions('active')).toEqual(['complete', 'abort']);
    expect(allowedCampaignActions('completed')).toEqual([]);
    expect(allowedCampaignActions('aborted')).toEqual([]);
  });

  it('moves members forward only', () => {
    expect(nextMemberStatuses('invited')).toEqual(['registered', 'attended', 'responded']);
    expect(nextMemberStatuses('attended')).toEqual(['responded']);
    expect(nextMemberStatuses('responded')).toEqual([]);
  });

  it('a form takes responses while open and the campaign runs', () => {
    const open = { ...DEFAULT_FORM_SETTINGS, open: true };
    expect(formTakesResponses({ status: 'active', form: open })).toBe(true);
    expect(formTakesResponses({ status: 'completed', form: open })).toBe(false);
    expect(formTakesResponses({ status: 'planned', form: { ...open, open: false } })).toBe(false);
  });

  it('builds the public link', () => {
    expect(publicFormUrl('https://crm.example.com/', 'AbC-_1')).toBe('https://crm.example.com/f/AbC-_1');
  });
});
