/**
 * Mẫu 07 "Sổ theo dõi hồ sơ" as XLSX, written with exceljs's streaming writer: each row is committed as it is read,
 * so memory stays flat whatever the number of rows. A title and the period above a bold, wrapped, bordered header;
 * the header is frozen and carries the autofilter.
 *
 * Times are real Excel dates (format dd/mm/yyyy hh:mm), not text: officers sort and filter the register by date, and
 * Excel computes with them (days between receipt and return). Excel dates have no time zone, so each instant is
 * written as its Vietnam wall-clock time (UTC+7): what the desk's clock showed, on any PC.
 */
import ExcelJS from 'exceljs';
import type { RegisterRow } from '../contract/documents';
import { printable } from './pen';
import { REGISTER_COLUMNS, REGISTER_TITLE, registerPeriod, type RegisterColumn } from './register-columns';
import { abandon, eachRow, yieldToLoop, type RowSource } from './register-stream';

export interface RegisterXlsxOptions {
  agencyName: string;
  year: number;
  /** yyyy-mm-dd */
  from?: string;
  to?: string;
}

export const REGISTER_SHEET = 'Sổ theo dõi hồ sơ';
/** The header's row number (1: title, 2: agency and period); rows below it are frozen out of the scroll. */
export const REGISTER_HEADER_ROW = 3;
export const REGISTER_DATE_FORMAT = 'dd/mm/yyyy hh:mm';

/** Rows between two checks of the zip's intake (and yields to the event loop). */
const BATCH = 200;

const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function columnStyle(c: RegisterColumn): Partial<ExcelJS.Style> {
  if (c.kind === 'instant') return { numFmt: REGISTER_DATE_FORMAT, alignment: { horizontal: 'center', vertical: 'top' } };
  if (c.kind === 'number') return { alignment: { horizontal: 'center', vertical: 'top' } };
  return { alignment: { vertical: 'top', wrapText: true } };
}

/** Writes the register to `out` and ends it; resolves when `out` has finished. */
export async function writeRegisterXlsx(
  rows: RowSource<RegisterRow>,
  out: NodeJS.WritableStream,
  opts: RegisterXlsxOptions,
): Promise<{ rows: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as import('node:stream').Writable,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = printable('Một Cửa Desk');
  const last = REGISTER_COLUMNS.length;
  const ws = wb.addWorksheet(printable(REGISTER_SHEET), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: REGISTER_HEADER_ROW, topLeftCell: `A${REGISTER_HEADER_ROW + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = REGISTER_COLUMNS.map((c) => ({ key: c.key, width: c.xlsxWidth, style: columnStyle(c) }));

  const title = ws.getRow(1);
  title.getCell(1).value = printable(REGISTER_TITLE);
  title.getCell(1).style = { font: { bold: true, size: 14 }, alignment: { horizontal: 'center', vertical: 'middle' } };
  title.height = 24;
  ws.mergeCells(1, 1, 1, last);
  title.commit();

  const sub = ws.getRow(2);
  sub.getCell(1).value = printable([opts.agencyName.trim(), ...registerPeriod(opts.year, opts.from, opts.to)].filter(Boolean).join(' — '));
  sub.getCell(1).style = { font: { italic: true, size: 11 }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.mergeCells(2, 1, 2, last);
  sub.commit();

  const header = ws.getRow(REGISTER_HEADER_ROW);
  REGISTER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = printable(c.label);
    cell.style = {
      font: { bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: BORDER,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } },
    };
  });
  header.height = 48;
  header.commit();
  ws.autoFilter = { from: { row: REGISTER_HEADER_ROW, column: 1 }, to: { row: REGISTER_HEADER_ROW, column: last } };

  const pace = zipPacer(wb, ws, out);
  // one style object per column, shared by its cells: exceljs resolves a style object it has seen through a
  // WeakMap, where a fresh object per cell would be serialised and looked up again (a fifth of the export's time)
  const styles = REGISTER_COLUMNS.map(columnStyle);
  let n = 0;
  let count: number;
  try {
    count = await eachRow(rows, (row) => {
      const r = ws.addRow(REGISTER_COLUMNS.map((c) => c.value(row)));
      for (let i = 0; i < styles.length; i++) r.getCell(i + 1).style = styles[i] as Partial<ExcelJS.Style>;
      r.commit();
      return ++n % BATCH === 0 ? pace() : undefined;
    });
  } catch (e) {
    abandon(out);
    throw e;
  }
  ws.commit();
  await wb.commit();
  return { rows: count };
}

/** A stream's state as readable-stream and Node keep it (archiver's PassThrough is a readable-stream one). */
type Sink = NodeJS.EventEmitter & { _writableState?: { length?: number }; _readableState?: { flowing?: boolean | null } };

/** Uncompressed sheet bytes allowed to wait for the zip's deflate (a few hundred rows). */
const PENDING_LIMIT = 1 << 20;

/**
 * Backpressure for exceljs's streaming writer. The sheet's rows go through exceljs's StreamBuf into a PassThrough
 * that archiver deflates into `out`; StreamBuf ignores that PassThrough's "wait" (and `out`'s, which archiver passes
 * on by reading less), so without this the whole uncompressed sheet would pile up in memory. Every batch, while more
 * than PENDING_LIMIT bytes wait in the PassThrough, wait for archiver to take a chunk ('data', listened to only once
 * archiver pipes it, as a listener must not start the flow), so generation and deflate overlap; else just yield so zlib and the file writes proceed. If exceljs's internals change, this degrades
 * to yielding only (correct output, memory no longer bounded).
 */
function zipPacer(wb: unknown, ws: unknown, out: NodeJS.WritableStream): () => Promise<void> {
  const sink = (ws as { stream?: { pipes?: Sink[] } }).stream?.pipes?.[0];
  const zip = (wb as { zip?: NodeJS.EventEmitter }).zip;
  const pending = () => sink?._writableState?.length ?? 0;
  const taken = (s: Sink) =>
    new Promise<void>((resolve, reject) => {
      const done = (e?: Error) => {
        s.removeListener('data', onData);
        zip?.removeListener('error', done);
        out.removeListener('error', done);
        if (e) reject(e);
        else resolve();
      };
      const onData = () => done();
      s.once('data', onData);
      zip?.once('error', done);
      out.once('error', done);
    });
  return async () => {
    if (!sink || pending() <= PENDING_LIMIT) return yieldToLoop();
    while (pending() > PENDING_LIMIT) {
      // a 'data' listener would start a stream nobody reads yet (archiver still on an earlier entry): then poll
      if (sink._readableState?.flowing == null) await new Promise((resolve) => setTimeout(resolve, 5));
      else await taken(sink);
    }
  };
}
