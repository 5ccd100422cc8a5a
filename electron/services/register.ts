import {
  STATUS_NAMES,
  type RegisterFormat,
  type RegisterPage,
  type RegisterQuery,
  type RegisterRow,
  type StatusCode,
} from '../contract';
import { fromVnParts } from '../core/vntime';
import type { DocumentsRepo, RegisterDbRow } from '../db/documents-repo';
import type { AgencyRow } from '../db/settings-repo';
import type { FontStore } from '../documents/fonts';
import { writeRegisterPdf } from '../documents/register-pdf';
import { writeRegisterXlsx } from '../documents/register-xlsx';

/** "so-theo-doi-ho-so-2026.xlsx", or with the period: "so-theo-doi-ho-so-2026-11-01_2026-11-24.pdf". */
export const registerFileName = (q: Pick<RegisterQuery, 'year' | 'from' | 'to'>, format: RegisterFormat) =>
  `so-theo-doi-ho-so-${q.year}${q.from || q.to ? `-${q.from ?? ''}_${q.to ?? ''}` : ''}.${format}`;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A Vietnamese calendar day range as instants [fromMs, toMs), or null for the whole year. */
export function periodRange(q: Pick<RegisterQuery, 'from' | 'to'>): { fromMs: number; toMs: number } | null {
  if (!q.from && !q.to) return null;
  const day = (s: string) => s.split('-').map(Number) as [number, number, number];
  const fromMs = q.from ? fromVnParts(...day(q.from)).getTime() : 0;
  const toMs = q.to ? fromVnParts(...day(q.to)).getTime() + 86_400_000 : 8.64e15;
  return { fromMs, toMs };
}

/** The "Ghi chú" of a register line: where the dossier stands, and what happened out of the ordinary. */
function noteOf(r: RegisterDbRow): string {
  const notes = [STATUS_NAMES[r.status as StatusCode] ?? ''];
  if (r.supplementRequests > 0) notes.push('có yêu cầu bổ sung');
  if (r.extensions > 0) notes.push('đã gia hạn');
  const done = r.resultAt ?? r.returnedAt;
  if (r.dueAt !== null && done !== null && done > r.dueAt) notes.push('trả kết quả quá hạn');
  return notes.filter(Boolean).join('; ');
}

export function toRegisterRow(r: RegisterDbRow, agency: Pick<AgencyRow, 'parentName'>): RegisterRow {
  return {
    no: r.no,
    dossierId: r.dossierId,
    code: r.code,
    procedureName: r.procedureName,
    sets: r.sets,
    applicantName: r.applicantName,
    contact: [r.address, r.phone].filter(Boolean).join('; '),
    handlingBody: `${agency.parentName} (${r.field})`,
    acceptedAt: iso(r.acceptedAt)!,
    dueAt: iso(r.dueAt),
    forwardedAt: iso(r.forwardedAt),
    resultAt: iso(r.resultAt),
    returnedAt: iso(r.returnedAt),
    note: noteOf(r),
  };
}

/**
 * The tracking register (Mẫu 07): pages for the screen, and exports streamed in chunks of register numbers so that
 * a year of 100,000 dossiers is never held in memory and the database is free between chunks for the counters.
 */
export function registerService(deps: {
  documents: DocumentsRepo;
  agency: () => AgencyRow;
  fonts: () => FontStore;
  paper: () => 'A4' | 'A5';
  clock: () => Date;
}) {
  const page = (q: RegisterQuery): RegisterPage => {
    const range = periodRange(q);
    const agency = deps.agency();
    const rows = deps.documents.register(q, range).map((r) => toRegisterRow(r, agency));
    return {
      year: q.year,
      rows,
      total: deps.documents.registerCount(q.year, range),
      next: rows.length === q.limit ? rows[rows.length - 1]!.no : null,
    };
  };

  async function* rows(q: Omit<RegisterQuery, 'limit' | 'after'>): AsyncGenerator<RegisterRow> {
    let after = 0;
    for (;;) {
      const chunk = page({ ...q, after, limit: 500 });
      yield* chunk.rows;
      if (chunk.next === null) return;
      after = chunk.next;
      await new Promise((r) => setImmediate(r)); // let other requests use the database between chunks
    }
  }

  /** Writes the register of a period to `out` as XLSX or PDF (A4 or A5 landscape); streamed. */
  const exportTo = async (q: Omit<RegisterQuery, 'limit' | 'after'>, format: RegisterFormat, out: NodeJS.WritableStream) => {
    const agency = deps.agency();
    if (format === 'xlsx') {
      const r = await writeRegisterXlsx(rows(q), out, { agencyName: agency.agencyName, year: q.year, from: q.from, to: q.to });
      return { rows: r.rows, pages: null };
    }
    const r = await writeRegisterPdf(deps.fonts(), rows(q), out, {
      paper: deps.paper(),
      agency: { agencyName: agency.agencyName, parentName: agency.parentName, placeName: agency.placeName, provinceName: agency.provinceName },
      year: q.year,
      from: q.from,
      to: q.to,
      issuedAt: deps.clock(),
    });
    return { rows: r.rows, pages: r.pages };
  };

  return { page, rows, exportTo };
}

export type RegisterService = ReturnType<typeof registerService>;
