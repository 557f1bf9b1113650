import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import type { Opportunity } from '../api/opportunities';
import { bantRefusalAsFieldErrors, toDealFormValues, toDealInput } from './deal-form-values';

const deal = {
  id: 'd1',
  name: 'ERP 升级',
  accountId: 'a1',
  processId: 'p1',
  currency: 'CNY',
  amount: { amount: '500000.00', currency: 'CNY' },
  closeDate: '2026-03-31',
  ownerId: 'u1',
  bant: {
    budget: { amount: { amount: '450000.00', currency: 'CNY' }, approved: true },
    authority: { decisionMakerContactIds: ['c1'], participants: ['IT 部'] },
    need: { problem: '手工对账', goal: null },
    timeline: { date: '2026-03-01', reason: null },
  },
} as unknown as Opportunity;

describe('deal form values', () => {
  it('round-trips a deal into the same input', () => {
    const input = toDealInput(toDealFormValues(deal, { currency: 'USD' }));
    expect(input).toEqual({
      name: 'ERP 升级',
      accountId: 'a1',
      processId: 'p1',
      amount: { amount: '500000.00', currency: 'CNY' },
      closeDate: '2026-03-31',
      ownerId: 'u1',
      bant: {
        budget: { amount: { amount: '450000.00', currency: 'CNY' }, approved: true },
        authority: { decisionMakerContactIds: ['c1'], participants: ['IT 部'] },
        need: { problem: '手工对账', goal: null },
        timeline: { date: '2026-03-01', reason: null },
      },
    });
  });

  it('sends typed amounts as exact decimals, blanks as null, and leaves the amount out when line items set it', () => {
    const values = toDealFormValues(null, { currency: 'CNY', ownerId: 'u1', accountId: 'a9' });
    values.name = '  New deal ';
    values.amount.amount = '1,234.5';
    values.closeDate = dayjs('2026-06-30');
    values.bant.authority.participants = [' IT ', ''];
    const input = toDealInput(values);
    expect(input).toMatchObject({ name: 'New deal', accountId: 'a9', amount: { amount: '1234.50', currency: 'CNY' }, closeDate: '2026-06-30' });
    expect(input.bant).toEqual({
      budget: { amount: null, approved: false },
      authority: { decisionMakerContactIds: [], participants: ['IT'] },
      need: { problem: null, goal: null },
      timeline: { date: null, reason: null },
    });
    expect('processId' in input).toBe(false);
    expect('amount' in toDealInput(values, { amountFollowsLines: true })).toBe(false);
  });
});

describe('a strict tenant’s BANT refusal', () => {
  it('becomes field errors on the inputs of the missing parts', () => {
    const refused = new ApiError(400, 'BANT_INCOMPLETE', 'Qualify the deal first (BANT). Missing: need, timeline.', { missing: ['need', 'timeline'] });
    const mapped = bantRefusalAsFieldErrors(refused) as ApiError;
    expect(mapped.code).toBe('VALIDATION_FAILED');
    expect(mapped.fieldErrors.map((f) => f.field)).toEqual(['bant.need.problem', 'bant.timeline.date']);
  });
  it('leaves other errors alone', () => {
    const other = new ApiError(409, 'VERSION_CONFLICT', 'x');
    expect(bantRefusalAsFieldErrors(other)).toBe(other);
    expect(bantRefusalAsFieldErrors(new ApiError(400, 'BANT_INCOMPLETE', 'x', {}))).toBeInstanceOf(ApiError);
  });
});
