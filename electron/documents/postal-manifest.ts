/**
 * The batch hand-over list of items sent by bưu chính công ích (QĐ 45/2016/QĐ-TTg: the desk and the postal worker
 * both sign for what changes hands): A4 portrait, NĐ 30/2020 header with the list's number, one table row per item
 * (header repeated on every page it runs onto), the totals, and the two signatures.
 */
import { amountInWords, groupThousands } from '../core/money-words';
import { formatVnSlipTime } from '../core/vntime';
import type { FontFace, FontStore } from './fonts';
import { TABLE_PAD_X, continuationHeader, lead, nd30Header, signatureBlocks, textTop, type FormCtx } from './form-parts';
import { FORM_PAPER, ND30, type PaperMetrics, type TableColumn } from './form-template';
import { Flow, MM, drawLine, finish, newDocument, printable, wrapBalanced, wrapFixed, type Box, type Line } from './pen';

export interface ManifestRow {
  dossierCode: string;
  /** S10 number; null: written in by hand */
  itemNo: string | null;
  recipient: string;
  address: string;
  grams: number;
  amount: number;
}

export interface ManifestData {
  agency: { agencyName: string; parentName: string; placeName: string };
  /** BG-2026-0001 */
  number: string;
  issuedAt: Date;
  officerName: string;
  postalWorker: string;
  rows: readonly ManifestRow[];
}

/** A table column of the list; `size` (points) when its text is set smaller than the rest of the table. */
export interface ManifestColumn extends TableColumn {
  size?: number;
}

/** The whole dossier code on one line ("000.00.16.H56-261124-0001"), set smaller than the rest of the table. */
const CODE_COLUMN = { label: 'Mã hồ sơ', share: 0.25, align: 'left', size: 9.5 } as const satisfies ManifestColumn;

export const MANIFEST_TEMPLATE = {
  version: 'bg-2026.1',
  ...ND30,
  number: { label: 'Số: ', blank: '……' },
  title: 'DANH SÁCH BÀN GIAO HỒ SƠ, KẾT QUẢ QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH',
  continuation: 'Tiếp theo danh sách bàn giao số',
  intro: (at: string, agency: string) =>
    `Hồi ${at}, tại ${agency}, Bộ phận Một cửa bàn giao cho nhân viên bưu chính các bưu gửi (hồ sơ, kết quả giải quyết ` +
    `thủ tục hành chính) chuyển qua dịch vụ bưu chính công ích dưới đây.`,
  parties: ['Đại diện Bộ phận Một cửa: ', 'Nhân viên bưu chính: '] as const,
  columns: [
    { label: 'STT', share: 0.055, align: 'center' },
    CODE_COLUMN,
    // a 13-character S10 number on one line
    { label: 'Số hiệu bưu gửi', share: 0.18, align: 'center' },
    { label: 'Người nhận', share: 0.13, align: 'left' },
    { label: 'Địa chỉ', share: 0.185, align: 'left' },
    { label: 'Khối lượng (g)', share: 0.1, align: 'center' },
    { label: 'Cước (đ)', share: 0.1, align: 'center' },
  ] satisfies readonly ManifestColumn[],
  none: 'Không có bưu gửi',
  /** In the item number's cell while the S10 number is not known (written in by hand), italic and grey. */
  noItemNo: 'chưa có',
  totals: (items: number, grams: number, amount: number) =>
    `Tổng cộng: ${items} bưu gửi; tổng khối lượng ${groupThousands(grams)} g; tổng cước ${groupThousands(amount)} đồng ` +
    `(${amountInWords(amount)}).`,
  closing: 'Hai bên đã kiểm đếm đủ số bưu gửi nêu trên. Danh sách lập thành 02 bản, mỗi bên giữ 01 bản.',
  signatures: { left: 'ĐẠI DIỆN BỘ PHẬN MỘT CỬA', right: 'NHÂN VIÊN BƯU CHÍNH', hint: '(Ký, ghi rõ họ tên)' },
} as const;

/** A4 as the forms print it, with a smaller table: seven columns on a portrait page. */
const PAPER: PaperMetrics = { ...FORM_PAPER.A4, table: 10.5, small: 11 };
/** The "chưa có" mark: a grey that an office laser printer still prints. */
const MUTED = '#5c5c5c';

const vn = (s: string | null | undefined) => printable(s ?? '').trim();

