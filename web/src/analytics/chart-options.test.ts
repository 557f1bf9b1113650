import { describe, expect, it } from 'vitest';
import type { FunnelStep } from '../api/analytics';
import { barsOption, conversionOption, funnelOption, LEAK_COLOR, percentValue, plotValue } from './chart-options';

const step = (key: string, count: number, companyCount: number, extra: Partial<FunnelStep> = {}): FunnelStep => ({
  key, label: key.toUpperCase(), count, companyCount, conversion: null, overall: null, companyConversion: null, leakiest: false, ...extra,
});

const STEPS = [
  step('leads', 100, 400),
  step('mql', 0, 200, { conversion: 0, companyConversion: 0.5 }),
  step('sql', 0, 100, { conversion: null, companyConversion: 0.5, leakiest: false }),
  step('won', 0, 50, { conversion: null, companyConversion: 0.5 }),
];

// Options are plain objects: read them back loosely.
const first = (option: unknown) => (option as { series: any[] }).series[0];

describe('chart options', () => {
  it('turns API amounts and rates into plotted numbers, keeping null', () => {
    expect(plotValue('1234.50')).toBe(1234.5);
    expect(plotValue(null)).toBeNull();
    expect(plotValue('abc')).toBeNull();
    expect(percentValue(0.2534)).toBe(25.3);
    expect(percentValue(null)).toBeNull();
  });

  it('draws the funnel in the API’s order, sized against the first step, the leak outlined', () => {
    const steps = [step('leads', 10, 20), step('mql', 6, 15, { leakiest: true }), step('won', 8, 9)];
    const option = funnelOption(steps, { stepLabel: (s) => `${s.label}:${s.count}`, tooltip: (s) => s.key });
    const series = first(option);
    expect(series).toMatchObject({ type: 'funnel', sort: 'none', min: 0, max: 10 });
    expect(series.data.map((d: { name: string; value: number }) => [d.name, d.value])).toEqual([['LEADS', 10], ['MQL', 6], ['WON', 8]]);
    expect(series.data[1].itemStyle).toMatchObject({ borderColor: LEAK_COLOR });
    expect(series.data[0].itemStyle.borderColor).toBeUndefined();
    expect(series.label.formatter({ dataIndex: 2 })).toBe('WON:8');
  });

  it('keeps an empty funnel drawable', () => {
    const series = first(funnelOption([step('leads', 0, 0)], { stepLabel: () => '', tooltip: () => '' }));
    expect(series.max).toBe(1);
  });

  it('puts bars along the y axis when horizontal, stacks by name and colours highlighted bars', () => {
    const option = barsOption({
      categories: ['A', 'B'],
      horizontal: true,
      format: (v) => `${v}`,
      series: [
        { name: 'closed', values: [1, 2], stack: 'f' },
        { name: 'commit', values: [3, null], stack: 'f', highlight: new Set([1]) },
      ],
    }) as any;
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['A', 'B'], inverse: true });
    expect(option.xAxis.type).toBe('value');
    expect(option.series.map((s: { stack: string }) => s.stack)).toEqual(['f', 'f']);
    expect(option.series[1].data).toEqual([3, { value: null, itemStyle: { color: LEAK_COLOR } }]);
    expect(option.legend).toBeDefined();
    expect(barsOption({ categories: [], series: [{ name: 'x', values: [] }], format: String }).legend).toBeUndefined();
  });

  it('compares conversion per step after the first with the company, marking the leakiest', () => {
    const steps = [step('leads', 10, 20), step('mql', 5, 16, { conversion: 0.5, companyConversion: 0.8, leakiest: true }), step('won', 5, 8, { conversion: 1, companyConversion: 0.5 })];
    const option = conversionOption(steps, { scope: 'Team', company: 'Company' }, (v) => `${v}%`) as any;
    expect(option.yAxis.data).toEqual(['MQL', 'WON']);
    expect(option.series[0]).toMatchObject({ name: 'Team', data: [{ value: 50, itemStyle: { color: LEAK_COLOR } }, 100] });
    expect(option.series[1]).toMatchObject({ name: 'Company', data: [80, 50] });
    expect(conversionOption(STEPS, { scope: 'T', company: 'C' }, String)).toBeDefined();
  });
});
