import { describe, expect, it } from 'vitest';
import { clip, countScale, formatCount, formatRate, stackSpans } from '../../../renderer/src/components/charts/scale';

/** The dashboard charts' pure helpers: the count axis, stacking, label clipping, rate and count formats. */

describe('countScale', () => {
  it('gives an axis 0–1 when there is nothing to draw', () => {
    expect(countScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
  });

  it('uses whole steps of 1, 2 or 5 × 10ⁿ and ends at or above the largest value', () => {
    expect(countScale(3)).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] });
    expect(countScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(countScale(605)).toEqual({ max: 800, step: 200, ticks: [0, 200, 400, 600, 800] });
    expect(countScale(2901)).toEqual({ max: 3000, step: 1000, ticks: [0, 1000, 2000, 3000] });
    expect(countScale(1000)).toEqual({ max: 1000, step: 200, ticks: [0, 200, 400, 600, 800, 1000] });
  });

  it('holds for any count: whole ticks from 0, a few of them, the last covering the value', () => {
    for (let n = 1; n <= 20_000; n += n < 200 ? 1 : 97) {
      const s = countScale(n);
      expect(s.max).toBeGreaterThanOrEqual(n);
      expect(Number.isInteger(s.step)).toBe(true);
      expect(s.ticks[0]).toBe(0);
      expect(s.ticks[s.ticks.length - 1]).toBe(s.max);
      expect(s.ticks.length).toBeGreaterThanOrEqual(2);
      expect(s.ticks.length).toBeLessThanOrEqual(11);
    }
  });
});

describe('stackSpans', () => {
  it('stacks in order; zero and negative values take no room', () => {
    expect(stackSpans([2, 0, 3, -1, 1])).toEqual([
      [0, 2],
      [2, 2],
      [2, 5],
      [5, 5],
      [5, 6],
    ]);
  });
});

describe('clip', () => {
  it('keeps short labels and cuts long ones with an ellipsis, counting characters not UTF-16 units', () => {
    expect(clip('Hộ tịch', 10)).toBe('Hộ tịch');
    expect(clip('Hộ tịch - Cư trú - BTXH - NCC', 12)).toBe('Hộ tịch - C…');
    expect([...clip('Hoàng Thị Thu Hương', 8)]).toHaveLength(8);
  });
});

describe('formats', () => {
  it('writes the rate as a percentage with at most one decimal, and a dash when nothing is scored', () => {
    expect(formatRate(0.75, 'vi-VN')).toMatch(/^75\s?%$/);
    expect(formatRate(5 / 6, 'vi-VN')).toMatch(/^83,3\s?%$/);
    expect(formatRate(5 / 6, 'en-GB')).toBe('83.3%');
    expect(formatRate(null, 'vi-VN')).toBe('—');
    expect(formatCount(12345, 'vi-VN')).toBe('12.345');
  });
});
