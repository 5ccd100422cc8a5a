/**
 * The pieces every one-stop-desk form is drawn from: the NĐ 30/2020 header, the title, the continuation line of a
 * second page, the QR code beside the first lines, a bordered table whose header repeats on every page it runs onto,
 * and the two signature blocks. They know the paper metrics and the texts they are given, nothing of a form.
 */
import { placeDateLine } from '../core/vntime';
import type { Nd30Labels, PaperMetrics, SignatureLabels, TableColumn } from './form-template';
import { barRects, code128, encodable, MODULE_MM, QUIET_MODULES } from './barcode';
import { qrMatrix, qrRects } from './qr';
import type { FontFace } from './fonts';
import { DocSink, Flow, MM, Pen, drawLine, printable, wrapBalanced, wrapFixed, type Line } from './pen';

export interface FormCtx {
  pen: Pen;
  flow: Flow;
  m: PaperMetrics;
}

/** Line advance of text of `size` in these metrics. */
export const lead = (m: PaperMetrics, size: number) => size * m.leading;
/** Top of the glyph box for a line of `size` centred in a line advance `h`. */
export const textTop = (y: number, h: number, size: number) => y + (h - size * 1.15) / 2;

/** "GIẤY TIẾP NHẬN …" → "Giấy tiếp nhận …" (document titles in the PDF metadata). */
export function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** The size at which `text` in bold fits `width`, never above `size`. */
export function fitSize(pen: Pen, text: string, size: number, width: number): number {
  const w = pen.width(text, 'bold', size);
  return w <= width ? size : (size * width) / w;
}

export interface HeaderData {
  parentName: string;
  agencyName: string;
  placeName: string;
  issuedAt: Date;
  /** the document's number, shown when the template has a `number` line; '' draws its blank */
  number?: string;
}

/** NĐ 30/2020 header: issuing body on the left, national title and motto on the right, place/date line below. */
export function nd30Header(
  { pen, flow, m }: FormCtx,
  data: HeaderData,
  labels: Nd30Labels & { number?: { label: string; blank: string } },
): void {
  const size = m.header;
  const h = size * 1.25;
  const leftW = flow.width * m.leftColumn;
  const rightW = flow.width - leftW;
  const xL = flow.left;
  const xR = flow.left + leftW;
  const top = flow.y;

  // left: parent body (regular caps), issuing body (bold caps) and a short rule
  let y = top;
  const centred = (lines: Line[], x: number, w: number, sz: number) => {
    for (const line of lines) {
      drawLine(pen, line, x + (w - line.width) / 2, textTop(y, h, sz), sz);
      y += h;
    }
  };
  const upper = (s: string) => printable(s).toLocaleUpperCase('vi');
  const parent = data.parentName.trim();
  if (parent) centred(wrapBalanced(pen, [{ text: upper(parent), face: 'regular' }], size, leftW - 4), xL, leftW, size);
  const agencyLines = wrapBalanced(pen, [{ text: upper(data.agencyName), face: 'bold' }], size, leftW - 4);
  centred(agencyLines, xL, leftW, size);
  const longest = Math.max(0, ...agencyLines.map((l) => l.width));
  const ruleL = Math.max(longest * labels.agencyRuleShare, Math.min(longest, 24));
  pen.hline(xL + (leftW - ruleL) / 2, xL + (leftW + ruleL) / 2, y + 1.5);
  let leftBottom = y + 1.5;
  if (labels.number) {
    // "Số: 12/2026/XL" centred under the rule
    y += h * 0.35;
    const no = printable(data.number ?? '').trim() || labels.number.blank;
    centred(wrapFixed(pen, [{ text: labels.number.label, face: 'regular' }, { text: no, face: 'regular', keep: true }], size, leftW - 4), xL, leftW, size);
    leftBottom = y;
  }

  // right: national title and motto (bold), shrunk to fit the column if needed; rule as long as the motto
  y = top;
  const fit = (text: string, sz: number) => Math.min(sz, (sz * (rightW - 2)) / pen.width(text, 'bold', sz));
  const natSize = fit(labels.nationalTitle, size);
  pen.text(labels.nationalTitle, xR, textTop(y, h, natSize), 'bold', natSize, { width: rightW, align: 'center' });
  y += h;
  const mottoSize = fit(labels.motto, size + 1);
  const mottoW = pen.text(labels.motto, xR, textTop(y, h, mottoSize), 'bold', mottoSize, {
    width: rightW,
    align: 'center',
  });
  y += h;
  pen.hline(xR + (rightW - mottoW) / 2, xR + (rightW + mottoW) / 2, y + 1.5 - (h - mottoSize * 1.15) / 2);
  const rightBottom = y;

  // place/date line, italic, centred under the motto (below the left column too if that runs longer)
  y = Math.max(rightBottom + h * 0.35, leftBottom + 2);
  const dateLine = placeDateLine(data.placeName.trim(), data.issuedAt);
  const placeSize = Math.min(m.body, (m.body * (rightW - 2)) / pen.width(dateLine, 'italic', m.body));
  pen.text(dateLine, xR, textTop(y, h, placeSize), 'italic', placeSize, { width: rightW, align: 'center' });
  flow.y = Math.max(y + h, leftBottom);
}

