/**
 * The dossier code as a Code 128 barcode, drawn as vector bars. bwip-js encodes it (choosing and switching the
 * code sets A/B/C itself: the digit runs of "000.00.06.H56-261124-0001" go in set C, two digits per symbol) and
 * gives the bar/space widths in modules (`raw`), which become filled rectangles: exact module widths, nothing to
 * parse back out of an SVG.
 */
// the default export: the named ESM export `raw` is the "raw" symbology, not the encoder
import bwipjs from 'bwip-js/node';

export const MODULE_MM = 0.254; // 1/100 inch: 3 dots at 300 dpi, 6 at 600 dpi, so bars print sharp (≥ 0.25 mm)
/** Code 128 wants at least 10 modules of white on each side. */
export const QUIET_MODULES = 10;

export interface Barcode {
  /** bar, space, bar, … widths in modules, starting and ending with a bar */
  widths: readonly number[];
  /** total width in modules, without the quiet zones */
  modules: number;
}

const cache = new Map<string, Barcode>();

/** The Code 128 symbol of `text` (printable ASCII; a dossier code). Recent codes are kept: a slip is printed twice. */
export function code128(text: string): Barcode {
  const hit = cache.get(text);
  if (hit) return hit;
  const raw = bwipjs.raw({ bcid: 'code128', text }) as Array<{ sbs?: number[] }>;
  const widths = raw[0]?.sbs;
  if (!widths || widths.length === 0) throw new Error(`Cannot encode "${text}" as Code 128`);
  const code: Barcode = { widths, modules: widths.reduce((a, b) => a + b, 0) };
  if (cache.size >= 64) cache.delete(cache.keys().next().value as string);
  cache.set(text, code);
  return code;
}

/** Whether `text` can be a Code 128 symbol here (ASCII 32–126 only). */
export const encodable = (text: string) => text.length > 0 && /^[\x20-\x7e]+$/.test(text);

/** The bars as rectangles (x y w h each) from (x, y), `module` points per module, `height` points tall. */
export function barRects(code: Barcode, x: number, y: number, module: number, height: number): number[] {
  const rects: number[] = [];
  let at = x;
  code.widths.forEach((w, i) => {
    if (i % 2 === 0) rects.push(at, y, w * module, height);
    at += w * module;
  });
  return rects;
}
