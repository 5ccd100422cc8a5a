/**
 * The one drawing layer of the documents: every string measured or drawn goes through `Pen`, which makes it NFC and
 * strips control characters. Layout code above it never calls pdfkit's text functions itself.
 */
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import { metricsFor, type FontFace, type FontSet, type LayoutCaches, type TextMetrics } from './fonts';
import { FastSubset } from './subset';

export type Doc = PDFKit.PDFDocument;

export const MM = 72 / 25.4;

export interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
/** Anything that is not printable (C0/C1 controls, line/paragraph separators) becomes a space. */
const NON_PRINTING = /[^\u0020-\u007e\u00a0-\u2027\u202a-\uffff\u{10000}-\u{10ffff}]+/gu;

/** What every drawn or measured string becomes: NFC, one line, no invisible characters. */
export function printable(s: string): string {
  return s.replace(NON_PRINTING, ' ').replace(INVISIBLE, '').normalize('NFC');
}

export interface DocInfo {
  title: string;
  subject?: string;
  author?: string;
  creationDate?: Date;
}

/**
 * A pdfkit document that embeds only the given fonts (the regular face is the default from the constructor on), and a
 * Pen drawing straight into it.
 * Faces are registered under their PostScript names: pdfkit files every font it opens under that name too, so
 * selecting the default face again hits its cache instead of re-opening the font (and comparing name tables) on
 * every switch, which costs a third of the render time.
 */
export function newDocument(fonts: FontSet, size: string, margins: Box, info: DocInfo, layouts?: LayoutCaches): Pen {
  const options: PDFKit.PDFDocumentOptions = {
    size,
    margins,
    // pdfkit ≥ 0.20 accepts a parsed fontkit font here; the types still say string. Giving it the embedded
    // default means the bundled Helvetica metrics are never loaded.
    font: fonts.regular as unknown as string,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: printable(info.title),
      Subject: info.subject === undefined ? undefined : printable(info.subject),
      Author: info.author === undefined ? undefined : printable(info.author),
      Creator: 'Một Cửa Desk'.normalize('NFC'),
      Producer: 'Một Cửa Desk (pdfkit)'.normalize('NFC'),
      CreationDate: info.creationDate,
    },
  };
  const doc = new PDFDocument(options);
  const names = {} as Record<FontFace, string>;
  const shared = layouts ?? emptyLayouts();
  for (const face of Object.keys(fonts) as FontFace[]) {
    const font: Font = fonts[face];
    names[face] = font.postscriptName;
    doc.registerFont(font.postscriptName, font as unknown as Buffer);
    // pdfkit makes one EmbeddedFont per document, each with its own word cache; hand it the renderer's shared one,
    // and our subsetter (subset.ts). (`_font`, `layoutCache` and `subset` are pdfkit internals: if they change, the
    // documents are simply shaped from scratch and subset by fontkit.)
    const embedded = (doc.font(font.postscriptName) as unknown as { _font?: { layoutCache?: unknown; subset?: unknown } })._font;
    if (embedded && typeof embedded.layoutCache === 'object') embedded.layoutCache = shared[face];
    if (embedded && typeof (embedded.subset as { includeGlyph?: unknown } | undefined)?.includeGlyph === 'function') {
      embedded.subset = new FastSubset(font);
    }
  }
  doc.font(names.regular);
  return new Pen(new DocSink(doc, names), metricsFor(fonts, shared));
}

const emptyLayouts = (): LayoutCaches => ({
  regular: Object.create(null) as Record<string, unknown>,
  bold: Object.create(null) as Record<string, unknown>,
  italic: Object.create(null) as Record<string, unknown>,
  boldItalic: Object.create(null) as Record<string, unknown>,
});

/** Collects a finished document into one Buffer. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export type Align = 'left' | 'center' | 'right';

export interface PageSize {
  width: number;
  height: number;
}

/**
 * Where a Pen's drawing goes: straight into a pdfkit document (DocSink), or into a Recording that is replayed into
 * one later — so a layout is computed once, whatever the number of copies drawn from it, and a layout that is not
 * used (the regular metrics when the compact ones are chosen) costs no PDF output. Strings are printable().
 */
export interface Sink {
  readonly page: PageSize;
  text(s: string, x: number, y: number, face: FontFace, size: number): void;
  line(x1: number, y1: number, x2: number, y2: number, width: number): void;
  /** A stroked rectangle. */
  rect(x: number, y: number, w: number, h: number, lineWidth: number): void;
  /** Filled black rectangles, x y w h each (QR modules, barcode bars): one path. */
  fill(rects: readonly number[]): void;
  addPage(): void;
}

export class DocSink implements Sink {
  readonly page: PageSize;

