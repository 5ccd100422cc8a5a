/**
 * Mẫu 01 "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" as PDF (pdfkit, Tinos embedded as subsets, QR as vectors).
 * Layout per NĐ 30/2020 (two-column header, place/date line, title); fields per mau01-template.ts.
 */
import { formatVnSlipTime, placeDateLine } from '../core/vntime';
import { FontStore } from './fonts';
import { MAU01, type Block, type PaperMetrics, type Part, type SlipVar } from './mau01-template';
import { drawQr, qrMatrix, qrPayload } from './qr';
import {
  Flow,
  MM,
  Pen,
  drawLine,
  finish,
  newDocument,
  printable,
  wrapBalanced,
  wrapFixed,
  type Box,
  type Line,
  type Run,
} from './pen';

export interface SlipData {
  agency: { parentName: string; agencyName: string; placeName: string; agencyCode: string };
  dossier: {
    code: string; // e.g. "000.00.06.H56-261124-0001"
    channelName: string; // "Trực tiếp" | "Trực tuyến" | "Qua bưu chính công ích"
    applicantName: string;
    address: string;
    phone: string;
    email: string;
    idLabel: string; // "Số CCCD" | "Số CMND" | "Số hộ chiếu"
    idNumber: string;
    procedureName: string; // the content of the request (long: wraps)
    ownerName: string | null; // chủ hồ sơ when different
    sets: number; // số lượng hồ sơ (bộ)
    timeLimitText: string; // statutory processing time, e.g. "03 ngày làm việc"
    receivedAt: Date; // printed as "08 giờ 05 phút, ngày 24/11/2026" (Vietnam time)
    dueAt: Date | null; // time of return, same format; "—" if null
    returnMethod: string; // e.g. "Tại Trung tâm Phục vụ hành chính công"
    feeText: string; // e.g. "10.000 đồng (Mười nghìn đồng)" or "Không"
    registerBook: string | null;
    registerNo: number | null; // "Vào Sổ theo dõi hồ sơ, Quyển số..., Số thứ tự..."
  };
  components: Array<{ name: string; originals: number; certifiedCopies: number; photocopies: number }>;
  officerName: string; // người tiếp nhận
  issuedAt: Date; // for the place/date line
  lookupUrl?: string; // optional URL encoded in the QR together with the code
}

export type Paper = 'A5' | 'A4';

export interface DocumentRenderer {
  /** Mẫu 01, A5 portrait by default; returns the PDF bytes. */
  mau01(data: SlipData, options?: { paper?: Paper }): Promise<Buffer>;
  readonly templateVersion: string; // e.g. "TT03-2025/mau01@1"
}

/** Reads the Tinos faces from `fontsDir` once; every document of this renderer reuses them. */
export function createDocumentRenderer(opts: { fontsDir: string }): DocumentRenderer {
  const fonts = new FontStore(opts.fontsDir);
  return {
    templateVersion: MAU01.version,
    mau01: (data, options) => renderMau01(fonts, data, options?.paper ?? 'A5'),
  };
}

// ---------------------------------------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');
const vn = (s: string) => printable(s).trim();

/** The template's values, formatted. Empty strings mean "nothing to show". */
export function slipValues(data: SlipData): Record<SlipVar, string> {
  const d = data.dossier;
  for (const [name, at] of [['receivedAt', d.receivedAt], ['dueAt', d.dueAt], ['issuedAt', data.issuedAt]] as const) {
    if (at !== null && !(at instanceof Date && Number.isFinite(at.getTime()))) throw new Error(`Slip ${name} is not a valid date`);
  }
  return {
    code: vn(d.code),
    agencyName: vn(data.agency.agencyName),
    applicantName: vn(d.applicantName),
    channelName: vn(d.channelName),
    address: vn(d.address),
    phone: vn(d.phone),
    email: vn(d.email),
    idLabel: vn(d.idLabel),
    idNumber: vn(d.idNumber),
    procedureName: vn(d.procedureName),
    ownerName: vn(d.ownerName ?? ''),
    sets: Number.isFinite(d.sets) ? pad2(d.sets) : '',
    timeLimitText: vn(d.timeLimitText),
    receivedAt: formatVnSlipTime(d.receivedAt),
    dueAt: d.dueAt ? formatVnSlipTime(d.dueAt) : '',
    returnMethod: vn(d.returnMethod),
    feeText: vn(d.feeText),
    registerBook: vn(d.registerBook ?? ''),
    registerNo: d.registerNo == null ? '' : String(d.registerNo),
  };
}

