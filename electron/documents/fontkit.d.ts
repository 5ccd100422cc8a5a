/**
 * The part of fontkit 2 (a dependency of pdfkit) that the documents use: parse a TTF once, hand the parsed font to
 * pdfkit (pdfkit ≥ 0.20 accepts parsed fontkit fonts in `font()`, `registerFont()` and the constructor).
 */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly familyName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly lineGap: number;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
