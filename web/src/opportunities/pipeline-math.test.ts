import { describe, expect, it } from 'vitest';
import { boardColumns, dropIntent, fromMinor, stageDuration, toMinor, totalsByCurrency, withDealAt } from './pipeline-math';

const cny = (amount: string) => ({ amount, currency: 'CNY' });

describe('minor units', () => {
  it.each([
    ['0', 0n],
    ['1234.5', 123450n],
    ['1234.56', 123456n],
    ['-0.05', -5n],
    ['99999999999999.99', 9999999999999999n],
  ])('%s ↔ %s', (text, minor) => {
    expect(toMinor(text)).toBe(minor);
  });
  it('refuses what is not an amount', () => {
    expect(toMinor('1.234')).toBeNull();
    expect(toMinor('abc')).toBeNull();
  });
  it('prints two decimals, with the sign', () => {
    expect(fromMinor(123450n)).toBe('1234.50');
    expect(fromMinor(-5n)).toBe('-0.05');
    expect(fromMinor(0n)).toBe('0.00');
  });
});

describe('totals by currency', () => {
  it('sums exactly and rounds the weighted sum once, like the server', () => {
    const totals = totalsByCurrency([
      { amount: cny('100000.00'), currency: 'CNY', probability: 10 },
      { amount: cny('333.33'), currency: 'CNY', probability: 10 },
      { amount: cny('50000.00'), currency: 'CNY', probability: 10 },
      { amount: null, currency: 'CNY', probability: 10 },
      { amount: { amount: '2000.00', currency: 'USD' }, currency: 'USD', probability: 10 },
    ]);
    expect(totals).toEqual([
      { currency: 'CNY', count: 4, amount: '150333.33', weighted: '15033.33' },
      { currency: 'USD', count: 1, amount: '2000.00', weighted: '200.00' },
    ]);
  });
  it('does not lose cents that float arithmetic would (0.1 + 0.2)', () => {
    const [total] = totalsByCurrency([
      { amount: cny('0.10'), currency: 'CNY', probability: 50 },
      { amount: cny('0.20'), currency: 'CNY', probability: 50 },
    ]);
    expect(total).toEqual({ currency: 'CNY', count: 2, amount: '0.30', weighted: '0.15' });
  });
  it('rounds half away from zero', () => {
    expect(totalsByCurrency([{ amount: cny('0.05'), currency: 'CNY', probability: 50 }])[0].weighted).toBe('0.03');
  });
  it('is empty for no deals', () => {
    expect(totalsByCurrency([])).toEqual([]);
  });
});

const stages = [
  { id: 'won', order: 4, isWon: true, isLost: false },
  { id: 'b', order: 2, isWon: false, isLost: false },
  { id: 'a', order: 1, isWon: false, isLost: false },
  { id: 'lost', order: 5, isWon: false, isLost: true },
];
const deal = (id: string, stageId: string, closeDate: string, amount: string | null, probability = 10) => ({
  id,
  name: id,
  stageId,
  closeDate,
  amount: amount === null ? null : cny(amount),
  currency: 'CNY',
  probability,
});

describe('board columns', () => {
  it('has one column per open stage in order, deals by close date, each with its totals', () => {
    const columns = boardColumns(stages, [
      deal('late', 'a', '2026-06-01', '10.00'),
      deal('soon', 'a', '2026-01-01', '20.00'),
      deal('b1', 'b', '2026-03-01', null, 30),
      deal('closed', 'won', '2026-03-01', '99.00', 100),
      deal('elsewhere', 'x', '2026-03-01', '1.00'),
    ]);
    expect(columns.map((c) => c.stage.id)).toEqual(['a', 'b']);
    expect(columns[0].deals.map((d) => d.id)).toEqual(['soon', 'late']);
    expect(columns[0].totals).toEqual([{ currency: 'CNY', count: 2, amount: '30.00', weighted: '3.00' }]);
    expect(columns[1].totals).toEqual([{ currency: 'CNY', count: 1, amount: '0.00', weighted: '0.00' }]);
  });
});

describe('drop intent', () => {
  it.each([
    ['a', null, { kind: 'none' }],
    ['a', 'a', { kind: 'none' }],
    ['a', 'unknown', { kind: 'none' }],
    ['a', 'b', { kind: 'advance', stageId: 'b' }],
    ['b', 'a', { kind: 'advance', stageId: 'a' }],
    ['a', 'won', { kind: 'close', outcome: 'won' }],
    ['b', 'lost', { kind: 'close', outcome: 'lost' }],
  ] as const)('from %s onto %s', (from, to, intent) => {
    expect(dropIntent(stages, from, to)).toEqual(intent);
  });
});

describe('helpers', () => {
  it('moves one deal to another stage, leaving the others', () => {
    const moved = withDealAt([deal('x', 'a', '2026-01-01', null), deal('y', 'a', '2026-01-01', null)], 'x', 'b');
    expect(moved.map((d) => d.stageId)).toEqual(['b', 'a']);
  });
  it('splits a duration into days, hours and minutes', () => {
    expect(stageDuration(3 * 86400 + 4 * 3600 + 59)).toEqual({ days: 3, hours: 4, minutes: 0 });
    expect(stageDuration(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