/**
 * A code too long for its column (another agency's longer code) breaks after the agency's code: a table cell only
 * breaks at spaces, and cut anywhere else the code would read as two numbers. One that fits keeps no space.
 */
const breakableCode = (code: string) => vn(code).replace(/^([^-\s]+-)(?=\S)/, '$1 ');

/** A table cell: its text, in the regular face and black unless said otherwise. */
interface Cell {
  text: string;
  face?: FontFace;
  muted?: boolean;
}


/** Renders the list; no `await` until finish (the fonts are shared between documents, see FontStore). */
export async function renderPostalManifest(fonts: FontStore, data: ManifestData): Promise<Buffer> {
  if (!(data.issuedAt instanceof Date) || !Number.isFinite(data.issuedAt.getTime())) throw new Error('Manifest issuedAt is not a valid date');
  const t = MANIFEST_TEMPLATE;
  const m = PAPER;
  const margins: Box = {
    top: m.margins.top * MM,
    right: m.margins.right * MM,
    bottom: m.margins.bottom * MM,
    left: m.margins.left * MM,
  };
  const number = vn(data.number);
  const pen = newDocument(
    fonts.beginDocument(),
    m.size,
    margins,
    {
      title: `Danh sách bàn giao bưu gửi ${number}`,
      subject: 'Bàn giao hồ sơ, kết quả qua dịch vụ bưu chính công ích',
      author: vn(data.agency.agencyName),
      creationDate: data.issuedAt,
    },
    fonts.layoutCaches(),
  );
  const flow = new Flow(pen, margins);
  const ctx: FormCtx = { pen, flow, m };
  flow.onNewPage.push(() => continuationHeader(ctx, `${t.continuation} ${number}`));

  nd30Header(ctx, { ...data.agency, issuedAt: data.issuedAt, number }, t);
  // the long title in even lines, not a last line of two words
  flow.y += lead(m, m.body) * 0.6;
  const titleH = lead(m, m.title);
  for (const line of wrapBalanced(pen, [{ text: t.title, face: 'bold' }], m.title, flow.width)) {
    drawLine(pen, line, flow.left + (flow.width - line.width) / 2, textTop(flow.y, titleH, m.title), m.title);
    flow.y += titleH;
  }
  flow.y += lead(m, m.body) * 0.4;
  const body = { size: m.body, leading: lead(m, m.body) };
  flow.paragraph([{ text: t.intro(formatVnSlipTime(data.issuedAt), vn(data.agency.agencyName)), face: 'regular' }], body);
  flow.paragraph([{ text: t.parties[0], face: 'regular' }, { text: vn(data.officerName) || '……', face: 'bold' }], body);
  flow.paragraph([{ text: t.parties[1], face: 'regular' }, { text: vn(data.postalWorker), face: 'bold' }], body);
  flow.y += lead(m, m.body) * 0.3;

  const codeFits = (code: string) => pen.width(code, 'regular', CODE_COLUMN.size) <= CODE_COLUMN.share * flow.width - 2 * TABLE_PAD_X;
  const rows = data.rows.map((r, i): Cell[] => {
    const itemNo = vn(r.itemNo);
    return [
      { text: String(i + 1) },
      { text: codeFits(vn(r.dossierCode)) ? vn(r.dossierCode) : breakableCode(r.dossierCode) },
      itemNo === '' ? { text: t.noItemNo, face: 'italic', muted: true } : { text: itemNo },
      { text: vn(r.recipient) },
      { text: vn(r.address) },
      { text: groupThousands(r.grams) },
      { text: groupThousands(r.amount) },
    ];
  });
  drawItems(ctx, t.columns, rows, t.none);

  const grams = data.rows.reduce((s, r) => s + r.grams, 0);
  const amount = data.rows.reduce((s, r) => s + r.amount, 0);
  flow.paragraph([{ text: t.totals(data.rows.length, grams, amount), face: 'bold' }], body);
  flow.paragraph([{ text: t.closing, face: 'italic' }], body);
  signatureBlocks(ctx, t.signatures, { left: vn(data.officerName), right: vn(data.postalWorker) });
  return finish(pen.doc);
}