/** The form's title, bold and centred, with the space around it; a line break in it is where a long title breaks. */
export function formTitle({ flow, m }: FormCtx, title: string): void {
  flow.y += lead(m, m.body) * 0.6;
  for (const line of title.split('\n')) {
    flow.paragraph([{ text: line, face: 'bold' }], { size: m.title, leading: lead(m, m.title), align: 'center' });
  }
  flow.y += lead(m, m.body) * 0.4;
}

/** A title on one line (the PDF's metadata, messages): its chosen line breaks become spaces. */
export const oneLine = (title: string) => title.replace(/\s*\n\s*/g, ' ');

/** Top of a continuation page: the page number (NĐ 30: not on the first page) and "(<text>)" in italics. */
export function continuationHeader({ pen, flow, m }: FormCtx, text: string): void {
  const h = lead(m, m.small);
  pen.text(String(flow.page), flow.left, textTop(flow.y, h, m.small), 'regular', m.small, {
    width: flow.width,
    align: 'center',
  });
  flow.y += h;
  flow.paragraph([{ text: `(${text})`, face: 'italic' }], {
    size: m.small,
    leading: h,
    align: 'center',
  });
  flow.y += h * 0.4;
}

/** Ends the span of the QR code (or anything else beside the text): the cursor moves below it. */
export function clearExclusions(flow: Flow): void {
  for (const e of flow.exclusions) flow.y = Math.max(flow.y, e.y1);
  flow.exclusions = [];
}

/** The QR code of `payload` at the right edge, level with the cursor; the lines beside it wrap short of it. */
export function placeQr({ pen, flow, m }: FormCtx, payload: string): void {
  const matrix = qrMatrix(payload);
  const side = m.qrMm * MM;
  flow.ensure(side);
  const unit = side / matrix.size;
  const gap = Math.max(6, unit * 4); // the quiet zone on the text side
  const x = flow.left + flow.width - side;
  const y = flow.y + 1;
  pen.fill(qrRects(matrix, x, y, side));
  flow.exclusions.push({ y0: y - gap, y1: y + side + 2, width: side + gap });
}

// ---------------------------------------------------------------------------------------------------------------
// A bordered table: rows wrap; a row taller than what is left of a page is split (left-aligned cells continue,
// centred cells show in the first part); the header is repeated on every page the table runs onto.

/** Horizontal padding inside a table cell, points: a column is as wide as its share less twice this. */
export const TABLE_PAD_X = 2.5;

/**
 * A table column as drawTable takes it: the template's column (form-template TableColumn, which it is without these)
 * and, where a column needs them:
 * - `size`: its cells' text in this size, points, rather than the table's (a dossier code kept on one line); the header
 *   and the `none` row keep the table's size, and every column keeps the table's line advance, so rows stay on one grid;
 * - `empty`: what an empty cell of it shows, in italics and TABLE_MUTED (a number not known yet: "chưa có"). The grey
 *   needs a pen that draws straight into a document: a Recording has no colour, and there the text stays black.
 */
export interface DrawTableColumn extends TableColumn {
  size?: number;
  empty?: string;
}

/** The grey of an empty cell's placeholder (DrawTableColumn.empty): one an office laser printer still prints. */
export const TABLE_MUTED = '#5c5c5c';

