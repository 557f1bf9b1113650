import { describe, expect, it } from 'vitest';
import { EMPTY_BANT } from './bant.js';
import {
  EMPTY_CRITERIA, evaluateExitCriteria, evaluateMove, planMove, stageSetProblems,
  type ExitCriteria, type GateFacts, type StageDraft, type StageLike,
} from './exit-criteria.js';

const facts = (patch: Partial<GateFacts['opportunity']> = {}, rest: Partial<Omit<GateFacts, 'opportunity'>> = {}): GateFacts => ({
  opportunity: {
    amountMinor: null, closeDate: '2026-01-31', nextStep: null, competitors: [], contactCount: 0, lineItemCount: 0, bant: EMPTY_BANT, ...patch,
  },
  stakeholders: [],
  documents: [],
  checklist: {},
  ...rest,
});
const criteria = (patch: Partial<ExitCriteria>): ExitCriteria => ({ ...EMPTY_CRITERIA, ...patch });

describe('the gate evaluator', () => {
  it.each<[string, ExitCriteria, GateFacts, { kind: string; key: string; code: string }[]]>([
    ['no criteria, nothing missing', EMPTY_CRITERIA, facts(), []],
    [
      'an open checklist item',
      criteria({ checklist: [{ key: 'demo', label: 'Demo held' }, { key: 'call', label: 'Call' }] }),
      facts({}, { checklist: { call: true, demo: false } }),
      [{ kind: 'checklist', key: 'demo', code: 'CHECKLIST_ITEM_NOT_DONE' }],
    ],
    [
      'fields: a zero amount is no amount, blank next step is none',
      criteria({ requiredFields: ['amount', 'nextStep', 'closeDate'] }),
      facts({ amountMinor: 0n, nextStep: '  ' }),
      [{ kind: 'field', key: 'amount', code: 'REQUIRED_FIELD_MISSING' }, { kind: 'field', key: 'nextStep', code: 'REQUIRED_FIELD_MISSING' }],
    ],
    [
      'fields that are there',
      criteria({ requiredFields: ['amount', 'contacts', 'lineItems', 'competitors'] }),
      facts({ amountMinor: 1n, contactCount: 1, lineItemCount: 2, competitors: ['Acme'] }),
      [],
    ],
    [
      'BANT parts, and budget approval on top of the budget',
      criteria({ requiredFields: ['bant.budget', 'bant.budget.approved', 'bant.need'] }),
      facts({ bant: { ...EMPTY_BANT, budget: { amount: { amount: '10.00', currency: 'CNY' }, approved: false } } }),
      [{ kind: 'field', key: 'bant.budget.approved', code: 'REQUIRED_FIELD_MISSING' }, { kind: 'field', key: 'bant.need', code: 'REQUIRED_FIELD_MISSING' }],
    ],
    [
      'documents match by kind or by name, ignoring case',
      criteria({ requiredDocuments: ['tender', 'Final_Proposal', 'contract'] }),
      facts({}, { documents: [{ name: 'Tender 2025.pdf', kind: 'TENDER' }, { name: 'final_proposal', kind: null }] }),
      [{ kind: 'document', key: 'contract', code: 'REQUIRED_DOCUMENT_MISSING' }],
    ],
    [
      'stakeholder coverage',
      criteria({ requiredStakeholders: ['power_sponsor_supports', 'supporter_identified'] }),
      facts({}, { stakeholders: [{ id: 'p', role: 'power_sponsor', level: 'c_level', attitude: 'neutral', lastContactAt: null }] }),
      [{ kind: 'stakeholder', key: 'power_sponsor_supports', code: 'POWER_SPONSOR_NOT_SUPPORTIVE' }, { kind: 'stakeholder', key: 'supporter_identified', code: 'NO_SUPPORTER' }],
    ],
  ])('%s', (_, c, f, expected) => {
    expect(evaluateExitCriteria(c, f).map(({ kind, key, code }) => ({ kind, key, code }))).toEqual(expected);
  });

  it('keeps the checklist label and the stakeholders concerned', () => {
    const missing = evaluateExitCriteria(
      criteria({ checklist: [{ key: 'demo', label: 'Demo held' }], requiredStakeholders: ['power_sponsor_supports'] }),
      facts({}, { stakeholders: [{ id: 'p', role: 'power_sponsor', level: null, attitude: 'oppose', lastContactAt: null }] }),
    );
    expect(missing).toEqual([
      { kind: 'checklist', key: 'demo', code: 'CHECKLIST_ITEM_NOT_DONE', label: 'Demo held' },
      { kind: 'stakeholder', key: 'power_sponsor_supports', code: 'POWER_SPONSOR_NOT_SUPPORTIVE', stakeholderIds: ['p'] },
    ]);
  });
});

