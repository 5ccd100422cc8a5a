import { describe, expect, it } from 'vitest';
import { jobTitle, noPrintBackend, NO_DIRECT_PRINTING, systemPrintBackend, windowsPrintBackend } from '../../../electron/printing';

describe('choosing the backend', () => {
  it('prints through CUPS on Linux and macOS, the spooler on Windows, nothing elsewhere', () => {
    expect(systemPrintBackend('linux').system).toBe('cups');
    expect(systemPrintBackend('darwin').system).toBe('cups');
    expect(systemPrintBackend('win32').system).toBe('windows');
    expect(systemPrintBackend('aix')).toBe(noPrintBackend);
  });

  it('has the "none" backend point the officer to the print dialog', async () => {
    expect(await noPrintBackend.list()).toEqual({ printers: [], problem: NO_DIRECT_PRINTING });
    await expect(noPrintBackend.print('/tmp/x.pdf', { printer: null, copies: 1, paper: 'A5', title: 'x' })).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
      message: expect.stringContaining('hộp thoại in'),
    });
  });

  it('names jobs in ASCII', () => {
    expect(jobTitle('Mẫu 01 – Nguyễn Thị Đào')).toBe('Mau 01 _ Nguyen Thi Dao');
  });
});

/**
 * The Windows backend cannot run here (pdf-to-printer drives SumatraPDF and PowerShell); this checks only how it
 * calls the package, with a stand-in for it.
 */
describe('Windows backend (pdf-to-printer stand-in)', () => {
  const lib = (printers: string[], def: string | null) => {
    const printed: unknown[] = [];
    return {
      printed,
      load: async () => ({
        getPrinters: async () => printers.map((name) => ({ name })),
        getDefaultPrinter: async () => (def ? { name: def } : null),
        print: async (file: string, options: unknown) => void printed.push({ file, options }),
      }),
    };
  };

  it('lists, prints silently with copies and paper, and refuses unknown printers', async () => {
    const l = lib(['HP LaserJet Quầy 1', 'Microsoft Print to PDF'], 'HP LaserJet Quầy 1');
    const backend = windowsPrintBackend(l.load);
    expect(await backend.list()).toEqual({
      printers: [
        { name: 'HP LaserJet Quầy 1', isDefault: true, state: '' },
        { name: 'Microsoft Print to PDF', isDefault: false, state: '' },
      ],
      problem: null,
    });
    expect(await backend.print('C:\\tmp\\a.pdf', { printer: null, copies: 2, paper: 'A5', title: 't' })).toEqual({
      job: null,
      printer: 'HP LaserJet Quầy 1',
    });
    expect(l.printed).toEqual([
      { file: 'C:\\tmp\\a.pdf', options: { printer: 'HP LaserJet Quầy 1', copies: 2, paperSize: 'A5', silent: true, scale: 'noscale' } },
    ]);
    await expect(backend.print('a.pdf', { printer: 'Không có', copies: 1, paper: 'A5', title: 't' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(windowsPrintBackend(lib([], null).load).print('a.pdf', { printer: null, copies: 1, paper: 'A4', title: 't' })).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
    });
  });
});
