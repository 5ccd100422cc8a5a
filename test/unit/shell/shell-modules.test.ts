import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../electron/contract';
import { DESK_CSP, DOCUMENT_CSP } from '../../../electron/contract/web-policy';
import { buildMenuTemplate, NEW_INTAKE_SCRIPT } from '../../../electron/main/menu';
import { resolveDeskPaths } from '../../../electron/main/paths';
import { describeStartupFailure } from '../../../electron/main/startup';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

describe('CSP', () => {
  it('is the strict policy of the design, word for word', () => {
    expect(DESK_CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('lets documents run no script and be framed only by the desk', () => {
    expect(DOCUMENT_CSP).toContain("default-src 'none'");
    expect(DOCUMENT_CSP).toContain("object-src 'self'");
    expect(DOCUMENT_CSP).toContain("frame-ancestors 'self'");
    expect(DOCUMENT_CSP).not.toMatch(/script-src|unsafe-eval/);
  });
});

describe('resolveDeskPaths', () => {
  const base = { resourcesPath: '/opt/Một Cửa Desk/resources', appPath: '/opt/Một Cửa Desk/resources/app.asar', userDataPath: '/home/u/.config/Một Cửa Desk' };

  it('packaged: data under userData, resources beside app.asar, renderer and preload inside it', () => {
    const p = resolveDeskPaths({ ...base, env: {}, isPackaged: true });
    expect(p.dataDir).toBe(path.join(base.userDataPath, 'data'));
    expect(p.resourcesDir).toBe(path.join(base.resourcesPath, 'resources'));
    expect(p.rendererDir).toBe(path.join(base.appPath, 'dist', 'renderer'));
    expect(p.preloadPath).toBe(path.join(base.appPath, 'dist', 'electron', 'preload.cjs'));
    expect(p.profileDir).toBeNull();
  });

  it('development: resources from the repo', () => {
    const p = resolveDeskPaths({ ...base, appPath: '/work/main', env: {}, isPackaged: false });
    expect(p.resourcesDir).toBe(path.join('/work/main', 'resources'));
  });

  it('DESK_DATA_DIR moves the data and the Chromium profile (tests never touch the installed desk)', () => {
    const p = resolveDeskPaths({ ...base, env: { DESK_DATA_DIR: 'tmp/run-1' }, isPackaged: false });
    expect(p.dataDir).toBe(path.resolve('tmp/run-1'));
    expect(p.profileDir).toBe(path.join(path.resolve('tmp/run-1'), 'electron-profile'));
    expect(resolveDeskPaths({ ...base, env: { DESK_DATA_DIR: '  ' }, isPackaged: false }).profileDir).toBeNull();
  });
});

describe('menu', () => {
  type Item = { label?: string; role?: string; submenu?: Item[]; click?: () => void };
  const labels = (items: Item[]): string[] => items.flatMap((i) => [i.label ?? '', ...labels(i.submenu ?? [])]).filter(Boolean);

  it('is Vietnamese, with the required items', () => {
    const onNewIntake = vi.fn();
    const onAbout = vi.fn();
    const menu = buildMenuTemplate({ isPackaged: true, onNewIntake, onAbout }) as Item[];
    expect(menu.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    expect(labels(menu)).toEqual(expect.arrayContaining(['Tiếp nhận mới', 'Thoát', 'Tải lại', 'Phóng to', 'Thu nhỏ', 'Giới thiệu']));
    const find = (label: string) => menu.flatMap((m) => m.submenu ?? []).find((i) => i.label === label)!;
    find('Tiếp nhận mới').click!();
    find('Giới thiệu').click!();
    expect(onNewIntake).toHaveBeenCalledOnce();
    expect(onAbout).toHaveBeenCalledOnce();
    expect(find('Thoát').role).toBe('quit');
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) =>
      (buildMenuTemplate({ isPackaged, onNewIntake: () => {}, onAbout: () => {} }) as Item[]).flatMap((m) => m.submenu ?? []).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('opens intake through the hash route the renderer uses', () => {
    expect(NEW_INTAKE_SCRIPT).toContain("'#/intake'");
  });
});

describe('describeStartupFailure', () => {
  it('shows the desk\'s own Vietnamese message for a database written by a newer version', () => {
    const f = describeStartupFailure(new DeskError('DB_TOO_NEW', 'Cơ sở dữ liệu do phiên bản mới hơn tạo ra (lược đồ 9).'));
    expect(f.message).toBe('Cơ sở dữ liệu do phiên bản mới hơn tạo ra (lược đồ 9).');
    expect(f.title).toMatch(/mới hơn/);
  });

  it('explains any other failure without a stack trace', () => {
    const f = describeStartupFailure(new Error('EACCES: permission denied'));
    expect(f.message).toContain('EACCES: permission denied');
    expect(f.message).not.toMatch(/\n\s+at /);
    expect(describeStartupFailure(42).message).toContain('Lỗi không xác định');
  });
});

describe('security settings are written inline, as the checklist requires', () => {
  const read = (rel: string) => fs.readFileSync(path.join(repo, rel), 'utf8');
  const shellFiles = fs
    .readdirSync(path.join(repo, 'electron/main'))
    .map((f) => `electron/main/${f}`)
    .concat('electron/preload/preload.ts');

  it.each(['electron/main/window.ts', 'electron/main/print.ts'])('%s creates its BrowserWindow sandboxed and isolated', (file) => {
    const src = read(file);
    expect(src).toMatch(/new BrowserWindow\(\{[\s\S]*webPreferences: \{[\s\S]*sandbox: true,[\s\S]*contextIsolation: true,[\s\S]*nodeIntegration: false,/);
  });

  it('only the print window enables plugins; only the desk window has a preload', () => {
    expect(read('electron/main/window.ts')).toMatch(/plugins: false/);
    expect(read('electron/main/window.ts')).toMatch(/preload: preloadPath/);
    expect(read('electron/main/print.ts')).toMatch(/plugins: true/);
    expect(read('electron/main/print.ts')).not.toMatch(/preload:/);
  });

  it.each(shellFiles)('%s never weakens a default', (file) => {
    const src = read(file);
    for (const weak of [/webSecurity:\s*false/, /sandbox:\s*false/, /contextIsolation:\s*false/, /nodeIntegration:\s*true/, /allowRunningInsecureContent:\s*true/, /webviewTag:\s*true/, /bypassCSP/, /disable-web-security/])
      expect(src, String(weak)).not.toMatch(weak);
  });

  it('the preload exposes no raw ipcRenderer', () => {
    const src = read('electron/preload/preload.ts');
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(src.match(/exposeInMainWorld/g)).toHaveLength(2); // window.desk, window.deskFiles
  });
});
