import { useId } from 'react';

/**
 * How a series is painted. Colour alone is not enough (grey-scale print, colour-blind officers): series differ in
 * lightness and, where lightness is close, in texture too. Every chart also has a legend and a data table.
 */
export type Texture = 'solid' | 'hatch' | 'dots' | 'cross';

export interface SeriesStyle {
  key: string;
  label: string;
  color: string;
  texture: Texture;
}

/** A document-unique id prefix usable inside url(#…) (React's ids contain characters that break it). */
export function useChartId(): string {
  return `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
}

export const paintOf = (prefix: string, s: SeriesStyle): string => (s.texture === 'solid' ? s.color : `url(#${prefix}-${s.key})`);

/** The <defs> with one pattern per textured series, ids `${prefix}-${key}`. */
export function ChartPatterns({ prefix, series }: { prefix: string; series: readonly SeriesStyle[] }) {
  return (
    <defs>
      {series
        .filter((s) => s.texture !== 'solid')
        .map((s) => (
          <pattern key={s.key} id={`${prefix}-${s.key}`} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform={s.texture === 'dots' ? undefined : 'rotate(45)'}>
            <rect width={6} height={6} fill={s.color} />
            {s.texture === 'hatch' && <line x1={1.5} y1={0} x2={1.5} y2={6} stroke="#ffffff" strokeWidth={1.6} />}
            {s.texture === 'cross' && (
              <>
                <line x1={1.5} y1={0} x2={1.5} y2={6} stroke="#ffffff" strokeWidth={1.2} />
                <line x1={0} y1={1.5} x2={6} y2={1.5} stroke="#ffffff" strokeWidth={1.2} />
              </>
            )}
            {s.texture === 'dots' && <circle cx={3} cy={3} r={1.1} fill="#3a3a3a" />}
          </pattern>
        ))}
    </defs>
  );
}

/** A small swatch for legends, painted exactly like the bars. */
export function Swatch({ series }: { series: SeriesStyle }) {
  const prefix = useChartId();
  return (
    <svg className="chart-swatch" width={14} height={14} viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <ChartPatterns prefix={prefix} series={[series]} />
      <rect x={0.5} y={0.5} width={13} height={13} fill={paintOf(prefix, series)} stroke="#3a3a3a" strokeWidth={1} />
    </svg>
  );
}

/** The legend, as a list (read in order by screen readers, printed with the chart). */
export function ChartLegend({ series, label }: { series: readonly SeriesStyle[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {series.map((s) => (
        <li key={s.key}>
          <Swatch series={s} />
          <span>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}
