import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  formShortName,
  PRINT_KINDS,
  type PaperSize,
  type PrintKind,
  type PrintLogEntry,
  type PrintOutcome,
  type PrintSettings,
  type PrintersView,
  type PrinterProfile,
  type printDocumentInput,
  type printLogPage,
  type printLogQuery,
  type recordPrintInput,
  type savePrintSettingsInput,
} from '../contract/documents';
import { DeskError } from '../contract/errors';
import type { Db } from '../db/connection';
import { printRepo, type NewPrintLog, type PrintLogDbRow } from '../db/print-repo';
import { jobTitle, NO_DIRECT_PRINTING, type PrintBackend } from '../printing/backend';

/** A stored document, as the printing service needs it. */
export interface PrintableDocument {
  id: number;
  dossierId: number;
  fileName: string;
  content: Buffer;
  form: string;
}

export interface PrintingDeps {
  db: Db;
  clock: () => Date;
  /** This PC: DESK_COUNTER or the computer name. Profiles and log rows belong to it. */
  counter: string;
  backend: PrintBackend;
  officerId: () => number | null;
  /** Where the PDF is written for the spooler (removed as soon as the spooler has it). */
  tmpDir: string;
  documentFor(id: number): PrintableDocument | null;
  /** The papers of the document settings: a counter without a profile prints on these. */
  defaults: () => { slipPaper: PaperSize; registerPaper: PaperSize };
}

export type PrintLogPage = z.output<typeof printLogPage>;

const toEntry = (r: PrintLogDbRow): PrintLogEntry => ({ ...r, createdAt: new Date(r.createdAt).toISOString() });

/** What the log calls a document: "Mẫu 01 – <file name>", "Biên nhận – <file name>". */
const describe = (doc: PrintableDocument) => `${formShortName(doc.form)} – ${doc.fileName}`;

/** Mẫu 07 is the register's paper; every other form is a slip. */
const kindOf = (form: string): PrintKind => (form === '07' ? 'register' : 'slip');

/** Only letters, digits and ".-_" in the temp file's name (it is also what Windows shows in its queue). */
const safeName = (name: string) => jobTitle(name).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) || 'document.pdf';

