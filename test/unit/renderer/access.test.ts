import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../electron/contract';
import { canCall, canOpen, canSaveSettings, menuFor, settingsTabsFor } from '../../../renderer/src/lib/access';

const MENU = ['queue', 'intake', 'import', 'inbox', 'register', 'outbox', 'postal', 'dashboard', 'settings'] as const;
const TABS = ['agency', 'counter', 'hours', 'holidays', 'catalogue', 'papers', 'print', 'mail', 'accounts'] as const;

describe('role-aware menu', () => {
  it('shows a specialist no intake and no online import, but the queue, inbox, register and settings', () => {
    expect(menuFor('specialist', MENU)).toEqual(['queue', 'inbox', 'register', 'outbox', 'postal', 'dashboard', 'settings']);
  });

  it('shows the counter roles everything, in the given order', () => {
    for (const role of ['reception', 'leader', 'admin'] as const) expect(menuFor(role, MENU)).toEqual([...MENU]);
  });

  it('follows METHOD_ACCESS for screens and methods', () => {
    expect(canOpen('specialist', 'intake')).toBe(false);
    expect(canOpen('specialist', 'dossier')).toBe(true);
    expect(canOpen('specialist', 'no-such-screen')).toBe(true);
    expect(canCall('reception', 'createDossier')).toBe(true);
    expect(canCall('reception', 'saveAccount')).toBe(false);
    for (const role of ROLES) expect(canCall(role, 'getSession')).toBe(true);
  });
});

describe('settings for a role', () => {
  it('keeps the accounts tab for the administrator alone', () => {
    expect(settingsTabsFor('admin', TABS)).toContain('accounts');
    for (const role of ['reception', 'specialist', 'leader'] as const) expect(settingsTabsFor(role, TABS)).not.toContain('accounts');
  });

  it('lets only the administrator save the desk-wide settings; printers are the counter roles\'', () => {
    expect(TABS.filter((tab) => canSaveSettings('admin', tab))).toEqual([...TABS]);
    expect(TABS.filter((tab) => canSaveSettings('reception', tab))).toEqual(['print']);
    expect(TABS.filter((tab) => canSaveSettings('specialist', tab))).toEqual([]);
  });
});
