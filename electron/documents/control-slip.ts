/**
 * Mẫu 06 "Phiếu kiểm soát quá trình giải quyết hồ sơ" (TT 03/2025; Mẫu 05 of TT 01/2018): travels with the dossier,
 * one table row per hand-over with the times and room for both signatures. Layout per NĐ 30/2020 (form-parts.ts);
 * texts and sizes in control-slip-template.ts; the table in control-slip-table.ts.
 */
import { formatVnSlipTime } from '../core/vntime';
import type { FontStore } from './fonts';
import { continuationHeader, formTitle, lead, nd30Header, type FormCtx } from './form-parts';
import { finish, Flow, MM, newDocument, printable, type Box, type Run } from './pen';
import { ControlTable, type Item, type Row } from './control-slip-table';
import {
  CONTROL_SLIP_TEMPLATES,
  MAU05_TT01,
  MAU06_TT03,
  type ControlSlipPaper,
  type ControlSlipRegime,
  type ControlSlipTemplate,
  type ControlSlipVar,
} from './control-slip-template';

export interface ControlSlipData {
  agency: { agencyName: string; parentName: string; placeName: string; provinceName: string };
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: Date;
  dueAt: Date | null;
  /** Cơ quan (bộ phận) giải quyết */
  handlingBody: string;
  /** Cơ quan phối hợp */
  coordinatingBody: string | null;
  rows: Array<{
    /** "Bộ phận tiếp nhận và trả kết quả" / officer name */
    from: string;
    /** "Công chức Tư pháp - Hộ tịch (Nguyễn Văn A)" */
    to: string;
    handedAt: Date;
    receivedAt: Date | null;
    stepDueAt: Date | null;
    /** printed "Trước hạn" / "Đúng hạn" / "Quá hạn" / blank */
    outcome: 'early' | 'on_time' | 'late' | null;
    note: string;
  }>;
  issuedAt: Date;
}

/** The template version of each regime, to store with the document it rendered. */
export const MAU06_VERSIONS = {
  'TT03-2025': MAU06_TT03.version,
  'TT01-2018': MAU05_TT01.version,
} as const satisfies Record<ControlSlipRegime, string>;

const vn = (s: string | null | undefined) => printable(s ?? '').trim();

function checkDate(name: string, at: Date | null, nullable: boolean): void {
  if (at === null && nullable) return;
  if (!(at instanceof Date) || !Number.isFinite(at.getTime())) throw new Error(`Control slip ${name} is not a valid date`);
}

/** The values of the lines above the table, formatted (NFC, Vietnam time). */
export function controlSlipValues(t: ControlSlipTemplate, data: ControlSlipData): Record<ControlSlipVar, string> {
  checkDate('receivedAt', data.receivedAt, false);
  checkDate('dueAt', data.dueAt, true);
  checkDate('issuedAt', data.issuedAt, false);
  data.rows.forEach((r, i) => {
    checkDate(`rows[${i}].handedAt`, r.handedAt, false);
    checkDate(`rows[${i}].receivedAt`, r.receivedAt, true);
    checkDate(`rows[${i}].stepDueAt`, r.stepDueAt, true);
  });
  return {
    applicantName: vn(data.applicantName),
    code: vn(data.code),
    receivedAt: formatVnSlipTime(data.receivedAt),
    dueAt: data.dueAt ? formatVnSlipTime(data.dueAt) : t.noDue,
    handlingBody: vn(data.handlingBody),
    coordinatingBody: vn(data.coordinatingBody) || t.noCoordinating,
  };
}

/** Renders the control slip; `regime` picks the template (TT 03/2025 Mẫu 06, or TT 01/2018 Mẫu 05). */
export async function renderMau06(
  fonts: FontStore,
  data: ControlSlipData,
  paper: ControlSlipPaper,
  regime: ControlSlipRegime,
): Promise<Buffer> {
  const t = CONTROL_SLIP_TEMPLATES[regime];
  if (!t) throw new Error(`Unknown legal regime: ${String(regime)}`);
  const m = t.paper[paper];
  if (!m) throw new Error(`Unknown paper size: ${String(paper)}`);
  const values = controlSlipValues(t, data);
  // from here to finish() without await: the fonts are shared between documents (see FontStore)
  const margins: Box = {
    top: m.margins.top * MM,
    right: m.margins.right * MM,
    bottom: m.margins.bottom * MM,
    left: m.margins.left * MM,
  };
  const pen = newDocument(
    fonts.beginDocument(),
    m.size,
    margins,
    {
      title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${values.code}`,
      subject: `${t.formNo} — ${vn(data.procedureName)}`,
      author: vn(data.agency.agencyName),
      creationDate: data.issuedAt,
    },
    fonts.layoutCaches(),
  );
  const flow = new Flow(pen, margins);
  const ctx: FormCtx = { pen, flow, m };
  flow.onNewPage.push(() => continuationHeader(ctx, `${t.continuation} ${values.code}`));

  nd30Header(ctx, { ...data.agency, issuedAt: data.issuedAt }, t);
  formTitle(ctx, t.title);
  const style = { size: m.body, leading: lead(m, m.body) };
  for (const line of t.lines) flow.paragraph([{ text: line.label, face: 'regular' }, { text: values[line.v], face: 'bold' }], style);
  flow.y += lead(m, m.body) * 0.4;

  const table = new ControlTable(ctx, { columns: t.table.columns, signers: t.table.signers });
  const rows = data.rows.map((r, i) => handOverRow(table, t, i + 1, r));
  const hand = Array.from({ length: t.table.handRows }, (_, k) => handOverRow(table, t, data.rows.length + k + 1, null));
  table.draw(rows, hand);
  return finish(pen.doc);
}

/** A table row: "n. Giao: … / Nhận: …", the times with room to sign, the outcome, the note. Null: a row to fill in. */
function handOverRow(table: ControlTable, t: ControlSlipTemplate, n: number, r: ControlSlipData['rows'][number] | null): Row {
  const T = t.table;
  const blank = T.blankName;
  const time = (at: Date | null) => (at ? formatVnSlipTime(at) : T.blankTime);
  const name: Item[] = [
    ...table.lines(0, [{ text: `${n}. ${T.hand}`, face: 'bold' }, { text: r ? vn(r.from) || blank : blank, face: 'regular' }]),
    ...table.lines(0, [{ text: T.take, face: 'bold' }, { text: r ? vn(r.to) || blank : blank, face: 'regular' }]),
  ];
  // "08 giờ 30 phút," and "ngày 24/11/2026" each kept on one line: a narrow cell breaks between them
  const timeRuns = (label: string, at: Date | null): Run[] => {
    const [clock = '', day = ''] = time(at).split(/(?<=,) /);
    return [
      { text: label, face: 'italic' },
      { text: clock, face: 'regular', keep: true },
      { text: day ? ` ${day}` : '', face: 'regular', keep: true },
    ];
  };
  const times: Item[] = [
    ...table.lines(1, timeRuns(T.hand, r ? r.handedAt : null)),
    ...table.lines(1, timeRuns(T.take, r ? r.receivedAt : null)),
    ...(r?.stepDueAt ? table.lines(1, timeRuns(T.stepDue, r.stepDueAt)) : []),
    { kind: 'signers' },
    ...Array.from({ length: T.signatureLines }, (): Item => ({ kind: 'blank' })),
  ];
  const outcome = r?.outcome ? table.lines(2, [{ text: T.outcomes[r.outcome], face: 'bold' }], 'center') : [];
  const note = r ? table.lines(3, [{ text: vn(r.note), face: 'regular' }]) : [];
  return [name, times, outcome, note];
}
