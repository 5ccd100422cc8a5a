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

const H = 300;
const M = { top: 22, right: 8, bottom: 46, left: 46 };

/** Vertical stacked columns (months along the bottom), drawn as plain SVG. */
export function StackedColumns({ title, description, series, data, formatValue = String }: StackChartProps) {
  const id = useChartId();
  const [box, W] = useChartWidth();
  const totals = data.map((d) => series.reduce((sum, s) => sum + (d.values[s.key] ?? 0), 0));
  const scale = countScale(Math.max(0, ...totals));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / Math.max(1, data.length);
  const barW = Math.min(48, band * 0.62);
  const y = (v: number) => M.top + plotH - (v / scale.max) * plotH;

  return (
    <div ref={box} className="chart-box">
      <svg className="chart-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <ChartPatterns prefix={id} series={series} />
        <g className="chart-grid" aria-hidden="true">
          {scale.ticks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className={t === 0 ? 'chart-baseline' : undefined} />
              <text x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" className="chart-tick">
                {formatValue(t)}
              </text>
            </g>
          ))}
        </g>
        {data.map((d, i) => {
          const cx = M.left + band * i + band / 2;
          const spans = stackSpans(series.map((s) => d.values[s.key] ?? 0));
          const total = totals[i] ?? 0;
          return (
            <g key={d.key} className="chart-column">
              {series.map((s, k) => {
                const [from, to] = spans[k]!;
                if (to <= from) return null;
                return (
                  <rect key={s.key} x={cx - barW / 2} width={barW} y={y(to)} height={y(from) - y(to)} fill={paintOf(id, s)} className="chart-segment">
                    <title>{`${d.label} — ${s.label}: ${formatValue(to - from)}`}</title>
                  </rect>
                );
              })}
              {total > 0 && (
                <text x={cx} y={y(total) - 5} textAnchor="middle" className="chart-total">
                  {formatValue(total)}
                </text>
              )}
              <text x={cx} y={H - M.bottom + 16} textAnchor="middle" className="chart-label">
                {d.shortLabel ?? d.label}
              </text>
              {d.note && (
                <text x={cx} y={H - M.bottom + 32} textAnchor="middle" className="chart-note">
                  {d.note}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
