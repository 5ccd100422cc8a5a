import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../db/connection';
import { contract, type MethodInput } from '../contract';
import { createDesk, type Desk } from './desk';
import { seedDossiers } from './seed';
import { createDocumentRenderer, type SlipData } from '../documents/slip';
import { createRng, sampleAddress, samplePerson } from './seed-data';
import { slipDataFor } from './mappers';
import { createWorkCalendar, dueDate, OFFICIAL_HOLIDAY_YEARS } from '../core/calendar';

/**
 * `npm run bench`: builds databases of each size in temp folders and times the desk's own methods on them.
 * Figures are milliseconds (p50 / p95 over repeated calls) unless named otherwise.
 */
export interface BenchOptions {
  sizes: number[];
  resourcesDir: string;
  version: string;
  log: (line: string) => void;
}

export interface BenchResult {
  dossiers: number;
  seedSeconds: number;
  dbMegabytes: number;
  openMs: number;
  firstSearchColdMs: number;
  firstPage: Stat;
  firstPageByStatus: Stat;
  nextPage: Stat;
  nameSearch: Stat;
  codeSearch: Stat;
  naiveLikeSearch: Stat;
  naiveOverFtsRatio: number;
  intake: Stat;
  /** Mẫu 01 alone, warm renderer, a different applicant each time. */
  slipWarm: Stat;
  /** "Tiếp nhận": status change, event, Mẫu 01 rendered, hashed and stored, in one transaction. */
  acceptWarm: Stat;
  /** One lifecycle transition through the desk (forward to the specialist) with its event. */
  transition: Stat;
  peakRssMb: number;
}

interface Stat {
  p50: number;
  p95: number;
  n: number;
}

const TARGETS_AT_1M = { firstPageP50: 10, searchP95: 30, intakeP50: 5, slipP50: 40, openMs: 200, dueDateMicros: 20, transitionP50: 2 };

/** dueDate on the real calendar (official 2025/2026 tables, proposer beyond), over varied instants and limits. */
function benchDueDate(): Stat {
  const cal = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS });
  const limits = [
    { kind: 'working_days' as const, days: 0, sameDayCutoff: '15:00' },
    { kind: 'working_days' as const, days: 3, sameDayCutoff: null },
    { kind: 'working_days' as const, days: 23, sameDayCutoff: null },
    { kind: 'calendar_days' as const, days: 30 },
  ];
  const start = Date.UTC(2025, 0, 1);
  const samples: number[] = [];
  for (let batch = 0; batch < 200; batch++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) {
      const k = batch * 1000 + i;
      dueDate(cal, new Date(start + ((k * 7_919_993) % (600 * 86_400_000))), limits[k % limits.length]!);
    }
    samples.push(Number(process.hrtime.bigint() - t) / 1e3 / 1000);
  }
  return stat(samples);
}

function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: round(at(0.5)), p95: round(at(0.95)), n: s.length };
}
const round = (x: number) => Math.round(x * 1000) / 1000;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function time(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(ms(t));
  }
  return out;
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Times the slip renderer alone on real dossiers (each with its own applicant), after one warm-up slip. */
async function timeSlips(resourcesDir: string, desk: Desk, ids: number[]): Promise<number[]> {
  const renderer = createDocumentRenderer({ fontsDir: path.join(resourcesDir, 'fonts') });
  const procedures = must(await desk.listProcedures({}));
  const agency = must(await desk.getSetup({})).agency!;
  const inputs: SlipData[] = [];
  for (const id of ids) {
    const { dossier, components } = must(await desk.getDossier({ id }));
    const procedure = procedures.find((p) => p.id === dossier.procedureId)!;
    const names = { id: 1, ...agency, validFrom: 0 };
    const row = { ...dossier, deliveryMethod: dossier.delivery.method, deliveryAddress: dossier.delivery.address };
    const at = new Date(dossier.receivedAt);
    inputs.push(slipDataFor({ agency: names, dossier: row, procedure, components, officerName: 'Lê Thị Hoa', receivedAt: at, dueAt: at }));
  }
  await renderer.mau01(inputs[0]!);
  return time(inputs.length, (i) => renderer.mau01(inputs[i]!));
}

const NAME_QUERIES = ['nguyen thi phuc', 'tran van h', 'le thi hoa', 'pham duc', 'phuc', 'hoang minh tuan', 'vu thi', 'duc'];

