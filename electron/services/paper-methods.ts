import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { DeskError, MAIL_KIND_FORMS, type FormCode, type MailKind, type MethodOutput, type ParsedInput } from '../contract';
import type { DocumentsRepo } from '../db/documents-repo';
import type { DossierDbRow } from '../db/dossiers-repo';
import type { DocumentsService } from './documents';
import type { MailService } from './mail';
import { toDocumentMeta } from './mappers';
import type { PrintingService } from './printing';
import { registerFileName, type RegisterService } from './register';

type Methods =
  | 'getDocumentSettings'
  | 'saveDocumentSettings'
  | 'issueDocument'
  | 'listRegister'
  | 'listPrinters'
  | 'getPrintSettings'
  | 'savePrintSettings'
  | 'printDocument'
  | 'printRegister'
  | 'recordPrint'
  | 'listPrintLog'
  | 'getMailSettings'
  | 'saveMailSettings'
  | 'testMailConnection'
  | 'sendMail'
  | 'listOutbox'
  | 'retryMail'
  | 'cancelMail';

/** The forms whose issue is also an e-mail to the citizen, when automatic sending is on. */
const KIND_OF_FORM: Partial<Record<FormCode, MailKind>> = Object.fromEntries(
  Object.entries(MAIL_KIND_FORMS)
    .filter(([, form]) => form !== null)
    .map(([kind, form]) => [form, kind as MailKind]),
);

/**
 * The e-mails that follow the desk's actions: the form just issued, and "result ready". Queued inside the action's
 * transaction (the outbox sends them later, with retries), only when automatic sending is on and the applicant gave
 * an address. Never blocks the action.
 */
export function mailFollowUps(mail: MailService) {
  // enqueueAuto checks "on", "automatic" and a valid address, and never throws: a bad address in the dossier
  // must not roll back the acceptance it follows.
  return {
    afterIssue(row: DossierDbRow, form: FormCode, documentId: number, extra: { reason?: string; newDueAt?: Date } = {}) {
      const kind = KIND_OF_FORM[form];
      if (kind) mail.enqueueAuto({ dossierId: row.id, kind, documentId, ...extra });
    },
    afterResult(row: DossierDbRow) {
      mail.enqueueAuto({ dossierId: row.id, kind: 'resultReady' });
    },
  };
}

/** The contract methods of official documents (issue 5): documents, the register, printing and e-mail. */
export function paperMethods(deps: {
  docs: DocumentsService;
  documents: DocumentsRepo;
  register: RegisterService;
  printing: PrintingService;
  mail: MailService;
  requireDossier: (id: number) => DossierDbRow;
  clock: () => Date;
  /** Private scratch folder for files handed to the spooler. */
  tmpDir: string;
}): { [M in Methods]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> } {
  const { docs, documents, register, printing, mail } = deps;
  return {
    getDocumentSettings: () => docs.getSettings(),
    saveDocumentSettings: (value) => docs.saveSettings(value),
    issueDocument: async ({ dossierId, form }) => {
      const id = await docs.issue(deps.requireDossier(dossierId), form, deps.clock());
      return toDocumentMeta(documents.byId(id)!);
    },
    listRegister: (query) => register.page(query),

    listPrinters: () => printing.listPrinters(),
    getPrintSettings: () => printing.getSettings(),
    savePrintSettings: (input) => printing.saveSettings(input),
    printDocument: (input) => printing.printDocument(input),
    // The register is drawn to a private temp file only when it is printed at once; with the dialog profile the
    // screen opens the PDF download and prints it there.
    printRegister: async ({ year, from, to }) => {
      const profile = printing.getSettings().profiles.find((p) => p.kind === 'register')!;
      if (!profile.silent) return { method: 'dialog', printer: profile.printer, copies: profile.copies, job: null, logId: null };
      fs.mkdirSync(deps.tmpDir, { recursive: true });
      const dir = fs.mkdtempSync(path.join(deps.tmpDir, 'register-'));
      try {
        const file = path.join(dir, registerFileName({ year, from, to }, 'pdf'));
        const out = fs.createWriteStream(file, { mode: 0o600 });
        const written = await register.exportTo({ year, from, to }, 'pdf', out);
        await finished(out);
        const period = from || to ? ` (${from ?? '…'} – ${to ?? '…'})` : '';
        return await printing.printFile(file, `Sổ theo dõi hồ sơ năm ${year}${period}, ${written.rows} hồ sơ`, 'register');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    recordPrint: (input) => printing.recordPrint(input),
    listPrintLog: (query) => printing.listLog(query),

    getMailSettings: () => mail.getSettings(),
    saveMailSettings: (input) => mail.saveSettings(input),
    testMailConnection: () => mail.testConnection(),
    sendMail: ({ dossierId, kind, to }) => {
      const row = deps.requireDossier(dossierId);
      const form = MAIL_KIND_FORMS[kind];
      const doc = form ? documents.latest(row.id, form) : undefined;
      if (form && !doc) {
        throw new DeskError('INVALID_STATE', `Hồ sơ chưa có Mẫu ${form} để gửi kèm thư.`, { form });
      }
      return mail.enqueue({ dossierId: row.id, kind, to, documentId: doc?.id ?? null });
    },
    listOutbox: (query) => mail.list(query),
    retryMail: ({ id }) => mail.retry(id),
    cancelMail: ({ id }) => mail.cancel(id),
  };
}