/**
 * The list's table, drawn as the forms' table is (form-parts drawTable: bordered, the header repeated on every page
 * it runs onto, a row split between pages only when it cannot fit a whole page; left-aligned cells from the top,
 * centred ones in the middle of the row), with what the list needs besides: a column set in its own size and a
 * muted cell. Every column keeps the table's line advance, so rows stay on one grid.
 */
function drawItems(ctx: FormCtx, columns: readonly ManifestColumn[], rows: readonly Cell[][], none: string): void {
  const { pen, flow, m } = ctx;
  const lh = m.table * 1.22;
  const padX = TABLE_PAD_X;
  const padY = 2;
  const xs: number[] = [flow.left];
  for (const c of columns) xs.push((xs[xs.length - 1] as number) + c.share * flow.width);
  xs[xs.length - 1] = flow.left + flow.width; // absorb rounding
  const colX = (i: number) => xs[i] as number;
  const colW = (i: number) => (xs[i + 1] as number) - (xs[i] as number);
  const sizeOf = (i: number) => columns[i]?.size ?? m.table;

  interface Set {
    lines: Line[];
    size: number;
    muted: boolean;
  }
  const set = (cell: Cell, i: number, size = sizeOf(i)): Set => ({
    lines: wrapFixed(pen, [{ text: cell.text, face: cell.face ?? 'regular' }], size, colW(i) - 2 * padX),
    size,
    muted: cell.muted === true,
  });
  const put = (cell: Set, line: Line, x: number, y: number) => {
    if (cell.muted) pen.doc.fillColor(MUTED);
    drawLine(pen, line, x, textTop(y, lh, cell.size), cell.size);
    if (cell.muted) pen.doc.fillColor('black');
  };

  const head = columns.map((c, i) => set({ text: c.label, face: 'bold' }, i, m.table));
  const headLines = Math.max(...head.map((c) => c.lines.length));
  const headH = headLines * lh + 2 * padY;

  const borders = (y: number, h: number) => {
    pen.rect(flow.left, y, flow.width, h);
    for (let i = 1; i < columns.length; i++) pen.vline(colX(i), y, y + h);
  };
  const drawHead = () => {
    const y = flow.y;
    borders(y, headH);
    head.forEach((cell, i) => {
      const y0 = y + padY + ((headLines - cell.lines.length) * lh) / 2;
      cell.lines.forEach((line, k) => put(cell, line, colX(i) + (colW(i) - line.width) / 2, y0 + k * lh));
    });
    flow.y += headH;
  };

  const cells: Set[][] = rows.map((row) => columns.map((_, i) => set(row[i] ?? { text: '' }, i)));
  if (cells.length === 0) cells.push(columns.map((_, i) => set({ text: i === 1 ? none : '' }, i, m.table)));

  // the header must have at least one row under it
  flow.ensure(headH + lh + 2 * padY);
  drawHead();
  flow.onNewPage.push(drawHead);

  // lines a row can use on a new page, below the continuation header and the table header
  const freshLines = Math.floor((flow.bottom - flow.top - lead(m, m.small) * 2.4 - headH - 2 * padY) / lh);
  const drawRowPart = (row: Set[], from: number, to: number) => {
    const y = flow.y;
    const h = (to - from) * lh + 2 * padY;
    borders(y, h);
    row.forEach((cell, i) => {
      if (columns[i]?.align === 'left') {
        cell.lines.slice(from, to).forEach((line, k) => put(cell, line, colX(i) + padX, y + padY + k * lh));
      } else if (from === 0) {
        // short centred cells (numbers): in the middle of the row's first part
        const y0 = y + padY + ((to - from - cell.lines.length) * lh) / 2;
        cell.lines.forEach((line, k) => put(cell, line, colX(i) + (colW(i) - line.width) / 2, y0 + k * lh));
      }
    });
    flow.y += h;
  };
  for (const row of cells) {
    const total = Math.max(1, ...row.map((c) => c.lines.length));
    let start = 0;
    while (start < total) {
      const avail = Math.floor((flow.bottom - flow.y - 2 * padY + 0.01) / lh);
      const need = total - start;
      if (need <= avail) {
        drawRowPart(row, start, total);
        break;
      }
      if ((start === 0 && need <= freshLines) || avail < 1) {
        flow.newPage();
        continue;
      }
      drawRowPart(row, start, start + avail);
      start += avail;
      flow.newPage();
    }
  }
  flow.onNewPage.pop();
  flow.y += lead(m, m.body) * 0.25;
}
