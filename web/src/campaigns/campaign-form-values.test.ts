import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../api/types';
import {
  DEFAULT_FORM_SETTINGS, toCampaignFormValues, toCampaignInput, toCostInput, toFormSettingsInput, toResponseSubmission,
} from './campaign-form-values';

const campaign: Campaign = {
  id: 'c1', createdAt: '', updatedAt: '', version: 3, ownerId: 'u1',
  name: '研讨会', type: 'seminar', status: 'planned', statusChangedAt: '',
  startDate: '2025-09-18', endDate: '2025-09-19', description: null,
  budget: { amount: '50000.00', currency: 'CNY' },
  goals: { leads: 200, mqls: null, pipeline: { amount: '3000000.00', currency: 'CNY' } },
  formKey: 'k', form: DEFAULT_FORM_SETTINGS,
};

describe('campaign form values', () => {
  it('round-trips a campaign: dates as days, amounts exact, one currency', () => {
    const values = toCampaignFormValues(campaign, 'USD');
    expect(values.currency).toBe('CNY');
    expect(toCampaignInput(values, false)).toEqual({
      name: '研讨会', type: 'seminar', startDate: '2025-09-18', endDate: '2025-09-19', description: null,
      budget: { amount: '50000.00', currency: 'CNY' },
      goals: { leads: 200, mqls: null, pipeline: { amount: '3000000.00', currency: 'CNY' } },
      ownerId: 'u1',
    });
  });

  it('sends the initial status on create only, and typed amounts without floats', () => {
    const input = toCampaignInput(
      { name: ' Expo ', type: 'trade_show', status: 'active', dates: [dayjs('2025-11-01'), null], currency: 'CNY', budget: '1,234.5', goalPipeline: '' },
      true,
    );
    expect(input).toMatchObject({ name: 'Expo', status: 'active', startDate: '2025-11-01', endDate: null, budget: { amount: '1234.50', currency: 'CNY' } });
    expect(input.goals.pipeline).toBeNull();
  });

  it('shows every required form field', () => {
    const settings = toFormSettingsInput({ ...DEFAULT_FORM_SETTINGS, fields: ['email'], requiredFields: ['company'], title: '  ' });
    expect(settings).toMatchObject({ fields: ['email', 'company'], requiredFields: ['company'], title: null });
  });

  it('builds a cost in the campaign currency and a response of the filled fields only', () => {
    expect(toCostInput({ date: dayjs('2025-08-01'), category: 'venue', amount: '12,000.5', note: ' ' }, 'CNY')).toEqual({
      date: '2025-08-01', category: 'venue', amount: { amount: '12000.50', currency: 'CNY' }, note: null,
    });
    expect(toResponseSubmission({ name: ' 王 ', email: '', phone: '138' })).toEqual({ name: '王', phone: '138' });
  });
});
