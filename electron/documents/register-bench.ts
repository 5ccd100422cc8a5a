/**
 * The register exports' benchmark (wired into `npm run bench` by the CLI): synthetic but realistic rows (Vietnamese
 * names, long procedure names) made lazily by a generator, written to files in the temp directory (removed after),
 * timed, with the process's resident memory sampled every 100 ms for the peak. Prints nothing.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegisterRow } from '../contract/documents';
import { FontStore } from './fonts';
import { writeRegisterPdf } from './register-pdf';
import { writeRegisterXlsx } from './register-xlsx';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Quốc', 'Thu', 'Xuân', 'Khánh', 'Bảo'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hạnh', 'Hương', 'Khoa', 'Lan', 'Long', 'Mai', 'Nam', 'Ngân', 'Phúc', 'Quyên', 'Sơn', 'Thảo', 'Trung', 'Tuấn', 'Việt', 'Yến'];
const PROCEDURES = [
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
  'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
  'Đăng ký khai sinh',
  'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  'Xác nhận tình trạng hôn nhân',
  'Đăng ký kết hôn',
  'Đăng ký khai tử',
  'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
  'Cấp bản sao trích lục hộ tịch',
  'Đăng ký lại khai sinh',
];
const STREETS = ['Nguyễn Trãi', 'Lê Lợi', 'Trần Hưng Đạo', 'Bà Triệu', 'Hải Thượng Lãn Ông', 'Quang Trung'];
const WARDS = ['phường Tĩnh Gia', 'phường Hải Hòa', 'phường Bình Minh', 'xã Hải Nhân'];
const BODIES = [
  'Công chức Tư pháp - Hộ tịch',
  'Công chức Địa chính - Xây dựng',
  'Công chức Văn hóa - Xã hội',
  'Ủy ban nhân dân phường Tĩnh Gia',
];
const NOTES = ['Đã trả kết quả', 'Đúng hạn', 'Yêu cầu bổ sung hồ sơ ngày 05/03; công dân đã bổ sung đầy đủ', '', 'Trễ hạn 1 ngày, đã có văn bản xin lỗi'];

const pick = <T>(a: readonly T[], i: number): T => a[i % a.length] as T;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** `count` register rows of `year`, made one at a time (never an array). */
export function* syntheticRegisterRows(count: number, year = 2026): Generator<RegisterRow> {
  const start = Date.UTC(year, 0, 2, 1, 0); // 08:00 Vietnam time, 2 January
  for (let i = 0; i < count; i++) {
    // ~350 dossiers a working day, spread over the office hours
    const day = Math.floor(i / 350);
    const accepted = start + day * 86_400_000 + ((i * 97) % 540) * 60_000;
    const due = accepted + (1 + (i % 4)) * 86_400_000;
    const state = i % 5;
    const iso = (ms: number) => new Date(ms).toISOString();
    const yymmdd = new Date(accepted + 7 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
    const name = `${pick(SURNAMES, i * 7)} ${pick(MIDDLE, i * 3)} ${pick(GIVEN, i * 11)}`;
    yield {
      no: i + 1,
      dossierId: i + 1,
      code: `000.00.06.H56-${yymmdd}-${pad((i % 350) + 1, 4)}`,
      procedureName: pick(PROCEDURES, i * 13),
      sets: 1 + (i % 3 === 0 ? 1 : 0),
      applicantName: i % 17 === 0 ? name.toLocaleUpperCase('vi') : name,
      contact: `Số ${(i % 300) + 1} đường ${pick(STREETS, i)}, ${pick(WARDS, i * 5)}, tỉnh Thanh Hóa; 09${pad((i * 7919) % 100_000_000, 8)}`,
      handlingBody: pick(BODIES, i * 3),
      acceptedAt: iso(accepted),
      dueAt: iso(due),
      forwardedAt: state >= 1 ? iso(accepted + 3_600_000) : null,
      resultAt: state >= 2 ? iso(due - 7_200_000) : null,
      returnedAt: state >= 3 ? iso(due - 3_600_000) : null,
      note: pick(NOTES, i * 7),
    };
  }
}

export interface ExportFigures {
  xlsx: { ms: number; bytes: number; peakRssMb: number };
  pdf: { ms: number; bytes: number; pages: number; peakRssMb: number };
}

/** Peak resident set size while `fn` runs, sampled every 100 ms (and at both ends). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakRssMb: Math.round((peak / 1024 / 1024) * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}

const collect = () => (globalThis as { gc?: () => void }).gc?.();

/** Exports `rows` synthetic rows as XLSX, then as A4 PDF, each to a temporary file; the figures of each. */
export async function measureRegisterExport(fontsDir: string, rows: number): Promise<ExportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-register-bench-'));
  try {
    const agency = {
      agencyName: 'Trung tâm Phục vụ hành chính công',
      parentName: 'Ủy ban nhân dân phường Tĩnh Gia',
      placeName: 'Tĩnh Gia',
      provinceName: 'Thanh Hóa',
    };
    const fonts = new FontStore(fontsDir);

    collect();
    const xlsxFile = join(dir, 'so-theo-doi.xlsx');
    let t0 = performance.now();
    const x = await withPeakRss(() =>
      writeRegisterXlsx(syntheticRegisterRows(rows), createWriteStream(xlsxFile), { agencyName: agency.agencyName, year: 2026 }),
    );
    const xlsxMs = performance.now() - t0;

    collect();
    const pdfFile = join(dir, 'so-theo-doi.pdf');
    t0 = performance.now();
    const p = await withPeakRss(() =>
      writeRegisterPdf(fonts, syntheticRegisterRows(rows), createWriteStream(pdfFile), {
        paper: 'A4',
        agency,
        year: 2026,
        issuedAt: new Date(),
      }),
    );
    const pdfMs = performance.now() - t0;

    return {
      xlsx: { ms: Math.round(xlsxMs), bytes: statSync(xlsxFile).size, peakRssMb: x.peakRssMb },
      pdf: { ms: Math.round(pdfMs), bytes: statSync(pdfFile).size, pages: p.value.pages, peakRssMb: p.peakRssMb },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