const stage = (id: string, order: number, patch: Partial<StageLike> = {}): StageLike => ({
  id, name: id.toUpperCase(), order, isWon: false, isLost: false, exitCriteria: EMPTY_CRITERIA, ...patch,
});
const stages = [
  stage('a', 1, { exitCriteria: criteria({ requiredFields: ['nextStep'] }) }),
  stage('b', 2, { exitCriteria: criteria({ checklist: [{ key: 'b1', label: 'B one' }] }) }),
  stage('c', 3, { exitCriteria: criteria({ requiredFields: ['amount'] }) }),
  stage('d', 4),
  stage('won', 5, { isWon: true }),
  stage('lost', 6, { isLost: true }),
];
const byId = (id: string) => stages.find((s) => s.id === id)!;

describe('planning a move', () => {
  it.each<[string, string, string, string, string[]]>([
    ['one step forward passes the current stage', 'a', 'b', 'forward', ['a']],
    ['skipping passes every stage between', 'a', 'd', 'forward', ['a', 'b', 'c']],
    ['winning passes every open stage left', 'b', 'won', 'forward', ['b', 'c', 'd']],
    ['winning from the last open stage', 'd', 'won', 'forward', ['d']],
    ['going back passes nothing', 'c', 'a', 'backward', []],
    ['losing passes nothing', 'b', 'lost', 'backward', []],
    ['staying is no move', 'b', 'b', 'same', []],
  ])('%s (%s → %s)', (_, from, to, direction, passed) => {
    const move = planMove(stages, from, byId(to));
    expect(move.direction).toBe(direction);
    expect(move.direction === 'forward' ? move.passed.map((s) => s.id) : []).toEqual(passed);
  });

  it('tags each missing item with the stage it belongs to', () => {
    const missing = evaluateMove(planMove(stages, 'a', byId('d')), facts({ amountMinor: 100n }));
    expect(missing.map((m) => [m.stageId, m.key])).toEqual([['a', 'nextStep'], ['b', 'b1']]);
    expect(missing[1].stageName).toBe('B');
    expect(evaluateMove(planMove(stages, 'c', byId('a')), facts())).toEqual([]);
  });
});

const draft = (patch: Partial<StageDraft> = {}): StageDraft => ({
  key: null, name: 'Stage', probability: 10, forecastCategory: 'pipeline', isWon: false, isLost: false, exitCriteria: EMPTY_CRITERIA, ...patch,
});
const wonDraft = draft({ name: 'Won', isWon: true, probability: 100, forecastCategory: 'closed' });
const lostDraft = draft({ name: 'Lost', isLost: true, probability: 0, forecastCategory: 'omitted' });

describe('a valid set of stages', () => {
  it.each<[string, StageDraft[], string[]]>([
    ['open stages, then won and lost', [draft(), draft(), wonDraft, lostDraft], []],
    ['no won stage', [draft(), lostDraft], ['stages:ONE_WON_ONE_LOST']],
    ['two won stages', [draft(), wonDraft, wonDraft, lostDraft], ['stages:ONE_WON_ONE_LOST']],
    ['only terminal stages', [wonDraft, lostDraft], ['stages:NO_OPEN_STAGE']],
    ['an open stage after the won stage', [draft(), wonDraft, draft(), lostDraft], ['stages:TERMINAL_STAGES_LAST']],
    ['both won and lost', [draft(), { ...wonDraft, isLost: true }, lostDraft], ['stages:ONE_WON_ONE_LOST', '1:isWon:FIELD_INVALID']],
    ['a probability over 100', [draft({ probability: 120 }), wonDraft, lostDraft], ['0:probability:FIELD_INVALID']],
    ['duplicate stage keys', [draft({ key: 'x' }), draft({ key: 'x' }), wonDraft, lostDraft], ['1:key:DUPLICATE_KEY']],
    [
      'a checklist key used twice in the process',
      [
        draft({ exitCriteria: { ...EMPTY_CRITERIA, checklist: [{ key: 'k', label: 'K' }] } }),
        draft({ exitCriteria: { ...EMPTY_CRITERIA, checklist: [{ key: 'k', label: 'K again' }] } }),
        wonDraft, lostDraft,
      ],
      ['1:exitCriteria.checklist:DUPLICATE_KEY'],
    ],
  ])('%s', (_, set, problems) => {
    expect(stageSetProblems(set).map((p) => [p.index ?? 'stages', p.field === 'stages' ? undefined : p.field, p.code].filter((x) => x !== undefined).join(':')))
      .toEqual(problems);
  });
});
