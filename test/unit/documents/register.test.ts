import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../../electron/contract/documents';
import { FontStore } from '../../../electron/documents/fonts';
import { syntheticRegisterRows } from '../../../electron/documents/register-bench';
import { formatRegisterTime, REGISTER_COLUMNS, vnWallClock } from '../../../electron/documents/register-columns';
import { writeRegisterPdf, type RegisterPdfOptions } from '../../../electron/documents/register-pdf';
import { REGISTER_LAYOUT } from '../../../electron/documents/register-template';
import { REGISTER_DATE_FORMAT, REGISTER_HEADER_ROW, REGISTER_SHEET, writeRegisterXlsx } from '../../../electron/documents/register-xlsx';
import { compareWithGolden, GOLDEN_TOLERANCE } from '../../support/golden';
import { outsideMargins, readPdf, squash, type PageRead } from './pdf-read';

const FONTS = path.resolve(__dirname, '../../../resources/fonts');
const MM = 72 / 25.4;

let fonts: FontStore;
let tmp: string;
beforeAll(() => {
  fonts = new FontStore(FONTS);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-register-test-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const hasMark = (s: string) => /\p{M}/u.test(s);
const nfd = (s: string) => s.normalize('NFD');
const allText = (pages: PageRead[]) => squash(pages.map((p) => p.text).join(''));

const AGENCY = {
  agencyName: 'Trung tâm Phục vụ hành chính công',
  parentName: 'Ủy ban nhân dân phường Tĩnh Gia',
  placeName: 'Tĩnh Gia',
  provinceName: 'Thanh Hóa',
};
const PDF_OPTS: RegisterPdfOptions = {
  paper: 'A4',
  agency: AGENCY,
  year: 2026,
  from: '2026-11-01',
  to: '2026-11-24',
  issuedAt: new Date('2026-11-24T03:00:00Z'),
};

const LONG_PROCEDURE =
  'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi';

function row(i: number, over: Partial<RegisterRow> = {}): RegisterRow {
  return {
    no: i,
    dossierId: i,
    code: `000.00.06.H56-261124-${String(i).padStart(4, '0')}`,
    procedureName: i % 2 ? LONG_PROCEDURE : 'Xác nhận tình trạng hôn nhân',
    sets: 1,
    applicantName: i % 2 ? 'NGUYỄN THỊ PHƯỢNG' : 'Trần Văn Đức',
    contact: `Số ${i} đường Nguyễn Trãi, phường Tĩnh Gia, tỉnh Thanh Hóa; 0987654321`,
    handlingBody: 'Công chức Tư pháp - Hộ tịch',
    acceptedAt: '2026-11-24T01:05:00.000Z', // 08:05 Vietnam time
    dueAt: '2026-11-27T10:00:00.000Z',
    forwardedAt: '2026-11-24T02:00:00.000Z',
    resultAt: i % 3 ? null : '2026-11-26T09:30:00.000Z',
    returnedAt: null,
    note: i % 4 ? '' : 'Yêu cầu bổ sung hồ sơ ngày 25/11',
    ...over,
  };
}
const rows = (n: number, over: (i: number) => Partial<RegisterRow> = () => ({})) => Array.from({ length: n }, (_, k) => row(k + 1, over(k + 1)));

/** Collects what a writer streams into a Buffer. */
function sink(): { out: PassThrough; done: Promise<Buffer> } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => out.on('end', () => resolve(Buffer.concat(chunks))));
  return { out, done };
}

async function registerPdf(data: Iterable<RegisterRow> | AsyncIterable<RegisterRow>, opts: RegisterPdfOptions = PDF_OPTS) {
  const { out, done } = sink();
  const result = await writeRegisterPdf(fonts, data, out, opts);
  return { result, buf: await done };
}

/** The table's column edges on a page of this paper. */
function columnEdges(paper: 'A4' | 'A5', pageWidth: number): number[] {
  const m = REGISTER_LAYOUT[paper].page.margins;
  const left = m.left * MM;
  const width = pageWidth - (m.left + m.right) * MM;
  const total = REGISTER_COLUMNS.reduce((s, c) => s + c.pdfWeight, 0);
  const xs = [left];
  for (const c of REGISTER_COLUMNS) xs.push((xs[xs.length - 1] as number) + (c.pdfWeight / total) * width);
  return xs;
}