const HAND_FILLED: ReadonlySet<SlipVar> = new Set(['registerBook', 'registerNo']);

function runsOf(parts: Part[], values: Record<SlipVar, string>): Run[] {
  return parts.map((p) => {
    if (typeof p === 'string') return { text: p, face: 'regular' as const };
    const v = values[p.v];
    const text = v !== '' ? v : HAND_FILLED.has(p.v) ? MAU01.blank : MAU01.empty;
    return { text, face: p.face ?? 'regular', keep: p.keep ?? false };
  });
}

interface Ctx {
  pen: Pen;
  flow: Flow;
  m: PaperMetrics;
  values: Record<SlipVar, string>;
  data: SlipData;
}

const lead = (m: PaperMetrics, size: number) => size * m.leading;
/** Top of the glyph box for a line of `size` centred in a line advance `h`. */
const textTop = (y: number, h: number, size: number) => y + (h - size * 1.15) / 2;

/**
 * A slip that spills onto a second page only because of long values (procedure name, fee text) is laid out again in
 * the paper's compact metrics, so the signatures stay on the page the citizen signs; a slip that still does not fit
 * (a long components table) keeps the regular metrics and continues on the next page with the table header repeated.
 * Keep this function free of `await` until `finish`: the fonts are shared between documents (see FontStore), which
 * is safe because one document goes from its first glyph to its embedded subsets without yielding. A layout that is
 * dropped is never finished, and the one that is finished is always the last one laid out.
 */
async function renderMau01(store: FontStore, data: SlipData, paper: Paper): Promise<Buffer> {
  const m: PaperMetrics = MAU01.paper[paper];
  if (!m) throw new Error(`Unknown paper size: ${String(paper)}`);
  let layout = layoutMau01(store, data, m);
  if (layout.pages > 1) {
    const compact = layoutMau01(store, data, MAU01.compact[paper]);
    layout = compact.pages === 1 ? compact : layoutMau01(store, data, m);
  }
  return finish(layout.doc);
}

function layoutMau01(store: FontStore, data: SlipData, m: PaperMetrics): { doc: PDFKit.PDFDocument; pages: number } {
  const margins: Box = {
    top: m.margins.top * MM,
    right: m.margins.right * MM,
    bottom: m.margins.bottom * MM,
    left: m.margins.left * MM,
  };
  const values = slipValues(data);
  const pen = newDocument(store.beginDocument(), m.size, margins, {
    title: `${sentenceCase(MAU01.title)} ${values.code}`,
    subject: values.procedureName,
    author: values.agencyName,
    creationDate: data.issuedAt,
  }, store.layoutCaches());
  const flow = new Flow(pen, margins);
  const ctx: Ctx = { pen, flow, m, values, data };
  flow.onNewPage.push(() => continuationHeader(ctx));

  header(ctx);
  flow.y += lead(m, m.body) * 0.6;
  flow.paragraph([{ text: MAU01.title, face: 'bold' }], { size: m.title, leading: lead(m, m.title), align: 'center' });
  flow.y += lead(m, m.body) * 0.4;

  for (const block of MAU01.blocks) drawBlock(ctx, block);
  return { doc: pen.doc, pages: flow.page };
}

