/**
 * The names of the contract's methods, with no zod attached, so the sandboxed preload can expose one function per
 * method without bundling the schemas. contract/index.ts checks at compile time that this list and the contract's
 * table have exactly the same names.
 */
export const METHOD_NAME_LIST = [
  'getSetup',
  'setupDesk',
  'updateAgency',
  'listProcedures',
  'createDossier',
  'getDossier',
  'acceptDossier',
  'listQueue',
  'queueCounts',
  'getDocument',
  'applyDossierAction',
  'previewIntake',
  'computeDue',
  'quoteFee',
  'checkCccd',
  'readCccdQr',
  'getHolidays',
  'proposeHolidays',
  'saveHolidays',
  'getOfficeHours',
  'saveOfficeHours',
  'importCatalogue',
  'exportCatalogue',
] as const;