  constructor(
    readonly doc: Doc,
    private readonly fontNames: Readonly<Record<FontFace, string>>,
  ) {
    this.page = { width: doc.page.width, height: doc.page.height };
  }

  text(s: string, x: number, y: number, face: FontFace, size: number): void {
    this.doc.font(this.fontNames[face]).fontSize(size).text(s, x, y, { lineBreak: false });
  }

  /** pdfkit's own measure (pens made on a document without TextMetrics). */
  widthOf(s: string, face: FontFace, size: number): number {
    return this.doc.font(this.fontNames[face]).fontSize(size).widthOfString(s);
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number): void {
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).stroke('#000');
  }

  rect(x: number, y: number, w: number, h: number, lineWidth: number): void {
    this.doc.rect(x, y, w, h).lineWidth(lineWidth).stroke('#000');
  }

  fill(rects: readonly number[]): void {
    if (rects.length === 0) return;
    for (let i = 0; i + 3 < rects.length; i += 4) this.doc.rect(rects[i] as number, rects[i + 1] as number, rects[i + 2] as number, rects[i + 3] as number);
    this.doc.fill('#000');
  }

  addPage(): void {
    this.doc.addPage();
  }
}

type Op =
  | { k: 't'; s: string; x: number; y: number; face: FontFace; size: number }
  | { k: 'l'; x1: number; y1: number; x2: number; y2: number; w: number }
  | { k: 'r'; x: number; y: number; w: number; h: number; lw: number }
  | { k: 'f'; rects: readonly number[] };

/** A layout's drawing, page by page, to replay into a document (once per copy). */
export class Recording implements Sink {
  readonly pages: Op[][] = [[]];

  constructor(readonly page: PageSize) {}

  private get ops(): Op[] {
    return this.pages[this.pages.length - 1] as Op[];
  }

  text(s: string, x: number, y: number, face: FontFace, size: number): void {
    this.ops.push({ k: 't', s, x, y, face, size });
  }

  line(x1: number, y1: number, x2: number, y2: number, w: number): void {
    this.ops.push({ k: 'l', x1, y1, x2, y2, w });
  }

  rect(x: number, y: number, w: number, h: number, lw: number): void {
    this.ops.push({ k: 'r', x, y, w, h, lw });
  }

  fill(rects: readonly number[]): void {
    this.ops.push({ k: 'f', rects });
  }

  addPage(): void {
    this.pages.push([]);
  }

  /** Draws page `n` (0-based) of the recording onto the sink's current page. */
  replayPage(n: number, to: Sink): void {
    for (const op of this.pages[n] ?? []) {
      switch (op.k) {
        case 't':
          to.text(op.s, op.x, op.y, op.face, op.size);
          break;
        case 'l':
          to.line(op.x1, op.y1, op.x2, op.y2, op.w);
          break;
        case 'r':
          to.rect(op.x, op.y, op.w, op.h, op.lw);
          break;
        case 'f':
          to.fill(op.rects);
          break;
      }
    }
  }
}

/** A Pen that records (see Recording) with the metrics of these fonts; `size` is the paper ("A5", "A4"). */
export function recordingPen(metrics: TextMetrics, size: PageSize): Pen {
  return new Pen(new Recording(size), metrics);
}

export class Pen {
  readonly sink: Sink;
  private readonly metrics: TextMetrics | null;

  /**
   * A pen on a sink with the metrics of its fonts; or (as before sinks) straight on a pdfkit document whose faces are
   * registered under `fontNames`, measuring through pdfkit.
   */
  constructor(target: Sink | Doc, fonts: TextMetrics | Readonly<Record<FontFace, string>>) {
    if (target instanceof PDFDocument) {
      this.sink = new DocSink(target, fonts as Readonly<Record<FontFace, string>>);
      this.metrics = null;
    } else {
      this.sink = target as Sink;
      this.metrics = fonts as TextMetrics;
    }
  }

  /** The pdfkit document of a pen that draws straight into one (newDocument). */
  get doc(): Doc {
    if (this.sink instanceof DocSink) return this.sink.doc;
    throw new Error('This pen records; it has no document');
  }

  private measure(face: FontFace, t: string, size: number): number {
    if (this.metrics) return this.metrics.width(face, t) * size;
    return (this.sink as DocSink).widthOf(t, face, size);
  }

  /** Width of `s` in points. */
  width(s: string, face: FontFace, size: number): number {
    return this.measure(face, printable(s), size);
  }

  /** Draws one line of text whose top is at y; with `width`, aligns inside [x, x + width]. Never wraps. */
  text(s: string, x: number, y: number, face: FontFace, size: number, box?: { width: number; align: Align }): number {
    const t = printable(s);
    const w = this.measure(face, t, size);
    let dx = 0;
    if (box && box.align !== 'left') dx = box.align === 'center' ? (box.width - w) / 2 : box.width - w;
    if (t !== '') this.sink.text(t, x + dx, y, face, size);
    return w;
  }

