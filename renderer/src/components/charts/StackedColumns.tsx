import { StackSegments, StackSvg, useStackChart, type StackChartProps } from './stack';

export type { StackChartProps, StackDatum } from './stack';

const H = 300;
const M = { top: 22, right: 8, bottom: 46, left: 46 };

/** Vertical stacked columns (months along the bottom), drawn as plain SVG. */
export function StackedColumns({ title, description, series, data, formatValue = String }: StackChartProps) {
  const { id, box, width: W, totals, scale } = useStackChart(series, data);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / Math.max(1, data.length);
  const barW = Math.min(48, band * 0.62);
  const y = (v: number) => M.top + plotH - (v / scale.max) * plotH;

  return (
    <StackSvg id={id} box={box} width={W} height={H} title={title} description={description} series={series}>
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
        const total = totals[i] ?? 0;
        return (
          <g key={d.key} className="chart-column">
            <StackSegments
              id={id}
              series={series}
              datum={d}
              formatValue={formatValue}
              place={(from, to) => ({ x: cx - barW / 2, y: y(to), width: barW, height: y(from) - y(to) })}
            />
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
    </StackSvg>
  );
}
