import { describe, expect, it } from 'vitest';
import { checkProbabilityOverride, resolveProbability, stageDefaults, type ProbabilityInputs } from './probability.js';

const base: ProbabilityInputs = {
  status: 'open',
  stageProbability: 50,
  stageForecastCategory: 'best_case',
  probabilityOverride: null,
  forecastCategoryOverride: null,
};

describe('probability and forecast resolution', () => {
  it.each<[string, Partial<ProbabilityInputs>, number, string, string]>([
    ['the stage value by default', {}, 50, 'best_case', 'stage'],
    ['a person’s override', { probabilityOverride: 70 }, 70, 'best_case', 'override'],
    ['an override of zero is an override', { probabilityOverride: 0 }, 0, 'best_case', 'override'],
    ['a forecast override alone', { forecastCategoryOverride: 'commit' }, 50, 'commit', 'stage'],
    ['both overrides', { probabilityOverride: 80, forecastCategoryOverride: 'commit' }, 80, 'commit', 'override'],
    ['won is certain, whatever was set', { status: 'won', probabilityOverride: 30 }, 100, 'closed', 'closed'],
    ['lost is zero and omitted', { status: 'lost', forecastCategoryOverride: 'commit' }, 0, 'omitted', 'closed'],
  ])('%s', (_, patch, probability, forecastCategory, probabilitySource) => {
    expect(resolveProbability({ ...base, ...patch })).toEqual({ probability, forecastCategory, probabilitySource });
  });

  it.each<[number | null, string | null, ReturnType<typeof checkProbabilityOverride>]>([
    [null, null, { ok: true }],
    [70, 'CFO confirmed budget', { ok: true }],
    [70, null, { ok: false, field: 'probabilityOverrideReason', code: 'OVERRIDE_REASON_REQUIRED' }],
    [70, '   ', { ok: false, field: 'probabilityOverrideReason', code: 'OVERRIDE_REASON_REQUIRED' }],
    [101, 'x', { ok: false, field: 'probabilityOverride', code: 'FIELD_INVALID' }],
    [-1, 'x', { ok: false, field: 'probabilityOverride', code: 'FIELD_INVALID' }],
    [33.5, 'x', { ok: false, field: 'probabilityOverride', code: 'FIELD_INVALID' }],
  ])('override %s with reason %j', (value, reason, result) => {
    expect(checkProbabilityOverride(value, reason)).toEqual(result);
  });

  it('won and lost stages stand for 100 % closed and 0 % omitted', () => {
    expect(stageDefaults({ probability: 40, forecastCategory: 'pipeline', isWon: true, isLost: false })).toEqual({ probability: 100, forecastCategory: 'closed' });
    expect(stageDefaults({ probability: 40, forecastCategory: 'pipeline', isWon: false, isLost: true })).toEqual({ probability: 0, forecastCategory: 'omitted' });
    expect(stageDefaults({ probability: 40, forecastCategory: 'pipeline', isWon: false, isLost: false })).toEqual({ probability: 40, forecastCategory: 'pipeline' });
  });
});
