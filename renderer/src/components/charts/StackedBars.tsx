import { clip } from './scale';
import { StackSegments, StackSvg, useStackChart, type StackChartProps } from './stack';

const VALUE_W = 120;
const ROW = 24;
const GAP = 10;
const TOP = 6;
const BOTTOM = 24;
/** About the width of one character of a row label (12.5 px text), to clip labels to their column. */
const CHAR_W = 6.6;

/** Horizontal stacked bars, one per row (fields, officers), drawn as plain SVG. */
export function StackedBars({ title, description, series, data, formatValue = String }: StackChartProps) {
  const { id, box, width: W, totals, scale } = useStackChart(series, data);
  // Labels get about a third of the width, at most 236 px; the full label is the tooltip and is in the table.
  const labelW = Math.min(236, Math.round(W * 0.34));
  const labelChars = Math.floor((labelW - 10) / CHAR_W);
  const plotW = W - labelW - VALUE_W;
  const H = TOP + data.length * (ROW + GAP) - GAP + BOTTOM;
  const x = (v: number) => labelW + (v / scale.max) * plotW;
  const axisY = H - BOTTOM;

  return (
    <StackSvg id={id} box={box} width={W} height={H} title={title} description={description} series={series}>
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
        const total = totals[i] ?? 0;
        const text = d.shortLabel ?? d.label;
        return (
          <g key={d.key} className="chart-row">
            <text x={labelW - 8} y={top + ROW / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
              <title>{d.label}</title>
              {clip(text, labelChars)}
            </text>
            <StackSegments
              id={id}
              series={series}
              datum={d}
              formatValue={formatValue}
              place={(from, to) => ({ x: x(from), y: top, width: x(to) - x(from), height: ROW })}
            />
            <text x={x(total) + 6} y={top + ROW / 2} dominantBaseline="middle" className="chart-total">
              {formatValue(total)}
              {d.note ? <tspan className="chart-note">{` · ${d.note}`}</tspan> : null}
            </text>
          </g>
        );
      })}
    </StackSvg>
  );
}
