import { describe, expect, it } from 'vitest';
import { EMPTY_BANT } from './bant.js';
import { evaluateMove, planMove, stageSetProblems, type GateFacts } from './exit-criteria.js';
import { TEMPLATE_KEYS, TEMPLATES, templateIn } from './process-templates.js';

describe('sales process templates', () => {
  it.each(TEMPLATE_KEYS)('%s is a valid process in both languages', (key) => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const t = templateIn(key, locale);
      expect(stageSetProblems(t.stages)).toEqual([]);
      expect(t.stages.every((s) => s.name.trim() !== '')).toBe(true);
      const open = t.stages.filter((s) => !s.isWon && !s.isLost).map((s) => s.probability);
      expect([...open].sort((a, b) => a - b)).toEqual(open);
    }
  });

  it('the solution sale: 50 % at "win the power sponsor", which needs the power sponsor to support', () => {
    const t = templateIn('solution', 'en-US');
    expect(t.stages.map((s) => s.key)).toEqual([
      'goal_identification', 'solution', 'win_power_sponsor', 'key_decision_makers', 'evaluation', 'negotiation', 'won', 'lost',
    ]);
    const sponsor = t.stages.find((s) => s.key === 'win_power_sponsor')!;
    expect(sponsor.probability).toBe(50);
    expect(sponsor.exitCriteria.requiredStakeholders).toContain('power_sponsor_supports');
    expect(t.stages.find((s) => s.key === 'key_decision_makers')!.exitCriteria.requiredStakeholders).toContain('executive_covered');
    expect(t.stages.find((s) => s.key === 'evaluation')!.exitCriteria.requiredDocuments).toEqual(['tender', 'final_proposal']);
  });

  it('the simple sale: contact → product understanding → quote → won / lost', () => {
    expect(TEMPLATES.simple.stages.map((s) => s.key)).toEqual(['contact', 'product_understanding', 'quote', 'won', 'lost']);
  });

  it('journey 4: a neutral power sponsor keeps the deal in "win the power sponsor"', () => {
    const stages = templateIn('solution', 'en-US').stages.map((s, i) => ({ ...s, id: s.key!, order: i + 1 }));
    const facts: GateFacts = {
      opportunity: { amountMinor: null, closeDate: '2026-01-31', nextStep: null, competitors: [], contactCount: 2, lineItemCount: 0, bant: EMPTY_BANT },
      stakeholders: [{ id: 'cio', role: 'power_sponsor', level: 'c_level', attitude: 'neutral', lastContactAt: null }],
      documents: [],
      checklist: {},
    };
    const to = stages.find((s) => s.id === 'key_decision_makers')!;
    const missing = evaluateMove(planMove(stages, 'win_power_sponsor', to), facts);
    expect(missing.map((m) => `${m.kind}:${m.key}:${m.code}`)).toEqual([
      'field:bant.authority:REQUIRED_FIELD_MISSING',
      'stakeholder:power_sponsor_supports:POWER_SPONSOR_NOT_SUPPORTIVE',
    ]);
  });
});
