import * as QRCode from 'qrcode';
import { lookupAddress } from '../contract/documents';
import type { Doc } from './pen';

/** What the slip's QR code says (contract/documents.ts: the code, or the lookup address carrying it). */
export const qrPayload = (code: string, lookupUrl?: string): string => lookupAddress(code, lookupUrl);

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

/**
 * The symbol of `text`. The last few are kept: a slip prints the same code on both of its copies, and choosing the
 * mask (eight trials) is most of the cost of a symbol.
 */
export function qrMatrix(text: string): QrMatrix {
  let matrix = recent.get(text);
  if (matrix) return matrix;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  matrix = { size: modules.size, dark: (r, c) => Boolean(modules.get(r, c)) };
  recent.set(text, matrix);
  if (recent.size > RECENT_SYMBOLS) recent.delete(recent.keys().next().value as string);
  return matrix;
}

const RECENT_SYMBOLS = 4;
const recent = new Map<string, QrMatrix>();

/**
 * The symbol as rectangles (x y w h each; one per horizontal run of dark modules) with its top-left corner at (x, y)
 * and `side` points wide. The quiet zone (4 modules) is the caller's white space.
 */
export function qrRects(m: QrMatrix, x: number, y: number, side: number): number[] {
  const u = side / m.size;
  const rects: number[] = [];
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark(r, c)) c++;
      // a hair taller than a module so rows do not show seams in viewers that anti-alias
      rects.push(x + start * u, y + r * u, (c - start) * u, u + 0.02);
    }
  }
  return rects;
}

/** Draws the symbol (see qrRects) into a pdfkit document, filled as one path; returns the number of rectangles. */
export function drawQr(doc: Doc, m: QrMatrix, x: number, y: number, side: number): number {
  const rects = qrRects(m, x, y, side);
  for (let i = 0; i < rects.length; i += 4) doc.rect(rects[i] as number, rects[i + 1] as number, rects[i + 2] as number, rects[i + 3] as number);
  doc.fill('#000');
  return rects.length / 4;
}