export async function runBench(options: BenchOptions) {
  const results: BenchResult[] = [];
  for (const size of options.sizes) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `desk-bench-${size}-`));
    try {
      options.log(`— ${size.toLocaleString('vi-VN')} hồ sơ: đang tạo dữ liệu…`);
      const fixed = new Date();
      const seed = seedDossiers({ dataDir, resourcesDir: options.resourcesDir, clock: () => fixed }, { dossiers: size });
      const config = { dataDir, resourcesDir: options.resourcesDir, version: options.version };

      const t0 = process.hrtime.bigint();
      const desk: Desk = createDesk(config);
      const openMs = ms(t0);
      // Through the contract's input schema, as every door calls it (defaults applied).
      const listQueue = (input: MethodInput<'listQueue'>) => desk.listQueue(contract.listQueue.input.parse(input));
      try {
        const t1 = process.hrtime.bigint();
        must(await listQueue({ q: 'nguyen van', limit: 100 }));
        const firstSearchColdMs = ms(t1);

        const firstPage = await time(200, () => listQueue({ limit: 100 }));
        const firstPageByStatus = await time(200, (i) => listQueue({ status: ([4, 10, 5, 2] as const)[i % 4], limit: 100 }));
        const page1 = must(await listQueue({ limit: 100 }));
        const nextPage = await time(200, () => listQueue({ limit: 100, cursor: page1.nextCursor ?? undefined }));
        const nameSearch = await time(200, (i) => listQueue({ q: NAME_QUERIES[i % NAME_QUERIES.length], limit: 100 }));

        const raw = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
        const codes = raw.prepare('SELECT code FROM dossiers WHERE id % 997 = 0 LIMIT 200').pluck().all() as string[];
        const like = raw.prepare(
          `SELECT id, code, applicant_name FROM dossiers WHERE name_folded LIKE ? ORDER BY id DESC LIMIT 100`,
        );
        const naive = await time(24, (i) => like.all(`%${NAME_QUERIES[i % NAME_QUERIES.length]}%`));
        raw.close();
        const codeSearch = await time(200, (i) => listQueue({ q: codes[i % codes.length] ?? 'x', limit: 100 }));

        const procedureIds = must(await desk.listProcedures({})).map((p) => p.id);
        const procedureId = procedureIds[0]!;
        const intakeInput = {
          procedureId,
          channel: 1 as const,
          sets: 1,
          applicant: {
            fullName: 'Nguyễn Thị Phúc',
            idKind: 'cccd' as const,
            idNumber: '038196001234',
            phone: '0912345678',
            email: '',
            address: 'Khu phố Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa',
          },
        };
        const created: number[] = [];
        const rng = createRng(7);
        const intake = await time(300, async (i) => {
          const applicant = { ...intakeInput.applicant, fullName: samplePerson(rng, 2026).fullName, address: sampleAddress(rng, true) };
          const procedure = procedureIds[i % procedureIds.length]!;
          created.push(must(await desk.createDossier({ ...intakeInput, procedureId: procedure, applicant, accept: false })).id);
        });
        await desk.warmUp();
        const acceptWarm = await time(60, (i) => desk.acceptDossier({ id: created[i]! }));
        const transition = await time(60, (i) => desk.applyDossierAction({ id: created[i]!, action: { type: 'forward', to: 'specialist' } }));
        const slipWarm = await timeSlips(options.resourcesDir, desk, created.slice(100, 160));

        const nameStat = stat(nameSearch);
        const naiveStat = stat(naive);
        results.push({
          dossiers: size,
          seedSeconds: round(seed.seconds),
          dbMegabytes: round(fs.statSync(path.join(dataDir, DB_FILE_NAME)).size / 1024 / 1024),
          openMs: round(openMs),
          firstSearchColdMs: round(firstSearchColdMs),
          firstPage: stat(firstPage),
          firstPageByStatus: stat(firstPageByStatus),
          nextPage: stat(nextPage),
          nameSearch: nameStat,
          codeSearch: stat(codeSearch),
          naiveLikeSearch: naiveStat,
          naiveOverFtsRatio: round(naiveStat.p50 / Math.max(nameStat.p50, 0.001)),
          intake: stat(intake),
          slipWarm: stat(slipWarm),
          acceptWarm: stat(acceptWarm),
          transition: stat(transition),
          peakRssMb: round(process.resourceUsage().maxRSS / 1024),
        });
      } finally {
        desk.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const due = benchDueDate();
  return {
    results,
    dueDateMicros: due,
    targetsAt1M: TARGETS_AT_1M,
    table: `${formatTable(results)}\nhạn trả (dueDate, lịch có ngày lễ): ${due.p50} µs p50 / ${due.p95} µs p95 (mục tiêu ≤ 20 µs)`,
  };
}

function formatTable(results: BenchResult[]): string {
  const rows: Array<[string, (r: BenchResult) => string]> = [
    ['tạo dữ liệu (s)', (r) => r.seedSeconds.toFixed(1)],
    ['kích thước CSDL (MB)', (r) => r.dbMegabytes.toFixed(0)],
    ['mở CSDL + desk (ms)', (r) => r.openMs.toFixed(1)],
    ['tìm tên lần đầu, lạnh (ms)', (r) => r.firstSearchColdMs.toFixed(1)],
    ['trang đầu p50/p95', (r) => `${r.firstPage.p50} / ${r.firstPage.p95}`],
    ['trang đầu theo trạng thái p50/p95', (r) => `${r.firstPageByStatus.p50} / ${r.firstPageByStatus.p95}`],
    ['trang kế p50/p95', (r) => `${r.nextPage.p50} / ${r.nextPage.p95}`],
    ['tìm tên (không dấu) p50/p95', (r) => `${r.nameSearch.p50} / ${r.nameSearch.p95}`],
    ['tìm mã hồ sơ p50/p95', (r) => `${r.codeSearch.p50} / ${r.codeSearch.p95}`],
    ["LIKE '%…%' (mốc so sánh) p50", (r) => `${r.naiveLikeSearch.p50} (×${r.naiveOverFtsRatio})`],
    ['tiếp nhận 1 hồ sơ p50/p95', (r) => `${r.intake.p50} / ${r.intake.p95}`],
    ['Mẫu 01 (ấm) p50/p95', (r) => `${r.slipWarm.p50} / ${r.slipWarm.p95}`],
    ['Tiếp nhận + Mẫu 01 p50/p95', (r) => `${r.acceptWarm.p50} / ${r.acceptWarm.p95}`],
    ['chuyển hồ sơ (1 bước + sự kiện) p50/p95', (r) => `${r.transition.p50} / ${r.transition.p95}`],
    ['RSS đỉnh (MB)', (r) => r.peakRssMb.toFixed(0)],
  ];
  const header = ['chỉ số (ms)', ...results.map((r) => r.dossiers.toLocaleString('vi-VN'))];
  const lines = [header, ...rows.map(([label, f]) => [label, ...results.map(f)])];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