/** A crash between writing a temp copy and lp leaves it behind; another desk process may be printing right now. */
const TEMP_MAX_AGE_MS = 10 * 60_000;
function sweepTemp(tmpDir: string, now: number) {
  let names: string[];
  try {
    names = fs.readdirSync(tmpDir);
  } catch {
    return; // not created yet
  }
  for (const name of names.filter((n) => n.startsWith('print-'))) {
    const dir = path.join(tmpDir, name);
    try {
      if (now - fs.statSync(dir).mtimeMs > TEMP_MAX_AGE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
}

/**
 * Printing at the counter: per-counter printer profiles, silent printing of stored documents through the system
 * spooler, and the print log (who printed what, when, where). A print is slow and may hang; it is never done inside
 * a database transaction: the log row is written once the spooler has answered.
 */
export function printingService(deps: PrintingDeps) {
  const repo = printRepo(deps.db);
  sweepTemp(deps.tmpDir, Date.now()); // file times are the machine's, not the desk clock's

  const profileOf = (kind: PrintKind): PrinterProfile => {
    const row = repo.profiles(deps.counter).find((p) => p.kind === kind);
    if (row) return { kind, printer: row.printer, paper: row.paper, copies: row.copies, silent: row.silent === 1 };
    const papers = deps.defaults();
    // One copy of the slip: Mẫu 01 already holds both liên (the applicant's and the office's) in its PDF.
    return { kind, printer: null, paper: kind === 'register' ? papers.registerPaper : papers.slipPaper, copies: 1, silent: false };
  };

  const getSettings = (): PrintSettings => ({ counter: deps.counter, profiles: PRINT_KINDS.map(profileOf) });

  const log = (row: Omit<NewPrintLog, 'counter' | 'officerId' | 'createdAt'>): number =>
    repo.insertLog({ ...row, counter: deps.counter, officerId: deps.officerId(), createdAt: deps.clock().getTime() });

  /** Sends a file with the profile of its kind, or says the screen must show the dialog; logs what was sent. */
  const send = async (
    file: string | (() => Promise<string>),
    target: { kind: PrintKind; what: string; title: string; documentId: number | null; dossierId: number | null; copies?: number },
  ): Promise<PrintOutcome> => {
    const profile = profileOf(target.kind);
    const copies = target.copies ?? profile.copies;
    // The screen prints through the dialog and then calls recordPrint: logging here would count it twice.
    if (!profile.silent) return { method: 'dialog', printer: profile.printer, copies, job: null, logId: null };
    const method = deps.backend.system;
    if (method === 'none') throw new DeskError('NOT_CONFIGURED', NO_DIRECT_PRINTING);
    const entry = { documentId: target.documentId, dossierId: target.dossierId, what: target.what, copies, method };
    try {
      const source = typeof file === 'string' ? file : await file();
      const sent = await deps.backend.print(source, { printer: profile.printer, copies, paper: profile.paper, title: target.title });
      const logId = log({ ...entry, printer: sent.printer, job: sent.job, status: 'sent', error: null });
      return { method, printer: sent.printer, copies, job: sent.job, logId };
    } catch (err) {
      const failure =
        err instanceof DeskError ? err : new DeskError('INTERNAL', `Không in được: ${String((err as Error)?.message ?? err)}`);
      log({ ...entry, printer: profile.printer, job: null, status: 'failed', error: failure.message });
      throw failure;
    }
  };

  const requireDocument = (id: number) => {
    const doc = deps.documentFor(id);
    if (!doc) throw new DeskError('NOT_FOUND', `Không tìm thấy văn bản số ${id}`);
    return doc;
  };

  return {
    async listPrinters(): Promise<PrintersView> {
      const { printers, problem } = await deps.backend.list();
      return { system: deps.backend.system, printers, problem };
    },

    getSettings,

    saveSettings(input: z.output<typeof savePrintSettingsInput>): PrintSettings {
      const kinds = input.profiles.map((p) => p.kind);
      if (new Set(kinds).size !== kinds.length) {
        throw new DeskError('VALIDATION', 'Mỗi loại giấy chỉ có một cấu hình máy in.', [
          { path: 'profiles', message: 'Mỗi loại giấy chỉ có một cấu hình máy in.' },
        ]);
      }
      if (deps.backend.system === 'none') {
        const at = input.profiles.findIndex((p) => p.silent);
        if (at >= 0) throw new DeskError('VALIDATION', NO_DIRECT_PRINTING, [{ path: `profiles.${at}.silent`, message: NO_DIRECT_PRINTING }]);
      }
      const at = deps.clock().getTime();
      deps.db.transaction(() => input.profiles.forEach((p) => repo.saveProfile(deps.counter, p, at)))();
      return getSettings();
    },

    /** Prints a stored document (Mẫu 01–07) with its kind's profile. */
    async printDocument(input: z.output<typeof printDocumentInput>): Promise<PrintOutcome> {
      const doc = requireDocument(input.documentId);
      let dir: string | null = null;
      // The bytes go to a private temp folder only when really printing; the spooler keeps its own copy.
      const writeTemp = async () => {
        await fsp.mkdir(deps.tmpDir, { recursive: true });
        dir = await fsp.mkdtemp(path.join(deps.tmpDir, 'print-'));
        const file = path.join(dir, safeName(doc.fileName));
        await fsp.writeFile(file, doc.content, { mode: 0o600 });
        return file;
      };
      try {
        return await send(writeTemp, {
          kind: kindOf(doc.form),
          what: describe(doc),
          title: jobTitle(`${formShortName(doc.form)} ${doc.fileName}`),
          documentId: doc.id,
          dossierId: doc.dossierId,
          copies: input.copies,
        });
      } finally {
        if (dir !== null) await fsp.rm(dir, { recursive: true, force: true });
      }
    },

    /** Prints a file the desk produced outside the documents table (the register export), with the register profile. */
    printFile(file: string, what: string, kind: 'register'): Promise<PrintOutcome> {
      return send(file, { kind, what, title: jobTitle(what), documentId: null, dossierId: null });
    },

    /** After the print dialog: the screen says what was printed; the printer the officer chose there is unknown. */
    recordPrint(input: z.output<typeof recordPrintInput>): PrintLogEntry {
      const doc = requireDocument(input.documentId);
      const id = log({
        documentId: doc.id,
        dossierId: doc.dossierId,
        what: describe(doc),
        printer: null,
        copies: input.copies,
        method: 'dialog',
        job: null,
        status: 'sent',
        error: null,
      });
      return toEntry(repo.logById(id)!);
    },

    listLog(query: z.output<typeof printLogQuery>): PrintLogPage {
      const rows = repo.logPage({ dossierId: query.dossierId, before: query.before, limit: query.limit + 1 });
      const items = rows.slice(0, query.limit).map(toEntry);
      return { items, next: rows.length > query.limit ? items[items.length - 1]!.id : null };
    },
  };
}

export type PrintingService = ReturnType<typeof printingService>;
