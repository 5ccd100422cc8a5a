/** Pure helpers shared by the SVG charts (no React), so they can be unit-tested. */

export interface LinearScale {
  /** The axis end: a multiple of `step`, at least the largest value. */
  max: number;
  step: number;
  ticks: number[];
}

/**
 * A count axis from 0 with about `target` whole-number steps of 1, 2 or 5 × 10ⁿ (counts are integers, so never a
 * step below 1). An empty chart still gets an axis 0–1.
 */
export function countScale(largest: number, target = 5): LinearScale {
  if (!(largest > 0)) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = largest / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const max = Math.ceil(largest / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return { max, step, ticks };
}

/** Cumulative [start, end) of each value when stacked in order; zero values get an empty span. */
export function stackSpans(values: readonly number[]): Array<[number, number]> {
  let at = 0;
  return values.map((v) => {
    const span: [number, number] = [at, at + Math.max(0, v)];
    at = span[1];
    return span;
  });
}

/** Shortens a label drawn in SVG (which cannot ellipsize); the full text goes in a <title>. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** 0.756 → "75,6 %" (vi) / "75.6%" (en); null → the given placeholder. */
export function formatRate(rate: number | null, locale: string, none = '—'): string {
  if (rate === null) return none;
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(rate);
}

/** 12345 → "12.345" (vi). */
export const formatCount = (n: number, locale: string): string => new Intl.NumberFormat(locale).format(n);
