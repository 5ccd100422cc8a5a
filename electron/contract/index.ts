import { z } from 'zod';
import * as s from './schemas';
import * as d from './documents';
import * as a from './auth';
import type { SessionMethod } from './access';
import { catalogueProcedure } from './catalogue';
import { holidayYear, officeHoursSetting } from './calendar';
import { applyActionInput } from './lifecycle';
import { METHOD_NAME_LIST } from './method-names';
import { postalContract } from './postal';
import { statsContract } from './stats';
import type { Result } from './errors';

export * from './errors';
export * from './schemas';
export * from './catalogue';
export * from './calendar';
export * from './lifecycle';
export * from './text';
export * from './documents';
export * from './auth';
export * from './access';
export * from './postal';
export * from './stats';

/**
 * The API between screen and desk: one entry per method, input and output schemas.
 * Every door (IPC, HTTP, CLI) parses input with `input` before the desk sees it.
 * To add a method: add it here, implement it in services/desk.ts; the preload, the HTTP
 * route and the renderer client follow from this table (see docs/architecture.md).
 */
export const contract = {
  getSetup: { input: s.empty, output: s.setupState },
  setupDesk: { input: s.setupInput, output: s.setupState },
  createAdminAccount: { input: a.adminAccountInput, output: s.setupState },
  signIn: { input: a.signInInput, output: a.sessionView },
  signOut: { input: s.empty, output: z.object({ signedOut: z.boolean() }) },
  getSession: { input: s.empty, output: a.sessionState },
  lockSession: { input: s.empty, output: a.sessionState },
  unlockSession: { input: a.unlockInput, output: a.sessionView },
  changePassword: { input: a.changePasswordInput, output: a.sessionView },
  listAccounts: { input: s.empty, output: a.accountsView },
  saveAccount: { input: a.saveAccountInput, output: a.account },
  listSignInLog: { input: s.empty, output: a.signInLog },
  updateAgency: { input: s.agencyInput, output: s.agency },
  listProcedures: { input: s.empty, output: z.array(catalogueProcedure) },
  createDossier: { input: s.intakeInput, output: s.createdDossier },
  getDossier: { input: s.dossierRef, output: s.dossierDetail },
  acceptDossier: { input: s.dossierRef, output: s.acceptResult },
  listQueue: { input: s.queueQuery, output: s.queuePage },
  queueCounts: { input: s.empty, output: s.queueCounts },
  getDocument: { input: z.object({ id: z.number().int().positive() }), output: s.documentContent },
  applyDossierAction: { input: applyActionInput, output: s.dossierDetail },
  previewIntake: { input: s.intakePreviewInput, output: s.intakePreview },
  computeDue: { input: s.dueInput, output: s.dueResult },
  quoteFee: { input: s.feeQuoteInput, output: s.feeQuote },
  checkCccd: { input: s.cccdInput, output: s.cccdResult },
  readCccdQr: { input: s.cccdQrInput, output: s.cccdQrResult },
  getHolidays: { input: s.yearInput, output: s.holidaysView },
  proposeHolidays: { input: s.yearInput, output: s.holidaysView },
  saveHolidays: { input: z.object({ table: holidayYear }), output: s.holidaysView },
  getOfficeHours: { input: s.empty, output: officeHoursSetting },
  saveOfficeHours: { input: officeHoursSetting, output: officeHoursSetting },
  importCatalogue: { input: s.catalogueImportInput, output: s.catalogueImportReport },
  exportCatalogue: { input: s.empty, output: s.catalogueExport },
  listInbox: { input: s.empty, output: s.inboxView },
  discardInboxFile: { input: s.fileRef, output: z.object({ removed: z.boolean() }) },
  getFile: { input: s.fileRef, output: s.fileMeta },
  attachFiles: { input: s.attachInput, output: s.dossierDetail },
  detachFile: { input: s.detachInput, output: s.dossierDetail },
  reviewComponents: { input: s.reviewInput, output: s.dossierDetail },
  correctDossier: { input: s.correctionInput, output: s.dossierDetail },
  getCounterSettings: { input: s.empty, output: s.counterSettings },
  saveCounterSettings: { input: s.counterSettings, output: s.counterSettings },
  listOfficers: { input: s.empty, output: z.array(s.officer) },
  getDocumentSettings: { input: s.empty, output: d.documentSettings },
  saveDocumentSettings: { input: d.documentSettings, output: d.documentSettings },
  issueDocument: { input: d.issueDocumentInput, output: s.documentMeta },
  listRegister: { input: d.registerQuery, output: d.registerPage },
  listPrinters: { input: s.empty, output: d.printersView },
  getPrintSettings: { input: s.empty, output: d.printSettings },
  savePrintSettings: { input: d.savePrintSettingsInput, output: d.printSettings },
  printDocument: { input: d.printDocumentInput, output: d.printOutcome },
  printRegister: { input: d.registerQuery, output: d.printOutcome },
  recordPrint: { input: d.recordPrintInput, output: d.printLogEntry },
  listPrintLog: { input: d.printLogQuery, output: d.printLogPage },
  getMailSettings: { input: s.empty, output: d.mailSettings },
  saveMailSettings: { input: d.mailSettingsInput, output: d.mailSettings },
  testMailConnection: { input: s.empty, output: d.mailTestResult },
  sendMail: { input: d.sendMailInput, output: d.outboxItem },
  listOutbox: { input: d.outboxQuery, output: d.outboxPage },
  retryMail: { input: d.outboxRef, output: d.outboxItem },
  cancelMail: { input: d.outboxRef, output: d.outboxItem },
  ...postalContract,
  ...statsContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

// The zod-free name list (for the preload) names exactly the contract's methods, both ways.
type ListedName = (typeof METHOD_NAME_LIST)[number];
const _sameNames: [Exclude<MethodName, ListedName>, Exclude<ListedName, MethodName>] extends [never, never] ? true : false = true;
void _sameNames;

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** What the renderer sees (window.desk, or the HTTP client): raw input in, envelope out. */
export type DeskApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>> };

/** What the desk implements: parsed input in, envelope out. The session methods are the doors' gate's. */
export type DeskMethodName = Exclude<MethodName, SessionMethod>;
export type DeskImpl = { [M in DeskMethodName]: (input: ParsedInput<M>) => Promise<Result<MethodOutput<M>>> };

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** Turns zod issues into the envelope's details: one Vietnamese message per field path. */
export const validationError = (error: z.ZodError) => ({
  ok: false as const,
  error: {
    code: 'VALIDATION' as const,
    message: error.issues[0]?.message ?? 'Dữ liệu không hợp lệ',
    details: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  },
});

/**
 * The door's entry: validate raw input with the contract, call the desk, never throw.
 * Used by the IPC handlers, the HTTP server and the CLI alike.
 */
export async function dispatch(desk: DeskImpl, method: unknown, raw: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Không có chức năng "${String(method)}"` } };
  }
  const call = (desk as Partial<Record<MethodName, (input: unknown) => Promise<Result<unknown>>>>)[method];
  if (!call) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Chức năng "${method}" chỉ dùng được qua cửa có đăng nhập` } };
  }
  const parsed = contract[method].input.safeParse(raw ?? {});
  if (!parsed.success) return validationError(parsed.error);
  try {
    return await call(parsed.data);
  } catch (err) {
    // The desk catches its own errors; this is the last line so nothing crosses a door as a throw.
    return { ok: false, error: { code: 'INTERNAL', message: 'Lỗi nội bộ của phần mềm', details: String(err) } };
  }
}
