import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width the chart's box has on screen, so the SVG is drawn at 1:1 and its text stays at its real size in a
 * narrow card (a fixed viewBox scaled down shrinks 12 px labels to 7 px). Printing still scales the drawing.
 */
export function useChartWidth(fallback = 760, min = 320) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(Math.max(min, w));
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [min]);
  return [ref, width] as const;
}
