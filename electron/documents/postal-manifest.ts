/**
 * The batch hand-over list of items sent by bưu chính công ích (QĐ 45/2016/QĐ-TTg: the desk and the postal worker
 * both sign for what changes hands): A4 portrait, NĐ 30/2020 header with the list's number, one table row per item
 * (header repeated on every page it runs onto), the totals, and the two signatures.
 */
import { amountInWords, groupThousands } from '../core/money-words';
import { formatVnSlipTime } from '../core/vntime';
import type { FontStore } from './fonts';
import {
  TABLE_PAD_X,
  continuationHeader,
  drawTable,
  lead,
  nd30Header,
  signatureBlocks,
  textTop,
  type DrawTableColumn,
  type FormCtx,
} from './form-parts';
import { FORM_PAPER, ND30, type PaperMetrics } from './form-template';
import { Flow, MM, drawLine, finish, newDocument, printable, wrapBalanced, type Box } from './pen';

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

/** The whole dossier code on one line ("000.00.16.H56-261124-0001"), set smaller than the rest of the table. */
const CODE_COLUMN = { label: 'Mã hồ sơ', share: 0.25, align: 'left', size: 9.5 } as const satisfies DrawTableColumn;
/** In the item number's cell while the S10 number is not known (written in by hand), italic and grey. */
const NO_ITEM_NO = 'chưa có';

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
    // a 13-character S10 number on one line; "chưa có" while it is not known
    { label: 'Số hiệu bưu gửi', share: 0.18, align: 'center', empty: NO_ITEM_NO },
    { label: 'Người nhận', share: 0.13, align: 'left' },
    { label: 'Địa chỉ', share: 0.185, align: 'left' },
    { label: 'Khối lượng (g)', share: 0.1, align: 'center' },
    { label: 'Cước (đ)', share: 0.1, align: 'center' },
  ] satisfies readonly DrawTableColumn[],
  none: 'Không có bưu gửi',
  noItemNo: NO_ITEM_NO,
  totals: (items: number, grams: number, amount: number) =>
    `Tổng cộng: ${items} bưu gửi; tổng khối lượng ${groupThousands(grams)} g; tổng cước ${groupThousands(amount)} đồng ` +
    `(${amountInWords(amount)}).`,
  closing: 'Hai bên đã kiểm đếm đủ số bưu gửi nêu trên. Danh sách lập thành 02 bản, mỗi bên giữ 01 bản.',
  signatures: { left: 'ĐẠI DIỆN BỘ PHẬN MỘT CỬA', right: 'NHÂN VIÊN BƯU CHÍNH', hint: '(Ký, ghi rõ họ tên)' },
} as const;

/** A4 as the forms print it, with a smaller table: seven columns on a portrait page. */
const PAPER: PaperMetrics = { ...FORM_PAPER.A4, table: 10.5, small: 11 };

const vn = (s: string | null | undefined) => printable(s ?? '').trim();

/**
 * A code too long for its column (another agency's longer code) breaks after the agency's code: a table cell only
 * breaks at spaces, and cut anywhere else the code would read as two numbers. One that fits keeps no space.
 */
const breakableCode = (code: string) => vn(code).replace(/^([^-\s]+-)(?=\S)/, '$1 ');

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
  // an item number not known yet stays empty: its column shows NO_ITEM_NO there
  const rows = data.rows.map((r, i) => [
    String(i + 1),
    codeFits(vn(r.dossierCode)) ? vn(r.dossierCode) : breakableCode(r.dossierCode),
    vn(r.itemNo),
    vn(r.recipient),
    vn(r.address),
    groupThousands(r.grams),
    groupThousands(r.amount),
  ]);
  drawTable(ctx, t.columns, rows, t.none);

  const grams = data.rows.reduce((s, r) => s + r.grams, 0);
  const amount = data.rows.reduce((s, r) => s + r.amount, 0);
  flow.paragraph([{ text: t.totals(data.rows.length, grams, amount), face: 'bold' }], body);
  flow.paragraph([{ text: t.closing, face: 'italic' }], body);
  signatureBlocks(ctx, t.signatures, { left: vn(data.officerName), right: vn(data.postalWorker) });
  return finish(pen.doc);
}
