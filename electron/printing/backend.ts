import type { z } from 'zod';
import type { PaperSize, printerInfo } from '../contract/documents';
import { DeskError } from '../contract/errors';

export type PrinterInfo = z.output<typeof printerInfo>;

export interface PrintJob {
  /** null: the system's default printer */
  printer: string | null;
  copies: number;
  paper: PaperSize;
  /** the job's name in the printer queue */
  title: string;
}

/** How this machine prints a PDF file without a dialog: CUPS (Linux, macOS), the Windows spooler, or not at all. */
export interface PrintBackend {
  system: 'cups' | 'windows' | 'none';
  /** Never throws: when the printers cannot be listed, `problem` says why, in Vietnamese. */
  list(): Promise<{ printers: PrinterInfo[]; problem: string | null }>;
  /** Sends the file; resolves once the spooler holds its own copy. Throws a DeskError with a Vietnamese message. */
  print(file: string, job: PrintJob): Promise<{ job: string | null; printer: string }>;
}

export const NO_DIRECT_PRINTING =
  'Máy này không in thẳng ra máy in được (không có CUPS hay trình in của Windows). Hãy tắt "In ngay" trong Cài đặt in ' +
  'để in qua hộp thoại in.';

/** Machines that are neither Linux/macOS nor Windows: the print dialog is the only way. */
export const noPrintBackend: PrintBackend = {
  system: 'none',
  list: async () => ({ printers: [], problem: NO_DIRECT_PRINTING }),
  print: async () => {
    throw new DeskError('NOT_CONFIGURED', NO_DIRECT_PRINTING);
  },
};

/** A job name every spooler shows as written: Vietnamese folded to ASCII ("Mẫu 01" → "Mau 01"). */
export const jobTitle = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .slice(0, 120);
