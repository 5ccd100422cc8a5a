import { DeskError } from '../contract/errors';
import type { PrintBackend, PrintJob } from './backend';

/**
 * Printing on Windows through pdf-to-printer (SumatraPDF bundled in the package, PowerShell for the printer list).
 * Kept thin: it cannot be exercised on the Linux machines that build and test the desk. The package is imported
 * lazily so that nothing loads it, or its Windows-only code paths, on other systems.
 *
 * Packaging note: pdf-to-printer finds SumatraPDF next to its own files and rewrites "app.asar" to
 * "app.asar.unpacked", so its dist/*.exe must be unpacked from the asar archive and the package kept external.
 */

interface WinPrinter {
  name: string;
}
interface PdfToPrinter {
  getPrinters(): Promise<WinPrinter[]>;
  getDefaultPrinter(): Promise<WinPrinter | null>;
  print(file: string, options: { printer?: string; copies?: number; paperSize?: string; silent?: boolean; scale?: 'noscale' | 'shrink' | 'fit' }): Promise<void>;
}

/** The package is CommonJS in a UMD wrapper: Node's ESM loader exposes it as the default export only. */
const loadPdfToPrinter = async (): Promise<PdfToPrinter> => {
  const mod = (await import('pdf-to-printer')) as unknown as PdfToPrinter & { default?: PdfToPrinter };
  return mod.default ?? mod;
};

const NO_PRINTERS = 'Máy này chưa có máy in nào. Hãy cài máy in trong Cài đặt của Windows (Máy in & máy quét).';
const NO_DEFAULT = 'Máy này chưa đặt máy in mặc định. Hãy chọn máy in cho quầy trong Cài đặt in.';

const withTimeout = <T>(p: Promise<T>, ms: number, message: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeskError('INTERNAL', message)), ms);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });

export function windowsPrintBackend(load: () => Promise<PdfToPrinter> = loadPdfToPrinter, timeoutMs = 60_000): PrintBackend {
  return {
    system: 'windows',

    async list() {
      try {
        const lib = await load();
        const [all, def] = await Promise.all([lib.getPrinters(), lib.getDefaultPrinter()]);
        const printers = all.map((p) => ({ name: p.name, isDefault: p.name === def?.name, state: '' }));
        return { printers, problem: printers.length > 0 ? null : NO_PRINTERS };
      } catch (err) {
        return { printers: [], problem: `Không đọc được danh sách máy in của Windows (${String((err as Error)?.message ?? err)}).` };
      }
    },

    async print(file: string, job: PrintJob) {
      const lib = await load();
      const timeout = `Windows không gửi xong lệnh in sau ${Math.round(timeoutMs / 1000)} giây. Hãy kiểm tra máy in rồi in lại.`;
      const names = (await withTimeout(lib.getPrinters(), timeoutMs, timeout)).map((p) => p.name);
      const printer = job.printer ?? (await withTimeout(lib.getDefaultPrinter(), timeoutMs, timeout))?.name ?? null;
      if (printer === null) throw new DeskError('NOT_CONFIGURED', NO_DEFAULT);
      // SumatraPDF does not fail on an unknown printer name: check it first.
      if (!names.includes(printer)) {
        throw new DeskError('NOT_FOUND', `Không có máy in "${printer}" trên máy này. Hãy chọn lại máy in trong Cài đặt in.`);
      }
      try {
        await withTimeout(
          lib.print(file, { printer, copies: job.copies, paperSize: job.paper, silent: true, scale: 'noscale' }),
          timeoutMs,
          timeout,
        );
      } catch (err) {
        if (err instanceof DeskError) throw err;
        throw new DeskError('INTERNAL', `Không gửi được lệnh in tới máy in "${printer}" (${String((err as Error)?.message ?? err)}).`, { printer });
      }
      // The Windows spooler's job number is not reported by SumatraPDF.
      return { job: null, printer };
    },
  };
}