/** `rows` hold the cells' texts; with no rows, one row shows `none` in the second column. */
export function drawTable(ctx: FormCtx, columns: readonly DrawTableColumn[], rows: readonly string[][], none: string): void {
  const { pen, flow, m } = ctx;
  const cols = columns;
  const size = m.table;
  const lh = size * 1.22;
  const padX = TABLE_PAD_X;
  const padY = 2;
  const xs: number[] = [flow.left];
  for (const c of cols) xs.push((xs[xs.length - 1] as number) + c.share * flow.width);
  xs[xs.length - 1] = flow.left + flow.width; // absorb rounding
  const colX = (i: number) => xs[i] as number;
  const colW = (i: number) => (xs[i + 1] as number) - (xs[i] as number);
  // the document to colour a muted cell in; none for a recording pen
  const doc = pen.sink instanceof DocSink ? pen.sink.doc : null;

  /** A cell's lines, the size they are set in, and whether they are grey. */
  interface Cell {
    lines: Line[];
    size: number;
    muted: boolean;
  }
  const wrapCell = (text: string, i: number, face: FontFace, sz = size, muted = false): Cell => ({
    lines: wrapFixed(pen, [{ text, face }], sz, colW(i) - 2 * padX),
    size: sz,
    muted,
  });
  const bodyCell = (text: string, i: number): Cell => {
    const col = cols[i];
    const sz = col?.size ?? size;
    if (col?.empty !== undefined && text.trim() === '') return wrapCell(col.empty, i, 'italic', sz, true);
    return wrapCell(text, i, 'regular', sz);
  };
  const put = (cell: Cell, line: Line, x: number, y: number) => {
    if (cell.muted) doc?.fillColor(TABLE_MUTED);
    drawLine(pen, line, x, textTop(y, lh, cell.size), cell.size);
    if (cell.muted) doc?.fillColor('black');
  };

  const headCells = cols.map((c, i) => wrapCell(c.label, i, 'bold'));
  const headLines = Math.max(...headCells.map((c) => c.lines.length));
  const headH = headLines * lh + 2 * padY;

  const borders = (y: number, h: number) => {
    pen.rect(flow.left, y, flow.width, h);
    for (let i = 1; i < cols.length; i++) pen.vline(colX(i), y, y + h);
  };
  const drawHead = () => {
    const y = flow.y;
    borders(y, headH);
    headCells.forEach((cell, i) => {
      const y0 = y + padY + ((headLines - cell.lines.length) * lh) / 2;
      cell.lines.forEach((line, k) => put(cell, line, colX(i) + (colW(i) - line.width) / 2, y0 + k * lh));
    });
    flow.y += headH;
  };

  const cells: Cell[][] = rows.map((row) => cols.map((_, i) => bodyCell(row[i] ?? '', i)));
  if (cells.length === 0) cells.push(cols.map((_, i) => (i === 1 ? wrapCell(none, 1, 'regular') : { lines: [], size, muted: false })));

  // the header must have at least one row under it
  flow.ensure(headH + lh + 2 * padY);
  drawHead();
  const repeatHead = () => drawHead();
  flow.onNewPage.push(repeatHead);

  const freshLines = () => {
    // lines a row can use on a new page, below the continuation header and the table header
    const contH = lead(m, m.small) * 2.4;
    return Math.floor((flow.bottom - flow.top - contH - headH - 2 * padY) / lh);
  };

  for (const row of cells) {
    const total = Math.max(1, ...row.map((c) => c.lines.length));
    let start = 0;
    while (start < total) {
      const avail = Math.floor((flow.bottom - flow.y - 2 * padY + 0.01) / lh);
      const need = total - start;
      if (need <= avail) {
        drawRowPart(row, start, total, total);
        break;
      }
      if ((start === 0 && need <= freshLines()) || avail < 1) {
        flow.newPage();
        continue;
      }
      drawRowPart(row, start, start + avail, total);
      start += avail;
      flow.newPage();
    }
  }
  flow.onNewPage.pop();
  flow.y += lead(m, m.body) * 0.25;

  function drawRowPart(row: Cell[], from: number, to: number, total: number): void {
    const y = flow.y;
    const h = (to - from) * lh + 2 * padY;
    borders(y, h);
    row.forEach((cell, i) => {
      const col = cols[i];
      if (!col) return;
      if (col.align === 'left') {
        cell.lines.slice(from, to).forEach((line, k) => put(cell, line, colX(i) + padX, y + padY + k * lh));
      } else if (from === 0) {
        // short centred cells (numbers): in the middle of the row's first part
        const shown = Math.min(to, total) - from;
        const y0 = y + padY + ((shown - cell.lines.length) * lh) / 2;
        cell.lines.forEach((line, k) => put(cell, line, colX(i) + (colW(i) - line.width) / 2, y0 + k * lh));
      }
    });
    flow.y += h;
  }
}

