/**
 * Mẫu 07 "Sổ theo dõi hồ sơ" as a streamed PDF: A4 (or A5) landscape, the NĐ 30/2020 header, title and period on the
 * first page, the column header repeated on every page, "Trang n" at the foot. Each page goes to `out` as soon as it
 * is finished (pdfkit without bufferPages), and the next row is read only when `out` can take more, so memory stays
 * flat whatever the number of rows. The table is drawn through register-glyphs.ts, not pdfkit's text(): see there.
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { RegisterRow } from '../contract/documents';
import type { FontFace, FontStore } from './fonts';
import { formTitle, nd30Header, type FormCtx } from './form-parts';
import { Flow, MM, Pen, printable, type Box } from './pen';
import { REGISTER_COLUMNS, REGISTER_TITLE, REGISTER_VERSION, registerPeriod } from './register-columns';
import { embeddedFont, num, wrapLine, type GlyphFace } from './register-glyphs';
import { abandon, eachRow, OutPump, type RowSource } from './register-stream';
import { REGISTER_LAYOUT, type RegisterLayout } from './register-template';

export interface RegisterAgency {
  agencyName: string;
  parentName: string;
  placeName: string;
  provinceName: string;
}

export interface RegisterPdfOptions {
  paper: 'A4' | 'A5';
  agency: RegisterAgency;
  year: number;
  /** yyyy-mm-dd, Vietnamese calendar days (printed as the period) */
  from?: string;
  to?: string;
  issuedAt: Date;
}

/** The NĐ 30/2020 header texts (as in the forms). */
const ND30_LABELS: Parameters<typeof nd30Header>[2] = {
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  agencyRuleShare: 0.4,
};

const EMPTY_TEXT = 'Không có hồ sơ nào trong kỳ này.';
const ELLIPSIS = '…';

