import { ChartPatterns, paintOf, useChartId } from './patterns';
import { clip, countScale, stackSpans } from './scale';
import type { StackChartProps } from './StackedColumns';
import { useChartWidth } from './useChartWidth';

const VALUE_W = 120;
const ROW = 24;
const GAP = 10;
const TOP = 6;
const BOTTOM = 24;
/** About the width of one character of a row label (12.5 px text), to clip labels to their column. */
const CHAR_W = 6.6;

/** Horizontal stacked bars, one per row (fields, officers), drawn as plain SVG. */
export function StackedBars({ title, description, series, data, formatValue = String }: StackChartProps) {
  const id = useChartId();
  const [box, W] = useChartWidth();
  // Labels get about a third of the width, at most 236 px; the full label is the tooltip and is in the table.
  const labelW = Math.min(236, Math.round(W * 0.34));
  const labelChars = Math.floor((labelW - 10) / CHAR_W);
  const totals = data.map((d) => series.reduce((sum, s) => sum + (d.values[s.key] ?? 0), 0));
  const scale = countScale(Math.max(0, ...totals));
  const plotW = W - labelW - VALUE_W;
  const H = TOP + data.length * (ROW + GAP) - GAP + BOTTOM;
  const x = (v: number) => labelW + (v / scale.max) * plotW;
  const axisY = H - BOTTOM;

  return (
    <div ref={box} className="chart-box">
      <svg className="chart-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <ChartPatterns prefix={id} series={series} />
        <g className="chart-grid" aria-hidden="true">
          {scale.ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={axisY} className={t === 0 ? 'chart-baseline' : undefined} />
              <text x={x(t)} y={axisY + 15} textAnchor="middle" className="chart-tick">
                {formatValue(t)}
              </text>
            </g>
          ))}
        </g>
        {data.map((d, i) => {
          const top = TOP + i * (ROW + GAP);
          const spans = stackSpans(series.map((s) => d.values[s.key] ?? 0));
          const total = totals[i] ?? 0;
          const text = d.shortLabel ?? d.label;
          return (
            <g key={d.key} className="chart-row">
              <text x={labelW - 8} y={top + ROW / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
                <title>{d.label}</title>
                {clip(text, labelChars)}
              </text>
              {series.map((s, k) => {
                const [from, to] = spans[k]!;
                if (to <= from) return null;
                return (
                  <rect key={s.key} x={x(from)} width={x(to) - x(from)} y={top} height={ROW} fill={paintOf(id, s)} className="chart-segment">
                    <title>{`${d.label} — ${s.label}: ${formatValue(to - from)}`}</title>
                  </rect>
                );
              })}
              <text x={x(total) + 6} y={top + ROW / 2} dominantBaseline="middle" className="chart-total">
                {formatValue(total)}
                {d.note ? <tspan className="chart-note">{` · ${d.note}`}</tspan> : null}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