  hline(x1: number, x2: number, y: number, lineWidth = 0.6): void {
    this.sink.line(x1, y, x2, y, lineWidth);
  }

  vline(x: number, y1: number, y2: number, lineWidth = 0.6): void {
    this.sink.line(x, y1, x, y2, lineWidth);
  }

  rect(x: number, y: number, w: number, h: number, lineWidth = 0.6): void {
    this.sink.rect(x, y, w, h, lineWidth);
  }

  fill(rects: readonly number[]): void {
    this.sink.fill(rects);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rich text wrapping: runs of faces, broken only at spaces (a word longer than a line is cut between characters).

export interface Run {
  text: string;
  face: FontFace;
  /** Keep the run on one line when it fits on one (its spaces do not break). */
  keep?: boolean;
}

interface Piece {
  text: string;
  face: FontFace;
}
/** A word: pieces with no space between them (e.g. "(", "Trực", ")" in different faces); unbreakable. */
interface Word {
  pieces: Piece[];
  spaceBefore: boolean;
  width: number;
}

export interface Segment {
  text: string;
  face: FontFace;
  dx: number;
}
export interface Line {
  segments: Segment[];
  width: number;
}

export class Wrapper {
  private readonly words: Word[] = [];
  private i = 0;

  constructor(
    private readonly pen: Pen,
    runs: Run[],
    readonly size: number,
  ) {
    let pendingSpace = false;
    let current: Word | null = null;
    for (const run of runs) {
      const text = printable(run.text);
      // split into alternating non-space / space chunks; a kept run is one chunk between its outer spaces
      const chunks = run.keep ? text.replace(/ +/g, ' ').split(/^( +)|( +)$/) : text.split(/( +)/);
      for (const chunk of chunks) {
        if (chunk === undefined) continue;
        if (chunk === '') continue;
        if (chunk.startsWith(' ')) {
          pendingSpace = true;
          current = null;
          continue;
        }
        if (current && !pendingSpace) {
          current.pieces.push({ text: chunk, face: run.face });
        } else {
          current = { pieces: [{ text: chunk, face: run.face }], spaceBefore: pendingSpace, width: 0 };
          this.words.push(current);
        }
        pendingSpace = false;
      }
    }
    for (const w of this.words) w.width = this.measure(w.pieces);
  }

  get done(): boolean {
    return this.i >= this.words.length;
  }

  private measure(pieces: Piece[]): number {
    let w = 0;
    for (const p of pieces) w += this.pen.width(p.text, p.face, this.size);
    return w;
  }

  /** The next line no wider than maxWidth, or null when all text is placed. */
  next(maxWidth: number): Line | null {
    if (this.done) return null;
    const placed: Word[] = [];
    let width = 0;
    while (this.i < this.words.length) {
      const word = this.words[this.i] as Word;
      if (placed.length === 0) {
        if (word.width <= maxWidth) {
          placed.push({ ...word, spaceBefore: false });
          width = word.width;
          this.i++;
          continue;
        }
        // a word longer than the whole line: cut it
        const [head, tail] = this.cut(word, maxWidth);
        placed.push(head);
        width = head.width;
        if (tail.pieces.length === 0) this.i++;
        else this.words[this.i] = tail;
        break;
      }
      const space = word.spaceBefore ? this.pen.width(' ', word.pieces[0]?.face ?? 'regular', this.size) : 0;
      if (width + space + word.width > maxWidth + 0.01) break;
      placed.push(word);
      width += space + word.width;
      this.i++;
    }
    return this.toLine(placed, width);
  }

  /** Cuts a word longer than a line: at its last space that fits (kept runs), else between characters. */
  private cut(word: Word, maxWidth: number): [Word, Word] {
    const flat = word.pieces.flatMap((p) => Array.from(p.text).map((ch) => ({ ch, face: p.face })));
    let width = 0;
    let brk = flat.length;
    let lastSpace = -1;
    for (let i = 0; i < flat.length; i++) {
      const { ch, face } = flat[i] as { ch: string; face: FontFace };
      const cw = this.pen.width(ch, face, this.size);
      if (i > 0 && width + cw > maxWidth && !/^\p{M}/u.test(ch)) {
        brk = i;
        break;
      }
      if (ch === ' ') lastSpace = i;
      width += cw;
    }
    let headEnd = brk;
    let tailStart = brk;
    if (brk < flat.length && lastSpace > 0) {
      headEnd = lastSpace;
      tailStart = lastSpace + 1;
    }
    const group = (chars: typeof flat): Piece[] => {
      const out: Piece[] = [];
      for (const { ch, face } of chars) {
        const last = out[out.length - 1];
        if (last && last.face === face) last.text += ch;
        else out.push({ text: ch, face });
      }
      return out;
    };
    const head = group(flat.slice(0, headEnd));
    const tail = group(flat.slice(tailStart));
    return [
      { pieces: head, spaceBefore: false, width: this.measure(head) },
      { pieces: tail, spaceBefore: false, width: this.measure(tail) },
    ];
  }

  private toLine(words: Word[], width: number): Line {
    const segments: Segment[] = [];
    let x = 0;
    let seg: Segment | null = null;
    for (const w of words) {
      for (let k = 0; k < w.pieces.length; k++) {
        const p = w.pieces[k] as Piece;
        const withSpace = k === 0 && w.spaceBefore;
        if (seg && seg.face === p.face) {
          seg.text += (withSpace ? ' ' : '') + p.text;
        } else {
          if (seg) x = seg.dx + this.pen.width(seg.text, seg.face, this.size);
          if (withSpace) x += this.pen.width(' ', p.face, this.size);
          seg = { text: p.text, face: p.face, dx: x };
          segments.push(seg);
        }
      }
    }
    return { segments, width };
  }
}

export function drawLine(pen: Pen, line: Line, x: number, y: number, size: number): void {
  for (const s of line.segments) pen.text(s.text, x + s.dx, y, s.face, size);
}

/** Wraps runs into a fixed width; returns the lines (for table cells and header columns). */
export function wrapFixed(pen: Pen, runs: Run[], size: number, width: number): Line[] {
  const w = new Wrapper(pen, runs, size);
  const lines: Line[] = [];
  for (let line = w.next(width); line; line = w.next(width)) lines.push(line);
  return lines;
}

/**
 * Like wrapFixed, but when the text needs several lines, narrows the width as far as the line count allows, so the
 * lines come out even ("ỦY BAN NHÂN DÂN / PHƯỜNG TĨNH GIA" rather than "ỦY BAN NHÂN DÂN PHƯỜNG / TĨNH GIA").
 */
export function wrapBalanced(pen: Pen, runs: Run[], size: number, width: number): Line[] {
  const best = wrapFixed(pen, runs, size, width);
  if (best.length < 2) return best;
  let lo = width / best.length;
  let hi = width;
  let result = best;
  for (let k = 0; k < 12 && hi - lo > 0.5; k++) {
    const mid = (lo + hi) / 2;
    const lines = wrapFixed(pen, runs, size, mid);
    if (lines.length <= best.length) {
      hi = mid;
      result = lines;
    } else {
      lo = mid;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Flow: a cursor down the page that starts a new page when the next thing does not fit.

export interface Exclusion {
  /** Vertical span in which the right side of the column is taken (e.g. by the QR code). */
  y0: number;
  y1: number;
  width: number;
}

export interface ParagraphStyle {
  size: number;
  leading: number; // line advance in points
  align?: Align;
  indent?: number; // left indent of every line
}

export class Flow {
  y: number;
  page = 1;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  exclusions: Exclusion[] = [];
  /** Called after a page is added (continuation header); may move y. */
  onNewPage: Array<(flow: Flow) => void> = [];

  constructor(
    readonly pen: Pen,
    readonly margins: Box,
  ) {
    const page = pen.sink.page;
    this.left = margins.left;
    this.width = page.width - margins.left - margins.right;
    this.top = margins.top;
    this.bottom = page.height - margins.bottom;
    this.y = this.top;
  }

  newPage(): void {
    this.pen.sink.addPage();
    this.page++;
    this.y = this.top;
    this.exclusions = [];
    for (const f of this.onNewPage) f(this);
  }

  /** Makes sure `h` points fit below the cursor, breaking the page if not. True when a page was added. */
  ensure(h: number): boolean {
    if (this.y + h <= this.bottom + 0.01) return false;
    this.newPage();
    return true;
  }

  /** Available width for a line occupying [y, y + h]. */
  widthAt(y: number, h: number, indent = 0): number {
    let w = this.width - indent;
    for (const e of this.exclusions) if (y < e.y1 && y + h > e.y0) w = Math.min(w, this.width - e.width - indent);
    return w;
  }

  paragraph(runs: Run[], style: ParagraphStyle): void {
    const wrapper = new Wrapper(this.pen, runs, style.size);
    const indent = style.indent ?? 0;
    const h = style.leading;
    while (!wrapper.done) {
      this.ensure(h);
      const avail = this.widthAt(this.y, h, indent);
      const line = wrapper.next(avail);
      if (!line) break;
      let x = this.left + indent;
      if (style.align === 'center') x += (avail - line.width) / 2;
      else if (style.align === 'right') x += avail - line.width;
      drawLine(this.pen, line, x, this.y + (h - style.size * 1.15) / 2, style.size);
      this.y += h;
    }
  }
}