/** A table cell's count of copies: a whole number, "0" when none. */
export const count = (n: number) => (Number.isFinite(n) && n > 0 ? String(Math.trunc(n)) : '0');

// ---------------------------------------------------------------------------------------------------------------

/**
 * Two signature blocks side by side: bold title, italic hint, blank space for the signature, then the signer's name
 * (bold) when known. With no left title, one block on the right and the "Nơi nhận" list (if any) on the left. The
 * blocks start a new page rather than split.
 */
export function signatureBlocks(
  { pen, flow, m }: FormCtx,
  labels: SignatureLabels,
  names: { left?: string; right?: string; rightTitle?: string },
): void {
  const size = m.body;
  const hHead = lead(m, size);
  const hHint = lead(m, m.small);
  const half = flow.width / 2;
  const nameLines = (s: string | undefined) => {
    const name = printable(s ?? '').trim();
    return name ? wrapFixed(pen, [{ text: name, face: 'bold' }], size, half - 4) : [];
  };
  const upper = (s: string) => printable(s).trim().toLocaleUpperCase('vi');
  const rightTitle = upper(names.rightTitle ?? '') || labels.right;
  const titleLines = (t: string) => wrapBalanced(pen, [{ text: t, face: 'bold' }], size, half - 4);
  const rightTitles = titleLines(rightTitle);
  const leftTitles = labels.left === undefined ? [] : titleLines(labels.left);
  const titles = Math.max(leftTitles.length, rightTitles.length, 1);
  const leftLines = labels.left === undefined ? [] : nameLines(names.left);
  const rightLines = nameLines(names.right);
  const blank = m.signatureMm * MM;
  const recipients = labels.left === undefined ? labels.recipients : undefined;
  const hSmall = lead(m, m.small);
  const recipientsH = recipients ? (recipients.lines.length + 1) * hSmall : 0;
  const blockH = titles * hHead + hHint + blank + Math.max(1, leftLines.length, rightLines.length) * hHead;
  flow.ensure(hHead * 0.5 + Math.max(blockH, recipientsH + hHead * 0.3));
  let y = flow.y + hHead * 0.5;
  const xL = flow.left;
  const xR = flow.left + half;
  const centredLines = (lines: Line[], x: number, top: number) => {
    lines.forEach((line, k) => drawLine(pen, line, x + (half - line.width) / 2, textTop(top + k * hHead, hHead, size), size));
  };
  centredLines(leftTitles, xL, y);
  centredLines(rightTitles, xR, y);
  y += titles * hHead;
  const box = { width: half, align: 'center' } as const;
  if (labels.left !== undefined) pen.text(labels.hint, xL, textTop(y, hHint, m.small), 'italic', m.small, box);
  pen.text(labels.rightHint ?? labels.hint, xR, textTop(y, hHint, m.small), 'italic', m.small, box);
  y += hHint + blank;
  centredLines(leftLines, xL, y);
  centredLines(rightLines, xR, y);
  let bottom = y + Math.max(leftLines.length, rightLines.length) * hHead;
  if (recipients) {
    // NĐ 30/2020: "Nơi nhận:" bold italic, the list in regular, both small, level with the signer's title
    let yr = flow.y + hHead * 0.5 + (hHead - hSmall);
    pen.text(recipients.label, xL, textTop(yr, hSmall, m.small), 'boldItalic', m.small);
    yr += hSmall;
    for (const line of recipients.lines) {
      pen.text(line, xL, textTop(yr, hSmall, m.small * 0.95), 'regular', m.small * 0.95);
      yr += hSmall;
    }
    bottom = Math.max(bottom, yr);
  }
  flow.y = Math.max(bottom, flow.y);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The Code 128 barcode of `code` under the cursor, at the left: beside the QR code when it fits there, else below
 * it; bars of MODULE_MM (narrower only when the symbol is wider than the column). Nothing for a code that is not
 * printable ASCII.
 */
export function placeBarcode({ pen, flow, m }: FormCtx, code: string): void {
  if (!encodable(code)) return;
  const symbol = code128(code);
  const height = (m.barcodeMm ?? 8) * MM;
  const gap = 1.5;
  let module = MODULE_MM * MM;
  const need = symbol.modules * module;
  if (need + QUIET_MODULES * module > flow.widthAt(flow.y, height + 2 * gap)) clearExclusions(flow);
  if (need > flow.width) module = flow.width / symbol.modules;
  flow.ensure(height + 2 * gap);
  pen.fill(barRects(symbol, flow.left, flow.y + gap, module, height));
  flow.y += height + 2 * gap;
}