function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** NĐ 30/2020 header: issuing body on the left, national title and motto on the right, place/date line below. */
function header({ pen, flow, m, data }: Ctx): void {
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
  const parent = data.agency.parentName.trim();
  if (parent) centred(wrapBalanced(pen, [{ text: upper(parent), face: 'regular' }], size, leftW - 4), xL, leftW, size);
  const agencyLines = wrapBalanced(pen, [{ text: upper(data.agency.agencyName), face: 'bold' }], size, leftW - 4);
  centred(agencyLines, xL, leftW, size);
  const longest = Math.max(0, ...agencyLines.map((l) => l.width));
  const ruleL = Math.max(longest * MAU01.agencyRuleShare, Math.min(longest, 24));
  pen.hline(xL + (leftW - ruleL) / 2, xL + (leftW + ruleL) / 2, y + 1.5);
  const leftBottom = y + 1.5;

  // right: national title and motto (bold), shrunk to fit the column if needed; rule as long as the motto
  y = top;
  const fit = (text: string, sz: number) => Math.min(sz, (sz * (rightW - 2)) / pen.width(text, 'bold', sz));
  const natSize = fit(MAU01.nationalTitle, size);
  pen.text(MAU01.nationalTitle, xR, textTop(y, h, natSize), 'bold', natSize, { width: rightW, align: 'center' });
  y += h;
  const mottoSize = fit(MAU01.motto, size + 1);
  const mottoW = pen.text(MAU01.motto, xR, textTop(y, h, mottoSize), 'bold', mottoSize, {
    width: rightW,
    align: 'center',
  });
  y += h;
  pen.hline(xR + (rightW - mottoW) / 2, xR + (rightW + mottoW) / 2, y + 1.5 - (h - mottoSize * 1.15) / 2);
  const rightBottom = y;

  // place/date line, italic, centred under the motto (below the left column too if that runs longer)
  y = Math.max(rightBottom + h * 0.35, leftBottom + 2);
  const dateLine = placeDateLine(data.agency.placeName.trim(), data.issuedAt);
  const placeSize = Math.min(m.body, (m.body * (rightW - 2)) / pen.width(dateLine, 'italic', m.body));
  pen.text(dateLine, xR, textTop(y, h, placeSize), 'italic', placeSize, { width: rightW, align: 'center' });
  flow.y = Math.max(y + h, leftBottom);
}

function continuationHeader({ pen, flow, m, values }: Ctx): void {
  const h = lead(m, m.small);
  pen.text(String(flow.page), flow.left, textTop(flow.y, h, m.small), 'regular', m.small, {
    width: flow.width,
    align: 'center',
  });
  flow.y += h;
  flow.paragraph([{ text: `(${MAU01.continuation} ${values.code})`, face: 'italic' }], {
    size: m.small,
    leading: h,
    align: 'center',
  });
  flow.y += h * 0.4;
}

function clearExclusions(flow: Flow): void {
  for (const e of flow.exclusions) flow.y = Math.max(flow.y, e.y1);
  flow.exclusions = [];
}

function drawBlock(ctx: Ctx, block: Block): void {
  const { flow, m, values } = ctx;
  switch (block.kind) {
    case 'line': {
      if (block.unless && values[block.unless] === '') return;
      const size = block.size === 'code' ? m.code : m.body;
      const leading = lead(m, size);
      if (block.spaceBefore) flow.y += lead(m, m.body) * block.spaceBefore;
      if (block.qr) placeQr(ctx);
      flow.paragraph(runsOf(block.parts, values), { size, leading });
      return;
    }
    case 'components':
      clearExclusions(flow);
      flow.ensure(lead(m, m.body) * 4); // keep the heading with the table
      flow.paragraph([{ text: block.heading, face: 'regular' }], { size: m.body, leading: lead(m, m.body) });
      flow.y += 2;
      componentsTable(ctx);
      return;
    case 'signatures':
      clearExclusions(flow);
      signatures(ctx);
      return;
  }
}

