/** Reads a PDF back with pdfjs-dist (text items, page boxes, filled rectangles) for the document tests. */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  x: number; // left of the run, PDF units from the left edge
  y: number; // baseline, PDF units from the bottom edge
  width: number;
  height: number;
}

export interface PageRead {
  width: number;
  height: number;
  items: TextItem[];
  /** The page's text with the items joined (pdfjs may split a Vietnamese word into several items). */
  text: string;
  /** Rectangles of filled paths, top-down coordinates as drawn (the QR code's modules). */
  filledRects: Array<{ x: number; y: number; w: number; h: number }>;
}

export async function readPdf(buf: Buffer): Promise<PageRead[]> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true }).promise;
  const pages: PageRead[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    let text = '';
    for (const it of content.items) {
      if (!('str' in it)) continue;
      text += it.str + (it.hasEOL ? '\n' : '');
      if (it.str.trim() === '') continue;
      const t = it.transform as number[];
      items.push({ str: it.str, x: t[4] ?? NaN, y: t[5] ?? NaN, width: it.width, height: it.height });
    }
    const ops = await page.getOperatorList();
    const filledRects: PageRead['filledRects'] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.constructPath) return;
      const args = ops.argsArray[i] as [number, Array<ArrayLike<number> | null>];
      if (args[0] !== OPS.fill) return;
      const data = args[1]?.[0];
      if (!data) return;
      // each rectangle: moveTo x y, lineTo x y ×3, closePath → 13 numbers
      for (let k = 0; k + 13 <= data.length; k += 13) {
        const xs = [data[k + 1], data[k + 4], data[k + 7], data[k + 10]] as number[];
        const ys = [data[k + 2], data[k + 5], data[k + 8], data[k + 11]] as number[];
        const x = Math.min(...xs);
        const y = Math.min(...ys);
        filledRects.push({ x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y });
      }
    });
    pages.push({ width: x1 - x0, height: y1 - y0, items, text, filledRects });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

/** Text with all whitespace removed, for matching across pdfjs's item and line splits. */
export const squash = (s: string) => s.replace(/\s+/g, '');

const MM = 72 / 25.4;

/**
 * The text runs that leave the paper's margins (millimetres): left of the left margin, past the right margin, with
 * the baseline below the bottom margin or the glyph tops above the top one. Empty when every run is inside.
 */
export function outsideMargins(
  page: PageRead,
  margins: { top: number; right: number; bottom: number; left: number },
  slack = 0.5,
): string[] {
  const out: string[] = [];
  for (const it of page.items) {
    const inside =
      it.x >= margins.left * MM - slack &&
      it.x + it.width <= page.width - margins.right * MM + slack &&
      it.y >= margins.bottom * MM - slack &&
      // pdfjs reports the font size as the height; Tinos's ascender is 0.891 em (accented capitals reach ~0.92)
      it.y + 0.94 * it.height <= page.height - margins.top * MM + slack;
    if (!inside) out.push(`"${it.str}" at (${it.x.toFixed(1)}, ${it.y.toFixed(1)}) w ${it.width.toFixed(1)}`);
  }
  return out;
}

/** The page's text runs grouped by baseline (top to bottom), each line's runs joined left to right. */
export function textLines(page: PageRead): Array<{ y: number; x: number; text: string }> {
  const rows: Array<{ y: number; items: TextItem[] }> = [];
  for (const it of page.items) {
    const row = rows.find((r) => Math.abs(r.y - it.y) < 0.5);
    if (row) row.items.push(it);
    else rows.push({ y: it.y, items: [it] });
  }
  return rows
    .sort((a, b) => b.y - a.y)
    .map((r) => {
      const items = r.items.sort((a, b) => a.x - b.x);
      return { y: r.y, x: items[0]?.x ?? NaN, text: items.map((i) => i.str).join('') };
    });
}