describe('register columns', () => {
  it('formats instants as dd/MM/yyyy HH:mm in Vietnam time', () => {
    expect(formatRegisterTime('2026-11-24T01:05:00.000Z')).toBe('24/11/2026 08:05');
    expect(formatRegisterTime('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
    expect(formatRegisterTime(null)).toBe('');
    expect(vnWallClock('2026-11-24T01:05:00Z')?.toISOString()).toBe('2026-11-24T08:05:00.000Z');
  });
});

describe('Mẫu 07 register as PDF', () => {
  it('shows the header, title, period, every column and every value, in NFC, inside the margins', async () => {
    const data = rows(5);
    const { result, buf } = await registerPdf(data);
    expect(result.rows).toBe(5);
    const raw = buf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Bold/);
    expect(raw).not.toContain('Helvetica');
    const pages = await readPdf(buf);
    expect(pages).toHaveLength(result.pages);
    const page = pages[0] as PageRead;
    expect(page.width).toBeCloseTo(841.89, 1); // A4 landscape
    expect(page.height).toBeCloseTo(595.28, 1);
    expect(hasMark(page.text)).toBe(false);
    const text = allText(pages);
    for (const s of [
      'ỦY BAN NHÂN DÂN PHƯỜNG TĨNH GIA',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Tĩnh Gia, ngày 24 tháng 11 năm 2026',
      'SỔ THEO DÕI HỒ SƠ',
      'Năm 2026',
      'Từ ngày 01/11/2026 đến ngày 24/11/2026',
      'Trang 1',
      ...REGISTER_COLUMNS.map((c) => c.label),
    ]) {
      expect(text, s).toContain(squash(s));
    }
    for (const r of data) {
      for (const c of REGISTER_COLUMNS) expect(text, `${c.key} of ${r.no}`).toContain(squash(c.text(r)));
    }
    expect(text).toContain(squash('24/11/2026 08:05'));
    expect(text).toContain(squash('27/11/2026 17:00'));
    for (const p of pages) expect(outsideMargins(p, REGISTER_LAYOUT.A4.page.margins)).toEqual([]);
  });

  it('matches its golden first page', async () => {
    const { result, buf } = await registerPdf(rows(6));
    expect(result.pages).toBe(1);
    const g = compareWithGolden('register-a4', buf);
    for (const d of g.diffs) expect(d).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
  });

  it('writes decomposed (NFD) input as NFC text', async () => {
    const data = rows(3, () => ({ applicantName: nfd('NGUYỄN THỊ PHƯỢNG'), handlingBody: nfd('Công chức Địa chính - Xây dựng'), note: nfd('Đã trả kết quả') }));
    const { buf } = await registerPdf(data, { ...PDF_OPTS, agency: { ...AGENCY, agencyName: nfd(AGENCY.agencyName) } });
    const pages = await readPdf(buf);
    expect(hasMark(pages.map((p) => p.text).join(''))).toBe(false);
    const text = allText(pages);
    for (const s of ['NGUYỄN THỊ PHƯỢNG', 'Công chức Địa chính - Xây dựng', 'Đã trả kết quả', 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG']) expect(text).toContain(squash(s));
  });

  it('wraps long values inside their cells', async () => {
    const longNote = 'Yêu cầu bổ sung hồ sơ ngày 25/11/2026; công dân đã bổ sung đầy đủ ngày 26/11/2026, chuyển lại bộ phận chuyên môn';
    const data = rows(4, () => ({ note: longNote, code: '000.00.06.H56-261124-00000012345' }));
    for (const paper of ['A4', 'A5'] as const) {
      const { buf } = await registerPdf(data, { ...PDF_OPTS, paper });
      const pages = await readPdf(buf);
      const text = allText(pages);
      expect(text).toContain(squash(LONG_PROCEDURE));
      expect(text).toContain(squash(longNote));
      const xs = columnEdges(paper, (pages[0] as PageRead).width);
      const inColumn = (key: string, re: RegExp) => {
        const i = REGISTER_COLUMNS.findIndex((c) => c.key === key);
        const items = pages.flatMap((p) => p.items).filter((it) => re.test(it.str));
        expect(items.length, key).toBeGreaterThan(1);
        for (const it of items) {
          expect(it.x, `${paper} ${key}: ${it.str}`).toBeGreaterThanOrEqual((xs[i] as number) - 0.5);
          expect(it.x + it.width, `${paper} ${key}: ${it.str}`).toBeLessThanOrEqual((xs[i + 1] as number) + 0.5);
        }
      };
      inColumn('procedureName', /Liên thông|thường trú|bảo hiểm|dưới 6/);
      inColumn('note', /bổ sung|chuyển lại|chuyên môn/);
      inColumn('code', /^000\.00\.06|^261124|00000012345/);
      for (const p of pages) expect(outsideMargins(p, REGISTER_LAYOUT[paper].page.margins), paper).toEqual([]);
    }
  });

  it('continues on several pages with the header repeated and "Trang n" on each', async () => {
    async function* source() {
      for (const r of rows(60)) yield r; // an async source, as the database gives it
    }
    const { result, buf } = await registerPdf(source());
    expect(result.rows).toBe(60);
    const pages = await readPdf(buf);
    expect(pages.length).toBe(result.pages);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const [n, page] of pages.entries()) {
      const t = squash(page.text);
      for (const c of REGISTER_COLUMNS) expect(t, `${c.label} on page ${n + 1}`).toContain(squash(c.label));
      expect(t).toContain(`Trang${n + 1}`);
      expect(outsideMargins(page, REGISTER_LAYOUT.A4.page.margins), `page ${n + 1}`).toEqual([]);
    }
    const text = allText(pages);
    let last = -1;
    for (let i = 1; i <= 60; i++) {
      const at = text.indexOf(squash(`000.00.06.H56-261124-${String(i).padStart(4, '0')}`));
      expect(at, `row ${i}`).toBeGreaterThan(last);
      last = at;
    }
  });

  it('cuts a row taller than a page with an ellipsis, and says when the register is empty', async () => {
    const huge = Array.from({ length: 120 }, (_, i) => `ghi chú ${i}`).join(' ');
    const { buf } = await registerPdf([row(1, { note: huge }), row(2)]);
    const pages = await readPdf(buf);
    expect(allText(pages)).toContain('…');
    expect(allText(pages)).toContain(squash('000.00.06.H56-261124-0002'));
    for (const p of pages) expect(outsideMargins(p, REGISTER_LAYOUT.A4.page.margins)).toEqual([]);
    const empty = await registerPdf([]);
    expect(empty.result).toEqual({ rows: 0, pages: 1 });
    expect(allText(await readPdf(empty.buf))).toContain(squash('Không có hồ sơ nào trong kỳ này.'));
  });
});

describe('Mẫu 07 register as XLSX', () => {
  it('has Vietnamese headers, widths, a frozen header with a filter, and the values', async () => {
    const file = path.join(tmp, 'so.xlsx');
    const data = rows(25, (i) => (i === 3 ? { applicantName: nfd('NGUYỄN THỊ PHƯỢNG'), returnedAt: '2026-11-27T08:00:00Z' } : {}));
    const result = await writeRegisterXlsx(data, fs.createWriteStream(file), { agencyName: AGENCY.agencyName, year: 2026, from: '2026-11-01', to: '2026-11-24' });
    expect(result).toEqual({ rows: 25 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(REGISTER_SHEET);
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(String(ws.getCell('A2').value)).toBe('Trung tâm Phục vụ hành chính công — Năm 2026 — Từ ngày 01/11/2026 đến ngày 24/11/2026');
    const header = ws.getRow(REGISTER_HEADER_ROW);
    REGISTER_COLUMNS.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      expect(cell.value).toBe(c.label);
      expect(cell.font?.bold).toBe(true);
      expect(cell.alignment?.wrapText).toBe(true);
      expect(cell.border?.bottom?.style).toBe('thin');
      expect(ws.getColumn(i + 1).width).toBe(c.xlsxWidth);
    });
    expect(header.getCell(1).value).toBe('STT');
    expect(header.getCell(2).value).toBe('Mã hồ sơ');
    const view = ws.views[0] as { state?: string; ySplit?: number };
    expect(view.state).toBe('frozen');
    expect(view.ySplit).toBe(REGISTER_HEADER_ROW);
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.actualRowCount).toBe(REGISTER_HEADER_ROW + 25);
    expect(ws.rowCount).toBe(REGISTER_HEADER_ROW + 25);

    const col = (key: string) => REGISTER_COLUMNS.findIndex((c) => c.key === key) + 1;
    const third = ws.getRow(REGISTER_HEADER_ROW + 3);
    expect(third.getCell(col('no')).value).toBe(3);
    expect(third.getCell(col('code')).value).toBe('000.00.06.H56-261124-0003');
    expect(third.getCell(col('procedureName')).value).toBe(LONG_PROCEDURE);
    expect(third.getCell(col('procedureName')).alignment?.wrapText).toBe(true);
    expect(third.getCell(col('applicantName')).value).toBe('NGUYỄN THỊ PHƯỢNG'); // NFC
    const accepted = third.getCell(col('acceptedAt'));
    expect(accepted.value).toBeInstanceOf(Date);
    expect((accepted.value as Date).toISOString()).toBe('2026-11-24T08:05:00.000Z'); // Vietnam wall clock
    expect(accepted.numFmt).toBe(REGISTER_DATE_FORMAT);
    expect((third.getCell(col('returnedAt')).value as Date).toISOString()).toBe('2026-11-27T15:00:00.000Z');
    expect(third.getCell(col('resultAt')).value).toBeInstanceOf(Date); // row 3: i % 3 === 0
    expect(ws.getRow(REGISTER_HEADER_ROW + 1).getCell(col('resultAt')).value).toBeNull();
    expect(ws.getRow(REGISTER_HEADER_ROW + 4).getCell(col('note')).value).toBe('Yêu cầu bổ sung hồ sơ ngày 25/11');
    expect(ws.getRow(REGISTER_HEADER_ROW + 25).getCell(col('no')).value).toBe(25);
  });
});

describe('failures', () => {
  it('rejects and closes the stream when the row source fails', async () => {
    function* failing() {
      yield row(1);
      throw new Error('cơ sở dữ liệu bận');
    }
    const a = new PassThrough();
    await expect(writeRegisterPdf(fonts, failing(), a, PDF_OPTS)).rejects.toThrow('cơ sở dữ liệu bận');
    expect(a.destroyed).toBe(true);
    const b = new PassThrough();
    await expect(writeRegisterXlsx(failing(), b, { agencyName: AGENCY.agencyName, year: 2026 })).rejects.toThrow('cơ sở dữ liệu bận');
    expect(b.destroyed).toBe(true);
  });
});

describe('streaming', () => {
  /** Counts the bytes written to it (and throws them away). */
  function counter() {
    let bytes = 0;
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        setImmediate(cb); // a consumer slower than memory, so backpressure happens
      },
    });
    return { out, bytes: () => bytes };
  }

  /** 20,000 synthetic rows; records the bytes written when the generator reaches the half. */
  function* halfway(n: number, seen: { atHalf: number }, bytes: () => number) {
    let i = 0;
    for (const r of syntheticRegisterRows(n)) {
      if (++i === n / 2) seen.atHalf = bytes();
      yield r;
    }
  }

  it('writes the PDF to the stream page by page, before the end', async () => {
    const c = counter();
    const seen = { atHalf: -1 };
    const result = await writeRegisterPdf(fonts, halfway(20_000, seen, c.bytes), c.out, PDF_OPTS);
    expect(result.rows).toBe(20_000);
    expect(result.pages).toBeGreaterThan(1000);
    expect(seen.atHalf).toBeGreaterThan(1_000_000);
    expect(c.bytes()).toBeGreaterThan(seen.atHalf * 1.5);
  }, 120_000);

  it('writes the XLSX to the stream as the rows come, before the end', async () => {
    const c = counter();
    const seen = { atHalf: -1 };
    const result = await writeRegisterXlsx(halfway(20_000, seen, c.bytes), c.out, { agencyName: AGENCY.agencyName, year: 2026 });
    expect(result.rows).toBe(20_000);
    expect(seen.atHalf).toBeGreaterThan(200_000);
    expect(c.bytes()).toBeGreaterThan(seen.atHalf * 1.5);
  }, 120_000);
});
