import type { RoleName } from './auth';
import type { MethodName } from './index';

/**
 * Who may call what, checked by the gate of every door (IPC and HTTP) before the desk sees the call — the screens
 * hide what a role cannot do, but this table is the rule.
 *  - public: before anyone signs in (first-run setup);
 *  - session: served by the gate itself (sign in, lock, unlock, sign out, change one's own password);
 *  - signedIn: any officer with an open, unlocked session;
 *  - a list of roles: only those. Dossier actions are further checked by the lifecycle rules (core/lifecycle) and
 *    by assignment (a specialist acts only on dossiers assigned to them).
 */
export type Access = 'public' | 'session' | 'signedIn' | readonly RoleName[];

const DESK: readonly RoleName[] = ['reception', 'leader', 'admin'];
const ADMIN: readonly RoleName[] = ['admin'];
const STAFF: readonly RoleName[] = ['reception', 'specialist', 'leader', 'admin'];

export const SESSION_METHODS = ['signIn', 'signOut', 'getSession', 'lockSession', 'unlockSession', 'changePassword'] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];

export const METHOD_ACCESS = {
  // before sign-in
  getSetup: 'public',
  setupDesk: 'public',
  createAdminAccount: 'public',
  signIn: 'session',
  signOut: 'session',
  getSession: 'session',
  lockSession: 'session',
  unlockSession: 'session',
  changePassword: 'session',
  // administration
  updateAgency: ADMIN,
  saveHolidays: ADMIN,
  saveOfficeHours: ADMIN,
  importCatalogue: ADMIN,
  saveCounterSettings: ADMIN,
  saveDocumentSettings: ADMIN,
  saveMailSettings: ADMIN,
  testMailConnection: ADMIN,
  savePrintSettings: ['reception', 'leader', 'admin'],
  listAccounts: ADMIN,
  saveAccount: ADMIN,
  listSignInLog: ADMIN,
  // reading and computing: every officer
  listProcedures: 'signedIn',
  getDossier: 'signedIn',
  listQueue: 'signedIn',
  queueCounts: 'signedIn',
  getDocument: 'signedIn',
  computeDue: 'signedIn',
  quoteFee: 'signedIn',
  checkCccd: 'signedIn',
  readCccdQr: 'signedIn',
  getHolidays: 'signedIn',
  proposeHolidays: 'signedIn',
  getOfficeHours: 'signedIn',
  exportCatalogue: 'signedIn',
  getFile: 'signedIn',
  getCounterSettings: 'signedIn',
  listOfficers: 'signedIn',
  getDocumentSettings: 'signedIn',
  listRegister: 'signedIn',
  listPrinters: 'signedIn',
  getPrintSettings: 'signedIn',
  listPrintLog: 'signedIn',
  getMailSettings: 'signedIn',
  listOutbox: 'signedIn',
  printDocument: 'signedIn',
  recordPrint: 'signedIn',
  issueDocument: 'signedIn',
  // the counter
  createDossier: DESK,
  acceptDossier: DESK,
  previewIntake: DESK,
  listInbox: STAFF,
  discardInboxFile: STAFF,
  attachFiles: DESK,
  detachFile: DESK,
  reviewComponents: DESK,
  correctDossier: DESK,
  printRegister: DESK,
  sendMail: DESK,
  retryMail: DESK,
  cancelMail: DESK,
  // the lifecycle decides per action and role
  applyDossierAction: STAFF,
  // results by post
  getPostalTariff: 'signedIn',
  quotePostage: 'signedIn',
  listProvinces: 'signedIn',
  listShipments: 'signedIn',
  listManifests: 'signedIn',
  getManifest: 'signedIn',
  savePostalTariff: ADMIN,
  createShipment: DESK,
  updateShipment: DESK,
  createManifest: DESK,
  // on-time dashboard
  onTimeStats: 'signedIn',
} as const satisfies Record<MethodName, Access>;
