import type { ReactNode, RefObject } from 'react';
import { ChartPatterns, paintOf, useChartId, type SeriesStyle } from './patterns';
import { countScale, stackSpans } from './scale';
import { useChartWidth } from './useChartWidth';

/** One column (or bar): its series' values, in the order of the chart's series. */
export interface StackDatum {
  key: string;
  /** The full name: tooltips. */
  label: string;
  /** What is written on the axis (defaults to label). */
  shortLabel?: string;
  values: Readonly<Record<string, number>>;
  /** A short second line (the on-time rate, for instance). */
  note?: string;
}

export interface StackChartProps {
  /** The SVG's <title>: what the chart shows. */
  title: string;
  /** The SVG's <desc>: the gist in words (totals), for screen readers; exact figures are in the table beneath. */
  description: string;
  series: readonly SeriesStyle[];
  data: readonly StackDatum[];
  formatValue?: (n: number) => string;
}

/** What both stacked charts start from: an id for their patterns, the box and its width, each datum's total, the count axis. */
export function useStackChart(series: readonly SeriesStyle[], data: readonly StackDatum[]) {
  const id = useChartId();
  const [box, width] = useChartWidth();
  const totals = data.map((d) => series.reduce((sum, s) => sum + (d.values[s.key] ?? 0), 0));
  const scale = countScale(Math.max(0, ...totals));
  return { id, box, width, totals, scale };
}

interface SvgProps extends Pick<StackChartProps, 'title' | 'description' | 'series'> {
  id: string;
  box: RefObject<HTMLDivElement | null>;
  width: number;
  height: number;
  children: ReactNode;
}

/** The chart's box and SVG, drawn at 1:1: named for screen readers (title, desc), with the series' patterns. */
export function StackSvg({ id, box, width, height, title, description, series, children }: SvgProps) {
  return (
    <div ref={box} className="chart-box">
      <svg className="chart-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <ChartPatterns prefix={id} series={series} />
        {children}
      </svg>
    </div>
  );
}

interface SegmentsProps {
  id: string;
  series: readonly SeriesStyle[];
  datum: StackDatum;
  formatValue: (n: number) => string;
  /** Where the span [from, to) of the count axis is drawn. */
  place: (from: number, to: number) => { x: number; y: number; width: number; height: number };
}

/** One datum's stacked segments, each with its tooltip ("Tháng 3 — Đúng hạn: 12"); empty ones are not drawn. */
export function StackSegments({ id, series, datum, formatValue, place }: SegmentsProps) {
  const spans = stackSpans(series.map((s) => datum.values[s.key] ?? 0));
  return series.map((s, k) => {
    const [from, to] = spans[k]!;
    if (to <= from) return null;
    return (
      <rect key={s.key} {...place(from, to)} fill={paintOf(id, s)} className="chart-segment">
        <title>{`${datum.label} — ${s.label}: ${formatValue(to - from)}`}</title>
      </rect>
    );
  });
}
