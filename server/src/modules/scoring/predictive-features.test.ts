import { describe, expect, it } from 'vitest';
import {
  engagementFeatures, leadOutcome, leadRow, modelQuality, seniorityOf, updateAffectsPrediction, type LabelInput,
} from './predictive-features.js';

describe('seniorityOf', () => {
  it.each([
    ['董事长', 'executive'],
    ['总经理', 'executive'],
    ['首席信息官', 'executive'],
    ['CEO', 'executive'],
    ['Co-Founder & CTO', 'executive'],
    ['General Manager', 'executive'],
    ['副总经理', 'director'],
    ['副总裁', 'director'],
    ['VP Sales', 'director'],
    ['Vice President, Operations', 'director'],
    ['信息中心总监', 'director'],
    ['Head of IT', 'director'],
    ['IT Director', 'director'],
    ['采购经理', 'manager'],
    ['生产主管', 'manager'],
    ['Project Manager', 'manager'],
    ['Engineer', 'staff'],
    ['采购专员', 'staff'],
    ['Buyer', 'staff'],
    ['实习生', 'other'],
    ['Intern', 'other'],
    ['  ', null],
    [null, null],
  ] as const)('%s → %s', (title, bucket) => {
    expect(seniorityOf(title)).toBe(bucket);
  });

  it('reads English words whole: "chief" in "mischief" is no executive, "head" in "headquarters" no director', () => {
    expect(seniorityOf('Mischief maker')).toBe('other');
    expect(seniorityOf('Headquarters receptionist')).toBe('other');
  });
});

const DAY = 86_400_000;
const now = new Date('2026-06-30T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
const lead = (fields: Partial<LabelInput>): LabelInput => ({
  status: 'new',
  createdAt: daysAgo(10),
  statusChangedAt: daysAgo(10),
  convertedAt: null,
  convertedOpportunityId: null,
  ...fields,
});

describe('leadOutcome (the label rule)', () => {
  it.each([
    ['converted', lead({ status: 'converted', statusChangedAt: daysAgo(3) }), 1],
    ['sql', lead({ status: 'sql' }), 1],
    ['with an opportunity, whatever the status', lead({ status: 'accepted', convertedOpportunityId: '0190a0b0-0000-7000-8000-000000000001' }), 1],
    ['disqualified', lead({ status: 'disqualified' }), 0],
    ['new for 91 days', lead({ status: 'new', createdAt: daysAgo(91) }), 0],
    ['recycled, created 120 days ago', lead({ status: 'recycled', createdAt: daysAgo(120), statusChangedAt: daysAgo(2) }), 0],
    ['new for 30 days', lead({ status: 'new', createdAt: daysAgo(30) }), null],
    ['mql for a year', lead({ status: 'mql', createdAt: daysAgo(365) }), null],
    ['accepted', lead({ status: 'accepted', createdAt: daysAgo(365) }), null],
  ] as const)('%s → %s', (_name, input, label) => {
    expect(leadOutcome(input, now)?.label ?? null).toBe(label);
  });

  it('counts engagement up to the outcome', () => {
    expect(leadOutcome(lead({ status: 'disqualified', statusChangedAt: daysAgo(5) }), now)?.until).toEqual(new Date(daysAgo(5)));
    const converted = lead({ status: 'converted', statusChangedAt: daysAgo(1), convertedAt: daysAgo(4) });
    expect(leadOutcome(converted, now)?.until).toEqual(new Date(daysAgo(4)));
    expect(leadOutcome(lead({ status: 'new', createdAt: daysAgo(200) }), now)?.until).toEqual(now);
  });

  it('takes the staleness from the rule', () => {
    expect(leadOutcome(lead({ createdAt: daysAgo(40) }), now, { staleDays: 30 })?.label).toBe(0);
  });
});

describe('rows', () => {
  it('reads the fields the model needs, with seniority and engagement counts', () => {
    const row = leadRow(
      {
        source: 'referral', industry: '制造业', province: '江苏', region: '华东', title: '生产总监', productInterest: 'MES',
        headcount: 1200, registeredCapital: { amount: '50000000.00' },
      },
      'seminar',
      engagementFeatures({ email_open: 3, event_registration: 1, event_attendance: 1, unsubscribe: 1 }),
    );
    expect(row).toEqual({
      source: 'referral', industry: '制造业', province: '江苏', region: '华东', seniority: 'director', productInterest: 'MES',
      campaignType: 'seminar', headcount: 1200, registeredCapital: '50000000.00',
      emailOpens: 3, emailClicks: 0, webVisits: 0, formSubmits: 0, contentDownloads: 0, events: 2,
    });
  });
});

describe('modelQuality', () => {
  it.each([
    [0.95, 'excellent'], [0.9, 'excellent'], [0.85, 'good'], [0.72, 'fair'], [0.65, 'weak'], [0.5, 'poor'], [null, 'unknown'], [Number.NaN, 'unknown'],
  ] as const)('%s → %s', (auc, quality) => {
    expect(modelQuality(auc)).toBe(quality);
  });
});

describe('updateAffectsPrediction', () => {
  it.each([
    [{ source: { before: 'web', after: 'referral' } }, true],
    [{ title: { before: null, after: 'CIO' } }, true],
    [{ status: { before: 'disqualified', after: 'new' } }, true],
    [{ description: { before: null, after: 'met at a fair' } }, false],
    [{ predictedScore: { before: 10, after: 40 } }, false],
    [{ score: { before: 10, after: 40 }, grade: { before: 'D', after: 'C' }, fitScore: { before: 10, after: 40 } }, false],
    [null, false],
  ])('%j → %s', (changes, expected) => {
    expect(updateAffectsPrediction(changes)).toBe(expected);
  });
});
