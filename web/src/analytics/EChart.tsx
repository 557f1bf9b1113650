import { useEffect, useRef } from 'react';
import { init, use, type EChartsType } from 'echarts/core';
import { BarChart, FunnelChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './chart-options';

// Only what the analytics pages draw: the chart library stays out of every other page's download.
use([BarChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
  name: string;
}

interface EChartProps {
  option: ChartOption;
  height?: number;
  /** A click on a bar or a funnel step. */
  onItemClick?: (click: ChartClick) => void;
  /** What the chart shows, for screen readers (the numbers are in the table beside it). */
  ariaLabel: string;
  testId?: string;
}

/** One ECharts canvas that follows its container's width (phones, drawers, resized windows). */
export function EChart({ option, height = 300, onItemClick, ariaLabel, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onItemClick);

  useEffect(() => {
    clickHandler.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { dataIndex?: number; seriesIndex?: number; name?: string };
      clickHandler.current?.({ dataIndex: p.dataIndex ?? 0, seriesIndex: p.seriesIndex ?? 0, name: p.name ?? '' });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      className="l2c-chart"
      style={{ height, cursor: onItemClick ? 'pointer' : undefined }}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
}
