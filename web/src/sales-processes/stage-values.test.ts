import { describe, expect, it } from 'vitest';
import type { SalesProcess, Stage } from '../api/sales-processes';
import { checklistKey, groupByBusinessLine, splitStages, toStageFormValues, toStageInput } from './stage-values';

const stage = (id: string, order: number, extra: Partial<Stage> = {}): Stage => ({
  id,
  processId: 'p',
  key: null,
  name: id,
  order,
  probability: 10,
  forecastCategory: 'pipeline',
  isWon: false,
  isLost: false,
  exitCriteria: { checklist: [], requiredFields: [], requiredDocuments: [], requiredStakeholders: [] },
  ...extra,
});

const processOf = (stages: Stage[], extra: Partial<SalesProcess> = {}): SalesProcess => ({
  id: 'p', createdAt: '', updatedAt: '', version: 3, name: 'P', businessLine: null, description: null, templateKey: null,
  isDefault: false, allowManagerOverride: true, active: true, stages, ...extra,
});

describe('checklistKey', () => {
  it.each([
    { label: 'Proposal sent', taken: [], expected: 'proposal_sent' },
    { label: '  Budget — approved!  ', taken: [], expected: 'budget_approved' },
    { label: 'Café démo', taken: [], expected: 'cafe_demo' },
    { label: '确认客户目标', taken: [], expected: 'item' },
    { label: '确认客户目标', taken: ['item', 'item_2'], expected: 'item_3' },
    { label: 'Proposal sent', taken: ['proposal_sent'], expected: 'proposal_sent_2' },
    { label: 'x'.repeat(80), taken: [], expected: 'x'.repeat(46) },
  ])('$label → $expected', ({ label, taken, expected }) => {
    const key = checklistKey(label, new Set(taken));
    expect(key).toBe(expected);
    expect(key).toMatch(/^[a-z0-9_]{1,50}$/);
  });
});

describe('toStageInput', () => {
  it('keeps existing keys, gives new items keys unique across the process, drops blank items and repeated documents', () => {
    const other = stage('a', 1, {
      exitCriteria: { checklist: [{ key: 'item', label: '其他阶段' }], requiredFields: [], requiredDocuments: [], requiredStakeholders: [] },
    });
    const mine = stage('b', 2, {
      exitCriteria: { checklist: [{ key: 'demo_done', label: 'Demo done' }], requiredFields: ['amount'], requiredDocuments: [], requiredStakeholders: [] },
    });
    const values = {
      ...toStageFormValues(mine),
      probability: 35,
      checklist: [{ key: 'demo_done', label: 'Demo done ' }, { label: '报价已发送' }, { label: '   ' }, { label: 'Demo done' }],
      requiredDocuments: ['tender', ' tender ', ''],
      requiredStakeholders: ['power_sponsor_supports' as const],
    };
    expect(toStageInput(values, processOf([other, mine]), 'b')).toEqual({
      name: 'b',
      probability: 35,
      forecastCategory: 'pipeline',
      exitCriteria: {
        checklist: [{ key: 'demo_done', label: 'Demo done' }, { key: 'item_2', label: '报价已发送' }, { key: 'demo_done_2', label: 'Demo done' }],
        requiredFields: ['amount'],
        requiredDocuments: ['tender'],
        requiredStakeholders: ['power_sponsor_supports'],
      },
    });
  });

  it('a new stage of a new process has free keys', () => {
    const values = { ...toStageFormValues(null), name: ' Discover ', checklist: [{ label: 'Pain confirmed' }] };
    expect(toStageInput(values, null, null)).toMatchObject({ name: 'Discover', probability: 10, exitCriteria: { checklist: [{ key: 'pain_confirmed', label: 'Pain confirmed' }] } });
  });
});

describe('stage and process lists', () => {
  it('splits open stages from won and lost, in order', () => {
    const split = splitStages([stage('lost', 4, { isLost: true }), stage('two', 2), stage('won', 3, { isWon: true }), stage('one', 1)]);
    expect(split.open.map((s) => s.id)).toEqual(['one', 'two']);
    expect(split.closing.map((s) => s.id)).toEqual(['won', 'lost']);
  });

  it('groups processes by business line, those without first', () => {
    const groups = groupByBusinessLine([
      processOf([], { id: '1', name: 'Solution', businessLine: 'Enterprise' }),
      processOf([], { id: '2', name: 'Simple', businessLine: null }),
      processOf([], { id: '3', name: 'Renewal', businessLine: ' ' }),
      processOf([], { id: '4', name: 'Channel', businessLine: 'Channel' }),
    ]);
    expect(groups.map((g) => [g.businessLine, g.processes.map((p) => p.name)])).toEqual([
      [null, ['Renewal', 'Simple']],
      ['Channel', ['Channel']],
      ['Enterprise', ['Solution']],
    ]);
  });
});
