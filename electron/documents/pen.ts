/**
 * The one drawing layer of the documents: every string measured or drawn goes through `Pen`, which makes it NFC and
 * strips control characters. Layout code above it never calls pdfkit's text functions itself.
 */
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import type { FontFace, FontSet, LayoutCaches } from './fonts';

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
 * A pdfkit document that embeds only the given fonts (the regular face is the default from the constructor on).
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
  for (const face of Object.keys(fonts) as FontFace[]) {
    const font: Font = fonts[face];
    names[face] = font.postscriptName;
    doc.registerFont(font.postscriptName, font as unknown as Buffer);
    // pdfkit makes one EmbeddedFont per document, each with its own word cache; hand it the renderer's shared one.
    // (`_font` and `layoutCache` are pdfkit internals: if they change, documents are simply shaped from scratch.)
    const embedded = (doc.font(font.postscriptName) as unknown as { _font?: { layoutCache?: unknown } })._font;
    if (layouts && embedded && typeof embedded.layoutCache === 'object') embedded.layoutCache = layouts[face];
  }
  doc.font(names.regular);
  return new Pen(doc, names);
}

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

export class Pen {
  constructor(
    readonly doc: Doc,
    private readonly fontNames: Readonly<Record<FontFace, string>>,
  ) {}

  private use(face: FontFace, size: number): Doc {
    return this.doc.font(this.fontNames[face]).fontSize(size);
  }

  /** Width of `s` in points. */
  width(s: string, face: FontFace, size: number): number {
    return this.use(face, size).widthOfString(printable(s));
  }

  /** Draws one line of text whose top is at y; with `width`, aligns inside [x, x + width]. Never wraps. */
  text(s: string, x: number, y: number, face: FontFace, size: number, box?: { width: number; align: Align }): number {
    const t = printable(s);
    const doc = this.use(face, size);
    const w = doc.widthOfString(t);
    let dx = 0;
    if (box && box.align !== 'left') dx = box.align === 'center' ? (box.width - w) / 2 : box.width - w;
    doc.text(t, x + dx, y, { lineBreak: false });
    return w;
  }

  hline(x1: number, x2: number, y: number, lineWidth = 0.6): void {
    this.doc.moveTo(x1, y).lineTo(x2, y).lineWidth(lineWidth).stroke('#000');
  }

  vline(x: number, y1: number, y2: number, lineWidth = 0.6): void {
    this.doc.moveTo(x, y1).lineTo(x, y2).lineWidth(lineWidth).stroke('#000');
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
    const page = pen.doc.page;
    this.left = margins.left;
    this.width = page.width - margins.left - margins.right;
    this.top = margins.top;
    this.bottom = page.height - margins.bottom;
    this.y = this.top;
  }

  newPage(): void {
    this.pen.doc.addPage();
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
