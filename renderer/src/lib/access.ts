import { METHOD_ACCESS, type MethodName, type RoleName } from '../../../electron/contract';

/**
 * What the screens hide from a role. The doors' gate is the rule (METHOD_ACCESS); this only keeps an officer from
 * meeting a button that would answer "not for your role".
 */
export function canCall(role: RoleName, method: MethodName): boolean {
  const access = METHOD_ACCESS[method];
  if (access === 'public' || access === 'session' || access === 'signedIn') return true;
  return (access as readonly RoleName[]).includes(role);
}

/** The method each screen (menu entry / route) cannot work without. */
export const SCREEN_METHOD = {
  queue: 'listQueue',
  intake: 'createDossier',
  import: 'acceptDossier',
  inbox: 'listInbox',
  register: 'listRegister',
  outbox: 'listOutbox',
  postal: 'listShipments',
  dashboard: 'onTimeStats',
  dossier: 'getDossier',
  settings: 'getCounterSettings',
} as const satisfies Record<string, MethodName>;
export type ScreenName = keyof typeof SCREEN_METHOD;

export function canOpen(role: RoleName, screen: string): boolean {
  const method = (SCREEN_METHOD as Record<string, MethodName | undefined>)[screen];
  return method === undefined ? true : canCall(role, method);
}

/** The menu entries a role sees, in the given order. */
export function menuFor<K extends string>(role: RoleName, keys: readonly K[]): K[] {
  return keys.filter((k) => canOpen(role, k));
}

/** Settings tabs and the method that saves each; a role that cannot call it sees the tab read-only. */
export const SETTINGS_SAVE = {
  agency: 'updateAgency',
  counter: 'saveCounterSettings',
  hours: 'saveOfficeHours',
  holidays: 'saveHolidays',
  catalogue: 'importCatalogue',
  papers: 'saveDocumentSettings',
  print: 'savePrintSettings',
  mail: 'saveMailSettings',
  accounts: 'saveAccount',
} as const satisfies Record<string, MethodName>;
export type SettingsTab = keyof typeof SETTINGS_SAVE;

/** Tabs a role sees at all: accounts is the administrator's alone (reading it needs listAccounts). */
export function settingsTabsFor(role: RoleName, tabs: readonly SettingsTab[]): SettingsTab[] {
  return tabs.filter((tab) => tab !== 'accounts' || canCall(role, 'listAccounts'));
}

export const canSaveSettings = (role: RoleName, tab: SettingsTab): boolean => canCall(role, SETTINGS_SAVE[tab]);