/** Writes the register to `out` (and ends it); resolves when `out` has flushed. */
export async function writeRegisterPdf(
  fonts: FontStore,
  rows: RowSource<RegisterRow>,
  out: NodeJS.WritableStream,
  opts: RegisterPdfOptions,
): Promise<{ rows: number; pages: number }> {
  const layout = REGISTER_LAYOUT[opts.paper];
  if (!layout) throw new Error(`Unknown paper size: ${String(opts.paper)}`);
  const m = layout.page;
  const margins: Box = {
    top: m.margins.top * MM,
    right: m.margins.right * MM,
    bottom: m.margins.bottom * MM,
    left: m.margins.left * MM,
  };
  const set = fonts.beginDocument();
  const period = registerPeriod(opts.year, opts.from, opts.to);
  const doc = new PDFDocument({
    size: m.size,
    layout: 'landscape',
    margins,
    font: set.regular as unknown as string,
    pdfVersion: '1.7',
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: printable(`Sổ theo dõi hồ sơ ${period.join(', ').toLocaleLowerCase('vi')}`),
      Subject: printable(`${REGISTER_TITLE} (${REGISTER_VERSION})`),
      Author: printable(opts.agency.agencyName),
      Creator: printable('Một Cửa Desk'),
      Producer: printable('Một Cửa Desk (pdfkit)'),
      CreationDate: opts.issuedAt,
    },
  });
  const names = {} as Record<FontFace, string>;
  for (const face of Object.keys(set) as FontFace[]) {
    names[face] = set[face].postscriptName;
    doc.registerFont(names[face], set[face] as unknown as Buffer);
  }
  const faces = { regular: embeddedFont(doc, names.regular), bold: embeddedFont(doc, names.bold), italic: embeddedFont(doc, names.italic) };
  doc.font(names.regular);

  const pump = new OutPump(out);
  doc.on('data', (chunk: Uint8Array) => pump.write(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  // first page: NĐ 30 header, title, period (pdfkit's text through Pen: drawn once, before any await)
  const pen = new Pen(doc, names);
  const flow = new Flow(pen, margins);
  const ctx: FormCtx = { pen, flow, m };
  nd30Header(ctx, { ...opts.agency, issuedAt: opts.issuedAt }, ND30_LABELS);
  formTitle(ctx, REGISTER_TITLE);
  flow.y -= m.body * m.leading * 0.3;
  for (const line of period) flow.paragraph([{ text: line, face: 'italic' }], { size: layout.small, leading: layout.small * 1.3, align: 'center' });
  flow.y += layout.small * 0.6;

  const table = new RegisterTable(doc, faces, layout, margins, flow.y);
  let count = 0;
  try {
    await eachRow(rows, (row) => {
      count++;
      return table.add(row) ? pump.pace() : undefined;
    });
  } catch (e) {
    abandon(out);
    throw e;
  }
  if (count === 0) table.addNote(EMPTY_TEXT);
  table.finishPage();
  doc.end();
  await ended;
  await pump.end();
  return { rows: count, pages: table.pages };
}

type Faces = Readonly<Record<'regular' | 'bold' | 'italic', GlyphFace>>;

/** The table: page state, and rows drawn as raw content (text and rules collected per page, written at its end). */
class RegisterTable {
  pages = 1;
  private readonly xs: number[];
  private readonly lh: number;
  private readonly head: Array<Array<{ text: string; width: number }>>;
  private readonly headH: number;
  private readonly tableBottom: number;
  private readonly maxLines: number;
  private readonly left: number;
  private readonly right: number;
  private tableTop = 0;
  private y = 0;
  private text: string[] = [];
  private rules: string[] = [];
  private face: GlyphFace | null = null;
  /** Where the inner column lines stop when a note row spans the table. */
  private columnsEnd: number | null = null;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly faces: Faces,
    private readonly L: RegisterLayout,
    private readonly margins: Box,
    firstTop: number,
  ) {
    const page = doc.page;
    this.left = margins.left;
    this.right = page.width - margins.right;
    const total = REGISTER_COLUMNS.reduce((s, c) => s + c.pdfWeight, 0);
    const xs = [this.left];
    for (const c of REGISTER_COLUMNS) xs.push((xs[xs.length - 1] as number) + (c.pdfWeight / total) * (this.right - this.left));
    xs[xs.length - 1] = this.right;
    this.xs = xs;
    this.lh = L.cell * L.cellLeading;
    this.head = REGISTER_COLUMNS.map((c, i) =>
      wrapLine(faces.bold, printable(c.label), L.cell, this.colW(i) - 2 * L.padX).map((t) => ({ text: t, width: faces.bold.width(t, L.cell) })),
    );
    this.headH = Math.max(...this.head.map((h) => h.length)) * this.lh + 2 * L.padY;
    // the foot keeps one line of small text for "Trang n"
    this.tableBottom = page.height - margins.bottom - L.small * 1.5;
    this.maxLines = Math.max(1, Math.floor((this.tableBottom - margins.top - this.headH - 2 * L.padY) / this.lh));
    this.startPage(firstTop);
  }

  private colW(i: number): number {
    return (this.xs[i + 1] as number) - (this.xs[i] as number);
  }

  /** One line of text whose line box starts at `top`. */
  private line(face: GlyphFace, size: number, s: string, x: number, top: number, lh: number): void {
    if (s === '') return;
    if (this.face !== face) {
      this.text.push(`/${face.id} ${num(size)} Tf`);
      this.face = face;
    }
    const baseline = top + (lh - size * 1.15) / 2 + (face.ascender * size) / 1000;
    // the page's matrix is flipped (top-down y); this text matrix turns the glyphs upright again
    this.text.push(`1 0 0 -1 ${num(x)} ${num(baseline)} Tm <${face.hex(s)}> Tj`);
  }

  private hrule(y: number): void {
    this.rules.push(`${num(this.left)} ${num(y)} m ${num(this.right)} ${num(y)} l`);
  }

  private startPage(top: number): void {
    const { L } = this;
    this.tableTop = top;
    this.face = null;
    this.hrule(top);
    this.head.forEach((lines, i) => {
      const y0 = top + L.padY + ((this.headH - 2 * L.padY - lines.length * this.lh) / 2);
      lines.forEach((l, k) => this.line(this.faces.bold, L.cell, l.text, (this.xs[i] as number) + (this.colW(i) - l.width) / 2, y0 + k * this.lh, this.lh));
    });
    this.y = top + this.headH;
    this.hrule(this.y);
  }

  /** Writes the page's collected content (rules, column lines, text, page number) into pdfkit's page. */
  finishPage(): void {
    const { L, doc } = this;
    this.xs.forEach((x, i) => {
      const inner = i > 0 && i < this.xs.length - 1;
      const end = inner && this.columnsEnd !== null ? this.columnsEnd : this.y;
      this.rules.push(`${num(x)} ${num(this.tableTop)} m ${num(x)} ${num(end)} l`);
    });
    const label = `${L.pageLabel} ${this.pages}`;
    const w = this.faces.regular.width(label, L.small);
    const footTop = doc.page.height - this.margins.bottom - L.small * 1.25;
    this.line(this.faces.regular, L.small, label, (this.left + this.right - w) / 2, footTop, L.small * 1.25);
    for (const f of Object.values(this.faces)) f.useOn(doc.page as unknown as { fonts: Record<string, unknown> });
    // as bytes: pdfkit would otherwise convert the string character by character
    doc.addContent(Buffer.from(`q 0 G 0.5 w ${this.rules.join(' ')} S Q\nq 0 g BT ${this.text.join('\n')} ET Q\n`, 'latin1') as unknown as string);
    this.rules = [];
    this.text = [];
    compressFast(doc.page);
  }

  /** Adds a row; true when a page was finished (and handed to the stream) to make room for it. */
  add(row: RegisterRow): boolean {
    const { L } = this;
    const size = L.cell;
    const cells = REGISTER_COLUMNS.map((c, i) => wrapLine(this.faces.regular, c.text(row), size, this.colW(i) - 2 * L.padX));
    let n = 1;
    for (const c of cells) if (c.length > n) n = c.length;
    if (n > this.maxLines) {
      // a row taller than a page (a very long note): cut, the register keeps its one row per dossier
      cells.forEach((c, i) => {
        if (c.length > this.maxLines) cells[i] = this.truncate(c.slice(0, this.maxLines), this.colW(i) - 2 * L.padX);
      });
      n = this.maxLines;
    }
    const h = n * this.lh + 2 * L.padY;
    const broke = this.y + h > this.tableBottom + 0.01;
    if (broke) this.newPage();
    const top = this.y + L.padY;
    cells.forEach((lines, i) => {
      const col = REGISTER_COLUMNS[i];
      const x0 = this.xs[i] as number;
      for (let k = 0; k < lines.length; k++) {
        const s = lines[k] as string;
        const x = col?.align === 'center' ? x0 + (this.colW(i) - this.faces.regular.width(s, size)) / 2 : x0 + L.padX;
        this.line(this.faces.regular, size, s, x, top + k * this.lh, this.lh);
      }
    });
    this.y += h;
    this.hrule(this.y);
    return broke;
  }

  /** A row across the whole table with one italic line (the empty register). */
  addNote(s: string): void {
    const { L } = this;
    const w = this.faces.italic.width(s, L.cell);
    this.columnsEnd = this.y;
    this.line(this.faces.italic, L.cell, s, (this.left + this.right - w) / 2, this.y + L.padY, this.lh);
    this.y += this.lh + 2 * L.padY;
    this.hrule(this.y);
  }

  private newPage(): void {
    this.finishPage();
    this.doc.addPage();
    this.pages++;
    this.startPage(this.margins.top);
  }

  private truncate(lines: string[], width: number): string[] {
    const last = lines.length - 1;
    let s = (lines[last] as string) + ELLIPSIS;
    while (s.length > 1 && this.faces.regular.width(s, this.L.cell) > width) s = s.slice(0, -2) + ELLIPSIS;
    lines[last] = s;
    return lines;
  }
}

/**
 * pdfkit deflates every page at zlib's default level 6, a third of the register's time. Level 1 gives ~10 % larger
 * pages in a fraction of the time. Done on pdfkit's content reference (internal): when its shape is not the expected
 * one, pdfkit compresses the page as usual.
 */
function compressFast(page: unknown): void {
  const content = (page as { content?: { compress?: unknown; buffer?: unknown; data?: Record<string, unknown> } }).content;
  if (!content || content.compress !== true || !Array.isArray(content.buffer) || !content.data) return;
  const raw = Buffer.concat(content.buffer as Uint8Array[]);
  content.buffer = [deflateSync(raw, { level: 1 })];
  content.compress = false;
  content.data.Filter = 'FlateDecode';
  content.data.Length = (content.buffer as Buffer[])[0]?.length ?? 0;
}
