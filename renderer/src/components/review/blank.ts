/**
 * "Trang N có vẻ trắng": a page is probably blank when almost none of its rendered thumbnail is ink.
 *
 * Ink is measured against the page's own paper (a scan of grey or yellowed paper is not ink): the paper level is the
 * bright end of the luminance histogram, and a pixel counts as dark when it is clearly below it. The scanner's edges
 * (shadows, punched holes) are left out with a small margin. A page whose share of dark pixels is below the threshold
 * is reported; a false alarm costs the officer one look, a missed blank page costs a citizen a second trip.
 */

import type { FileMeta } from '../../../../electron/contract';

/** A pixel is dark when its luminance is this far (0–255) below the paper's. */
export const DARK_BELOW_PAPER = 40;
/** Below this share of dark pixels (0.1 %) the page looks blank: a page number alone stays under it. */
export const BLANK_DARK_SHARE = 0.001;
/** Left out on every side, as a share of the width and the height (scanner shadows). */
export const EDGE_MARGIN = 0.04;

export interface InkReading {
  /** Share of dark pixels inside the margins, 0–1. */
  darkShare: number;
  /** Luminance of the paper (0–255). */
  paper: number;
  blank: boolean;
}

/** Reads RGBA pixels (a canvas's ImageData) and says whether the page looks blank. */
export function readInk(data: Uint8ClampedArray, width: number, height: number): InkReading {
  const x0 = Math.floor(width * EDGE_MARGIN);
  const x1 = Math.ceil(width * (1 - EDGE_MARGIN));
  const y0 = Math.floor(height * EDGE_MARGIN);
  const y1 = Math.ceil(height * (1 - EDGE_MARGIN));
  const histogram = new Uint32Array(256);
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 4;
      // Transparent pixels are paper (pdf.js paints white under the page, an image may be transparent).
      const a = (data[i + 3] ?? 255) / 255;
      const lum = 0.299 * (data[i] ?? 255) + 0.587 * (data[i + 1] ?? 255) + 0.114 * (data[i + 2] ?? 255);
      histogram[Math.round(lum * a + 255 * (1 - a))]! += 1;
      total += 1;
    }
  }
  if (total === 0) return { darkShare: 0, paper: 255, blank: true };
  // Paper: the luminance below which 90 % of the pixels lie (most of a page is paper, even a full one).
  let seen = 0;
  let paper = 255;
  for (let l = 0; l < 256; l++) {
    seen += histogram[l]!;
    if (seen >= total * 0.9) {
      paper = l;
      break;
    }
  }
  const darkBelow = paper - DARK_BELOW_PAPER;
  let dark = 0;
  for (let l = 0; l < Math.max(0, darkBelow); l++) dark += histogram[l]!;
  const darkShare = dark / total;
  // A dark page (a black scan, a photo) is not blank, whatever its contrast.
  const blank = paper >= 128 && darkShare < BLANK_DARK_SHARE;
  return { darkShare, paper, blank };
}

/** Reads a rendered canvas. */
export function readCanvasInk(canvas: HTMLCanvasElement): InkReading {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx || canvas.width === 0 || canvas.height === 0) return { darkShare: 0, paper: 255, blank: false };
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return readInk(data, canvas.width, canvas.height);
}

/**
 * The pages the desk's own pre-check found without any content ("Trang 3 không có nội dung (trang trắng?)"). The
 * renderer adds what only pixels tell: a scanned sheet of blank paper.
 */
export function deskBlankPages(f: Pick<FileMeta, 'warnings'>): Set<number> {
  const pages = new Set<number>();
  for (const w of f.warnings) {
    const m = /^Trang (\d+) không có nội dung/.exec(w);
    if (m) pages.add(Number(m[1]));
  }
  return pages;
}