function placeQr({ pen, flow, m, data, values }: Ctx): void {
  const matrix = qrMatrix(qrPayload(values.code, data.lookupUrl));
  const side = m.qrMm * MM;
  flow.ensure(side);
  const unit = side / matrix.size;
  const gap = Math.max(6, unit * 4); // the quiet zone on the text side
  const x = flow.left + flow.width - side;
  const y = flow.y + 1;
  drawQr(pen.doc, matrix, x, y, side);
  flow.exclusions.push({ y0: y - gap, y1: y + side + 2, width: side + gap });
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Thành phần hồ sơ: a bordered table; rows wrap; header repeated on every page it runs onto.

function componentsTable(ctx: Ctx): void {
  const { pen, flow, m, data } = ctx;
  const cols = MAU01.table.columns;
  const size = m.table;
  const lh = size * 1.22;
  const padX = 2.5;
  const padY = 2;
  const xs: number[] = [flow.left];
  for (const c of cols) xs.push((xs[xs.length - 1] as number) + c.share * flow.width);
  xs[xs.length - 1] = flow.left + flow.width; // absorb rounding
  const colX = (i: number) => xs[i] as number;
  const colW = (i: number) => (xs[i + 1] as number) - (xs[i] as number);

  const wrapCell = (text: string, i: number, face: 'regular' | 'bold') =>
    wrapFixed(pen, [{ text, face }], size, colW(i) - 2 * padX);

  const headCells = cols.map((c, i) => wrapCell(c.label, i, 'bold'));
  const headLines = Math.max(...headCells.map((c) => c.length));
  const headH = headLines * lh + 2 * padY;

  const borders = (y: number, h: number) => {
    pen.doc.rect(flow.left, y, flow.width, h).lineWidth(0.6).stroke('#000');
    for (let i = 1; i < cols.length; i++) pen.vline(colX(i), y, y + h);
  };
  const drawHead = () => {
    const y = flow.y;
    borders(y, headH);
    headCells.forEach((lines, i) => {
      const y0 = y + padY + ((headLines - lines.length) * lh) / 2;
      lines.forEach((line, k) =>
        drawLine(pen, line, colX(i) + (colW(i) - line.width) / 2, textTop(y0 + k * lh, lh, size), size),
      );
    });
    flow.y += headH;
  };

  type Cell = Line[];
  const rows: Cell[][] = data.components.map((c, r) => [
    wrapCell(String(r + 1), 0, 'regular'),
    wrapCell(c.name, 1, 'regular'),
    wrapCell(count(c.originals), 2, 'regular'),
    wrapCell(count(c.certifiedCopies), 3, 'regular'),
    wrapCell(count(c.photocopies), 4, 'regular'),
  ]);
  if (rows.length === 0) rows.push([[], wrapCell(MAU01.table.none, 1, 'regular'), [], [], []]);

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

  for (const row of rows) {
    const total = Math.max(1, ...row.map((c) => c.length));
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
    row.forEach((lines, i) => {
      const col = cols[i];
      if (!col) return;
      if (col.align === 'left') {
        lines.slice(from, to).forEach((line, k) => drawLine(pen, line, colX(i) + padX, textTop(y + padY + k * lh, lh, size), size));
      } else if (from === 0) {
        // short centred cells (numbers): in the middle of the row's first part
        const shown = Math.min(to, total) - from;
        const y0 = y + padY + ((shown - lines.length) * lh) / 2;
        lines.forEach((line, k) =>
          drawLine(pen, line, colX(i) + (colW(i) - line.width) / 2, textTop(y0 + k * lh, lh, size), size),
        );
      }
    });
    flow.y += h;
  }
}

const count = (n: number) => (Number.isFinite(n) && n > 0 ? String(Math.trunc(n)) : '0');

// ---------------------------------------------------------------------------------------------------------------

function signatures({ pen, flow, m, data }: Ctx): void {
  const size = m.body;
  const hHead = lead(m, size);
  const hHint = lead(m, m.small);
  const half = flow.width / 2;
  const officer = printable(data.officerName).trim();
  const officerLines = officer ? wrapFixed(pen, [{ text: officer, face: 'bold' }], size, half - 4) : [];
  const blank = m.signatureMm * MM;
  flow.ensure(hHead * 0.5 + hHead + hHint + blank + Math.max(1, officerLines.length) * hHead);
  let y = flow.y + hHead * 0.5;
  const xL = flow.left;
  const xR = flow.left + half;
  const sig = MAU01.signatures;
  const box = { width: half, align: 'center' } as const;
  pen.text(sig.left, xL, textTop(y, hHead, size), 'bold', fitSize(pen, sig.left, size, half - 4), box);
  pen.text(sig.right, xR, textTop(y, hHead, size), 'bold', fitSize(pen, sig.right, size, half - 4), box);
  y += hHead;
  pen.text(sig.hint, xL, textTop(y, hHint, m.small), 'italic', m.small, box);
  pen.text(sig.hint, xR, textTop(y, hHint, m.small), 'italic', m.small, box);
  y += hHint + blank;
  for (const line of officerLines) {
    drawLine(pen, line, xR + (half - line.width) / 2, textTop(y, hHead, size), size);
    y += hHead;
  }
  flow.y = Math.max(y, flow.y);
}

function fitSize(pen: Pen, text: string, size: number, width: number): number {
  const w = pen.width(text, 'bold', size);
  return w <= width ? size : (size * width) / w;
}
