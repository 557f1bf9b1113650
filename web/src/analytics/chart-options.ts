import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, FunnelSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { FunnelStep } from '../api/analytics';

/** The ECharts options the analytics pages draw: funnels and bars (EChart registers exactly these). */
export type ChartOption = ComposeOption<
  FunnelSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export const PALETTE = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#722ed1', '#eb2f96', '#fa8c16', '#2f54eb'];
export const LEAK_COLOR = '#f5222d';
const MUTED = '#bfbfbf';

/** A decimal amount from the API as a number to plot; tables and tooltips keep the exact string. */
export const plotValue = (amount: string | null | undefined): number | null => {
  if (amount === null || amount === undefined || amount === '') return null;
  const n = Number(amount);
  return Number.isFinite(n) ? n : null;
};

/** A fraction (0.253) as a percentage to plot with one decimal (25.3); null stays null. */
export const percentValue = (fraction: number | null): number | null => (fraction === null ? null : Math.round(fraction * 1000) / 10);

interface FunnelTexts {
  /** "12 (25.0 %)" for a step: the label drawn inside the funnel. */
  stepLabel: (step: FunnelStep) => string;
  /** The tooltip's lines for a step. */
  tooltip: (step: FunnelStep) => string;
}

/**
 * The funnel from leads to won, steps in the API's order (not re-sorted by size: an empty middle
 * step must stay where it is), the leakiest step outlined in red.
 */
export function funnelOption(steps: readonly FunnelStep[], texts: FunnelTexts): ChartOption {
  const max = Math.max(1, ...steps.map((s) => s.count));
  return {
    tooltip: { trigger: 'item', formatter: (p) => texts.tooltip(steps[(p as { dataIndex: number }).dataIndex]) },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '8%',
        left: '5%',
        width: '90%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: (p) => texts.stepLabel(steps[(p as { dataIndex: number }).dataIndex]) },
        data: steps.map((s, i) => ({
          name: s.label,
          value: s.count,
          itemStyle: {
            color: PALETTE[i % PALETTE.length],
            ...(s.leakiest ? { borderColor: LEAK_COLOR, borderWidth: 4 } : {}),
          },
        })),
      },
    ],
  };
}

export interface BarSeries {
  name: string;
  values: readonly (number | null)[];
  /** Series with the same stack pile up. */
  stack?: string;
  color?: string;
  /** Bars drawn in the leak colour (by category index). */
  highlight?: ReadonlySet<number>;
}

interface BarsInput {
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Bars along the y axis: long category names fit a phone. */
  horizontal?: boolean;
  /** Axis labels and tooltips. */
  format: (value: number) => string;
}

/** Grouped or stacked bars of several series over categories; values null where there is none. */
export function barsOption({ categories, series, horizontal = false, format }: BarsInput): ChartOption {
  const categoryAxis = { type: 'category' as const, data: [...categories], axisLabel: { width: 110, overflow: 'truncate' as const } };
  const valueAxis = { type: 'value' as const, axisLabel: { formatter: (v: number) => format(v) } };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '') },
    legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((s, si) => ({
      type: 'bar',
      name: s.name,
      stack: s.stack,
      barMaxWidth: 28,
      itemStyle: { color: s.color ?? PALETTE[si % PALETTE.length] },
      data: s.values.map((v, i) => (s.highlight?.has(i) ? { value: v, itemStyle: { color: LEAK_COLOR } } : v)),
    })),
  };
}

/**
 * Conversion into each step for the scope beside the company's (OPP-8): percentages per step
 * after the first, the scope's bar of the leakiest step in red.
 */
export function conversionOption(steps: readonly FunnelStep[], names: { scope: string; company: string }, format: (v: number) => string): ChartOption {
  const later = steps.slice(1);
  const leak = new Set(later.flatMap((s, i) => (s.leakiest ? [i] : [])));
  return barsOption({
    categories: later.map((s) => s.label),
    horizontal: true,
    format,
    series: [
      { name: names.scope, values: later.map((s) => percentValue(s.conversion)), highlight: leak },
      { name: names.company, values: later.map((s) => percentValue(s.companyConversion)), color: MUTED },
    ],
  });
}
