import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../api/opportunities';
import type { Stage } from '../api/sales-processes';
import { ApiError } from '../api/api-error';
import { gateRefusal, knownGaps, missingByStage } from './stage-gaps';

const stage = {
  exitCriteria: {
    checklist: [{ key: 'first_meeting', label: 'First call held' }, { key: 'demo', label: 'Demo' }],
    requiredFields: ['contacts', 'amount', 'bant.need', 'bant.budget.approved'],
    requiredDocuments: ['quote'],
    requiredStakeholders: ['power_sponsor_identified'],
  },
} as unknown as Stage;

const deal = (patch: Partial<Opportunity> = {}) =>
  ({
    amount: null,
    closeDate: '2026-03-31',
    nextStep: null,
    competitors: [],
    contacts: [],
    lineItems: [],
    checklist: {},
    bant: {
      budget: { amount: null, approved: false },
      authority: { decisionMakerContactIds: [], participants: [] },
      need: { problem: null, goal: null },
      timeline: { date: null, reason: null },
    },
    ...patch,
  }) as Opportunity;

describe('known gaps of a deal at its stage', () => {
  it('lists unticked checklist items and empty required fields, not documents or battle-map checks', () => {
    expect(knownGaps(stage, deal())).toEqual([
      { kind: 'checklist', key: 'first_meeting', label: 'First call held' },
      { kind: 'checklist', key: 'demo', label: 'Demo' },
      { kind: 'field', key: 'contacts' },
      { kind: 'field', key: 'amount' },
      { kind: 'field', key: 'bant.need' },
      { kind: 'field', key: 'bant.budget.approved' },
    ]);
  });

  it('is empty once the record shows everything', () => {
    const done = deal({
      checklist: { first_meeting: { done: true, at: '', byId: null }, demo: { done: true, at: '', byId: null } },
      contacts: [{ contactId: 'c1', role: null }],
      amount: { amount: '10.00', currency: 'CNY' },
      bant: { ...deal().bant, need: { problem: '对账慢', goal: null }, budget: { amount: null, approved: true } },
    });
    expect(knownGaps(stage, done)).toEqual([]);
  });

  it('treats a zero amount and an unticked item as missing, and no stage as nothing to check', () => {
    const gaps = knownGaps(stage, deal({ amount: { amount: '0.00', currency: 'CNY' }, checklist: { demo: { done: false, at: '', byId: null } } }));
    expect(gaps.some((g) => g.key === 'amount')).toBe(true);
    expect(gaps.some((g) => g.key === 'demo')).toBe(true);
    expect(knownGaps(undefined, deal())).toEqual([]);
  });
});

describe('a refused move', () => {
  const missing = [
    { kind: 'checklist', key: 'first_meeting', code: 'CHECKLIST_ITEM_NOT_DONE', message: '尚未完成：已完成首次通话或拜访。', stageName: '初步接洽' },
    { kind: 'field', key: 'contacts', code: 'REQUIRED_FIELD_MISSING', message: '请填写：联系人。', stageName: '初步接洽' },
    { kind: 'field', key: 'bant.need', code: 'REQUIRED_FIELD_MISSING', message: '请填写：需求（BANT）。', stageName: '产品了解' },
  ];
  it('reads what is missing and whether the caller may override', () => {
    const refusal = gateRefusal(new ApiError(409, 'STAGE_GATE_UNMET', '商机尚不能推进', { stageId: 's', missing, canOverride: true }));
    expect(refusal).toEqual({ message: '商机尚不能推进', missing, canOverride: true });
    expect(gateRefusal(new ApiError(409, 'STAGE_GATE_UNMET', 'x', { missing: [{ nope: 1 }] }))).toEqual({ message: 'x', missing: [], canOverride: false });
    expect(gateRefusal(new ApiError(409, 'VERSION_CONFLICT', 'x'))).toBeNull();
    expect(gateRefusal(new Error('x'))).toBeNull();
  });
  it('groups the items by the stage they belong to', () => {
    const groups = missingByStage(missing as never);
    expect(groups.map((g) => [g.stageName, g.items.length])).toEqual([['初步接洽', 2], ['产品了解', 1]]);
  });
});
