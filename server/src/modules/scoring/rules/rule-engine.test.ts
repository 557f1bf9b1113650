import { describe, expect, it } from 'vitest';
import { DAY_MS, decayFactor, roundPoints } from './decay.js';
import { gradeFor, scoreLead } from './rule-engine.js';
import type { EngagementEvent, Grade, LeadFacts, ScoringRuleDef } from './rule-types.js';

const NOW = new Date('2026-03-16T08:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

let seq = 0;
const rule = (r: Partial<ScoringRuleDef> & Pick<ScoringRuleDef, 'name' | 'category' | 'points'>): ScoringRuleDef => ({
  id: `r${++seq}`,
  field: null,
  eventKind: null,
  operator: null,
  value: null,
  cap: null,
  halfLifeDays: null,
  active: true,
  order: seq,
  ...r,
});

/** The journey's ICP: manufacturing +20, headcount ≥ 500 +15, and the usual extras. */
const ICP: ScoringRuleDef[] = [
  rule({ name: '制造业', category: 'fit', field: 'industry', operator: 'in', value: ['制造业', 'Manufacturing'], points: 20 }),
  rule({ name: 'Headcount ≥ 500', category: 'fit', field: 'headcount', operator: 'gte', value: 500, points: 15 }),
  rule({ name: 'Headcount 100–499', category: 'fit', field: 'headcount', operator: 'between', value: [100, 499], points: 8 }),
  rule({ name: 'Decision maker', category: 'fit', field: 'title', operator: 'contains', value: ['总监', 'CIO', 'CTO', 'Director', '总经理'], points: 15 }),
  rule({ name: '华东/华南', category: 'fit', field: 'region', operator: 'in', value: ['华东', '华南'], points: 5 }),
  rule({ name: 'Registered capital ≥ ¥10M', category: 'fit', field: 'registeredCapital', operator: 'gte', value: 10_000_000, points: 10 }),
  rule({ name: 'Student', category: 'fit', field: 'title', operator: 'contains', value: ['学生', 'Student'], points: -30 }),
  rule({ name: 'No e-mail on file', category: 'fit', field: 'email', operator: 'is_empty', points: -5 }),
];

const ENGAGEMENT: ScoringRuleDef[] = [
  rule({ name: 'E-mail opened', category: 'engagement', eventKind: 'email_open', points: 2, cap: 10, halfLifeDays: 14 }),
  rule({ name: 'E-mail clicked', category: 'engagement', eventKind: 'email_click', points: 5, cap: 20, halfLifeDays: 14 }),
  rule({
    name: 'Long visit', category: 'engagement', eventKind: 'web_visit', field: 'dwellSeconds', operator: 'gte', value: 120,
    points: 8, halfLifeDays: 7,
  }),
  rule({ name: 'Pricing page', category: 'engagement', eventKind: 'web_visit', field: 'url', operator: 'contains', value: ['pricing'], points: 10, cap: 10 }),
  rule({ name: 'Form submitted', category: 'engagement', eventKind: 'form_submit', points: 25, halfLifeDays: 30 }),
  rule({ name: 'Unsubscribed', category: 'engagement', eventKind: 'unsubscribe', points: -20 }),
];

const event = (kind: string, ageDays: number, details: Record<string, unknown> = {}): EngagementEvent => ({
  kind,
  at: daysAgo(ageDays),
  details,
});

describe('fit scoring against the ICP', () => {
  it.each<[string, LeadFacts, number, Grade, string[]]>([
    [
      'a Suzhou manufacturer, 1 200 people, IT director',
      { industry: '制造业', headcount: 1200, title: '信息中心总监', region: '华东', registeredCapital: 50_000_000, email: 'zhou@hengli.cn' },
      65, 'B', ['制造业', 'Headcount ≥ 500', 'Decision maker', '华东/华南', 'Registered capital ≥ ¥10M'],
    ],
    [
      'an English-speaking manufacturer, CIO',
      { industry: 'manufacturing', headcount: 800, title: 'CIO', region: 'North America', email: 'j.smith@acme.com' },
      50, 'C', ['制造业', 'Headcount ≥ 500', 'Decision maker'],
    ],
    [
      'a mid-size software firm, sales director',
      { industry: '软件和信息技术服务业', headcount: 300, title: 'Sales Director', region: '华南', email: 'li@kaiyuan.com' },
      28, 'D', ['Headcount 100–499', 'Decision maker', '华东/华南'],
    ],
    [
      'a student with no e-mail',
      { industry: '教育', headcount: null, title: '学生', email: null },
      -35, 'D', ['Student', 'No e-mail on file'],
    ],
    [
      'a sales manager at a 40-person manufacturer',
      { industry: '制造业', headcount: 40, title: '销售经理', email: 'chen@jinggong.cn' },
      20, 'D', ['制造业'],
    ],
  ])('%s', (_name, lead, total, grade, fired) => {
    const result = scoreLead(ICP, lead, [], NOW);
    expect(result).toMatchObject({ fit: total, engagement: 0, total, grade });
    expect(result.fired.map((f) => f.name)).toEqual(fired);
    expect(result.fired.reduce((s, f) => s + f.points, 0)).toBe(total);
  });

  it('explains each fired fit rule with the value it tested', () => {
    const result = scoreLead(ICP, { industry: '制造业', headcount: 650, email: 'a@b.cn' }, [], NOW);
    expect(result.fired[1]).toEqual({
      ruleId: ICP[1].id,
      name: 'Headcount ≥ 500',
      category: 'fit',
      points: 15,
      detail: { field: 'headcount', operator: 'gte', value: 500, actual: 650 },
    });
  });

  it('skips inactive rules', () => {
    const rules = ICP.map((r) => (r.name === '制造业' ? { ...r, active: false } : r));
    expect(scoreLead(rules, { industry: '制造业', email: 'a@b.cn' }, [], NOW).total).toBe(0);
  });

  it('lists fit rules before engagement rules, whatever their order', () => {
    const mixed = [{ ...ENGAGEMENT[0], order: -1 }, ...ICP];
    const result = scoreLead(mixed, { industry: '制造业', email: 'a@b.cn' }, [event('email_open', 0)], NOW);
    expect(result.fired.map((f) => f.category)).toEqual(['fit', 'engagement']);
  });

  it('evaluates rules in their order, whatever order they arrive in', () => {
    const result = scoreLead([...ICP].reverse(), { industry: '制造业', headcount: 900, email: 'a@b.cn' }, [], NOW);
    expect(result.fired.map((f) => f.name)).toEqual(['制造业', 'Headcount ≥ 500']);
  });
});

describe('engagement scoring with decay', () => {
  it.each<[string, EngagementEvent[], number]>([
    ['no engagement', [], 0],
    ['one fresh open', [event('email_open', 0)], 2],
    // 5 + 2.5 + 1.25 = 8.75 → 9: clicks today, one and two half-lives ago.
    ['three clicks 0, 14 and 28 days old', [event('email_click', 0), event('email_click', 14), event('email_click', 28)], 9],
    // 8 × 2^(−3.5/7) = 8 × 0.70710678… = 5.657 → 6
    ['a long visit half a half-life ago', [event('web_visit', 3.5, { dwellSeconds: 300 })], 6],
    ['a short visit scores nothing', [event('web_visit', 0, { dwellSeconds: 30 })], 0],
    // The pricing page never decays and is capped at one visit's worth.
    ['pricing page three times', [0, 10, 100].map((d) => event('web_visit', d, { url: 'https://l2c.cn/pricing', dwellSeconds: 5 })), 10],
    // 2 × 12 fresh opens = 24, capped at 10.
    ['a dozen opens hit the cap', Array.from({ length: 12 }, () => event('email_open', 0)), 10],
    // 25 × 2^(−60/30) = 6.25 → 6
    ['a form submitted two half-lives ago', [event('form_submit', 60)], 6],
    ['an unsubscribe takes points away', [event('email_click', 0), event('unsubscribe', 2)], -15],
    ['events after now are not counted', [{ kind: 'form_submit', at: new Date(NOW.getTime() + DAY_MS), details: {} }], 0],
    ['kinds without a rule are ignored', [event('content_download', 0)], 0],
  ])('%s → %i', (_name, events, engagement) => {
    const result = scoreLead(ENGAGEMENT, {}, events, NOW);
    expect(result.engagement).toBe(engagement);
    expect(result.fit).toBe(0);
    expect(result.fired.reduce((s, f) => s + f.points, 0)).toBe(engagement);
  });

  it('reports occurrences, undecayed and decayed points, cap and the latest event', () => {
    const events = [event('email_click', 0), event('email_click', 14), event('email_click', 28)];
    const [fired] = scoreLead(ENGAGEMENT, {}, events, NOW).fired;
    expect(fired).toEqual({
      ruleId: ENGAGEMENT[1].id,
      name: 'E-mail clicked',
      category: 'engagement',
      points: 9,
      detail: { eventKind: 'email_click', occurrences: 3, undecayed: 15, decayed: 8.75, capped: false, lastAt: NOW.toISOString() },
    });
  });

  it('a negative cap limits the loss', () => {
    const rules = [rule({ name: 'Bounced', category: 'engagement', eventKind: 'unsubscribe', points: -20, cap: 25 })];
    expect(scoreLead(rules, {}, [event('unsubscribe', 0), event('unsubscribe', 1)], NOW).engagement).toBe(-25);
  });

  it('the same lead loses engagement as time passes', () => {
    const events = [event('form_submit', 0), event('email_click', 0)];
    const later = (days: number) => scoreLead(ENGAGEMENT, {}, events, new Date(NOW.getTime() + days * DAY_MS)).engagement;
    // Form 25 (half-life 30) + click 5 (half-life 14): 25+5, 18+3, 13+1, 6+0.
    expect([later(0), later(14), later(30), later(60)]).toEqual([30, 21, 14, 6]);
  });
});

describe('totals and grades', () => {
  it('adds fit and engagement and grades the total with the tenant thresholds', () => {
    const lead: LeadFacts = { industry: '制造业', headcount: 1200, title: '采购总监', email: 'a@b.cn' };
    const result = scoreLead([...ICP, ...ENGAGEMENT], lead, [event('form_submit', 0), event('email_click', 0)], NOW);
    expect(result).toMatchObject({ fit: 50, engagement: 30, total: 80, grade: 'A' });
    expect(scoreLead([...ICP, ...ENGAGEMENT], lead, [], NOW, { gradeA: 90, gradeB: 45, gradeC: 20 }).grade).toBe('B');
  });

  it.each<[number, Grade]>([[100, 'A'], [80, 'A'], [79, 'B'], [60, 'B'], [59, 'C'], [40, 'C'], [39, 'D'], [-10, 'D']])(
    'total %i → %s',
    (total, grade) => expect(gradeFor(total, { gradeA: 80, gradeB: 60, gradeC: 40 })).toBe(grade),
  );
});

describe('decay maths', () => {
  it.each<[number, number | null, number]>([
    [0, 7, 1],
    [7, 7, 0.5],
    [14, 7, 0.25],
    [21, 7, 0.125],
    [30, 30, 0.5],
    [45, 30, 2 ** -1.5],
    [100, null, 1],
    [-1, 7, 1],
  ])('%d days with a half-life of %s days → %d', (age, halfLife, factor) => {
    expect(decayFactor(age, halfLife)).toBe(factor);
  });

  it('3.5 days at a half-life of 7 is worth 1/√2', () => {
    expect(decayFactor(3.5, 7)).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it.each<[number, number]>([[2.5, 3], [-2.5, -3], [2.49, 2], [-0.4, 0], [8.75, 9]])('rounds %d to %d', (value, rounded) => {
    expect(roundPoints(value)).toBe(rounded);
  });
});
