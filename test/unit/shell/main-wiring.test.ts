/**
 * main.ts wired to a fake `electron` (and a fake desk): checks the order of start-up, what is registered, the
 * window's preferences, the print window, single instance, closing the database, and the DB_TOO_NEW path.
 * The modules main.ts wires are unit-tested on their own; this file checks they are actually wired.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../electron/contract';

const repo = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)));

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on = (name: string, fn: Listener) => {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    };
    once = this.on;
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  const state = {
    order: [] as string[],
    ready: null as null | (() => void),
    readyPromise: Promise.resolve(),
    app: null as unknown as Emitter & Record<string, unknown>,
    windows: [] as Array<Emitter & { options: Record<string, unknown>; webContents: Emitter & Record<string, unknown>; [k: string]: unknown }>,
    protocolHandler: null as null | ((r: Request) => Promise<Response>),
    ipc: new Map<string, Listener>(),
    session: {} as Record<string, unknown>,
    menu: null as unknown,
    errorBox: null as null | [string, string],
    desk: null as null | Record<string, unknown>,
    createDeskError: null as unknown,
    createDeskConfig: null as unknown,
    nextId: 1,
  };
  const reset = () => {
    state.order = [];
    state.windows = [];
    state.protocolHandler = null;
    state.ipc = new Map();
    state.menu = null;
    state.errorBox = null;
    state.desk = null;
    state.createDeskError = null;
    state.createDeskConfig = null;
    state.nextId = 1;
    state.readyPromise = new Promise<void>((resolve) => (state.ready = resolve));
    const app = new Emitter() as Emitter & Record<string, unknown>;
    Object.assign(app, {
      isPackaged: false,
      getAppPath: () => process.cwd(),
      getPath: () => '/nonexistent/userData',
      setPath: (name: string, value: string) => state.order.push(`setPath:${name}:${value}`),
      getVersion: () => '9.8.7',
      requestSingleInstanceLock: () => (state.order.push('lock'), true),
      enableSandbox: () => state.order.push('enableSandbox'),
      setAppUserModelId: () => undefined,
      quit: () => state.order.push('quit'),
      exit: (code: number) => state.order.push(`exit:${code}`),
      whenReady: () => state.readyPromise,
    });
    state.app = app;
  };
  return { state, reset, Emitter };
});

vi.mock('electron', () => {
  const { state, Emitter } = h;
  class BrowserWindow extends Emitter {
    static getAllWindows = () => state.windows;
    static fromWebContents = (wc: unknown) => state.windows.find((w) => w.webContents === wc) ?? null;
    options: Record<string, unknown>;
    webContents: InstanceType<typeof Emitter> & Record<string, unknown>;
    destroyed = false;
    shown = 0;
    focused = 0;
    url = '';
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      const wc = new Emitter() as InstanceType<typeof Emitter> & Record<string, unknown>;
      Object.assign(wc, {
        id: state.nextId++,
        setWindowOpenHandler: (fn: Listener) => (wc.openHandler = fn),
        executeJavaScript: vi.fn(async () => undefined),
        print: vi.fn(),
      });
      this.webContents = wc;
      state.windows.push(this as never);
      state.app.emit('web-contents-created', {}, wc);
    }
    loadURL = async (url: string) => {
      this.url = url;
    };
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    isVisible = () => this.shown > 0;
    restore = () => undefined;
    show = () => void this.shown++;
    focus = () => void this.focused++;
    removeMenu = () => undefined;
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => (state.session.request = fn),
      setPermissionCheckHandler: (fn: Listener) => (state.session.check = fn),
      setDevicePermissionHandler: (fn: Listener) => (state.session.device = fn),
      webRequest: { onBeforeRequest: (fn: Listener) => (state.session.beforeRequest = fn) },
    },
  };
  return {
    app: new Proxy({}, { get: (_t, k) => (state.app as Record<string | symbol, unknown>)[k] }),
    BrowserWindow,
    session,
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (v: string) => Buffer.from(v),
      decryptString: (b: Buffer) => b.toString(),
    },
    dialog: {
      showErrorBox: (title: string, message: string) => (state.errorBox = [title, message]),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
    },
    ipcMain: {
      handle: (channel: string, fn: Listener) => state.ipc.set(channel, fn),
      removeHandler: (channel: string) => state.ipc.delete(channel),
    },
    Menu: {
      buildFromTemplate: (t: unknown) => ({ template: t }),
      setApplicationMenu: (m: unknown) => (state.menu = m),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => state.order.push(`schemes:${JSON.stringify(schemes)}`),
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => {
        state.order.push(`handle:${scheme}`);
        state.protocolHandler = fn;
      },
    },
  };
});

vi.mock('../../../electron/services/desk', () => ({
  createDesk: (config: unknown) => {
    h.state.createDeskConfig = config;
    if (h.state.createDeskError) throw h.state.createDeskError;
    const desk: Record<string, unknown> = {
      close: vi.fn(),
      warmUp: vi.fn(async () => {}),
      scanFolderPass: vi.fn(async () => {}),
      processOutbox: vi.fn(async () => ({ sent: 0, failed: 0 })),
      ingestFile: vi.fn(async (name: string) => ({ ok: true, value: { name } })),
      importPackageFrom: vi.fn(async (_bytes: Buffer, name: string) => ({ ok: true, value: { fileName: name } })),
      // An officer is signed in at the app door (sessions and roles are tested in test/integration/auth.test.ts).
      auth: { session: vi.fn(() => null), admit: vi.fn(() => ({ officerId: 1, role: 'admin' })), signOut: vi.fn() },
    };
    for (const m of METHOD_NAMES) desk[m] = vi.fn(async () => ({ ok: true, value: { method: m } }));
    desk.getDocument = vi.fn(async () => ({
      ok: true,
      value: { id: 1, fileName: 'giay.pdf', contentBase64: Buffer.from('%PDF-1.7').toString('base64') },
    }));
    h.state.desk = desk;
    return desk;
  },
}));

async function start(env: Record<string, string> = {}) {
  h.reset();
  vi.resetModules();
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await import('../../../electron/main/main');
  } finally {
    process.env = saved;
  }
  const beforeReady = [...h.state.order];
  h.state.ready!();
  await h.state.readyPromise;
  await Promise.resolve();
  return { beforeReady };
}

const deskEvent = (id: number, url = 'app://desk/') => ({ sender: { id }, senderFrame: { url, parent: null } });

describe('main.ts wiring', () => {
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('registers the privileged scheme and the sandbox before ready, then the lock', async () => {
    const { beforeReady } = await start();
    expect(beforeReady[0]).toBe('schemes:[{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]');
    expect(beforeReady).toContain('enableSandbox');
    expect(beforeReady).toContain('lock');
    expect(beforeReady.some((s) => s.startsWith('handle:'))).toBe(false);
  });

  it('moves the Chromium profile under DESK_DATA_DIR before taking the single-instance lock', async () => {
    const { beforeReady } = await start({ DESK_DATA_DIR: '/tmp/desk-run' });
    const setPath = beforeReady.indexOf('setPath:userData:/tmp/desk-run/electron-profile');
    expect(setPath).toBeGreaterThanOrEqual(0);
    expect(setPath).toBeLessThan(beforeReady.indexOf('lock'));
    expect(h.state.createDeskConfig).toEqual({
      dataDir: '/tmp/desk-run',
      resourcesDir: path.join(repo, 'resources'),
      version: '9.8.7',
      // The SMTP password goes through the OS key store (safeStorage) in the user data folder.
      secrets: expect.objectContaining({ source: 'safeStorage', editable: true }),
    });
  });

  it('defaults the data to <userData>/data', async () => {
    await start();
    expect(h.state.createDeskConfig).toMatchObject({ dataDir: path.join('/nonexistent/userData', 'data') });
  });

  it('hardens the session: permissions denied, network cancelled', async () => {
    await start();
    const cb = vi.fn();
    (h.state.session.request as Listener)({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect((h.state.session.check as Listener)({}, 'notifications')).toBe(false);
    (h.state.session.beforeRequest as Listener)({ url: 'https://example.invalid/' }, cb);
    expect(cb).toHaveBeenLastCalledWith({ cancel: true });
  });

  it('opens one desk window, sandboxed, with the preload, on app://desk/', async () => {
    await start();
    expect(h.state.windows).toHaveLength(1);
    const win = h.state.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      plugins: false,
      devTools: true,
      preload: path.join(repo, 'dist', 'electron', 'preload.cjs'),
    });
    expect(win.options.webPreferences).not.toHaveProperty('webSecurity');
    expect(win.url).toBe('app://desk/');
    expect(h.state.menu).not.toBeNull();
  });

  it('serves app:// through the desk, documents included', async () => {
    await start();
    const res = await h.state.protocolHandler!(new Request('app://desk/documents/1.pdf'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('%PDF-1.7');
    expect(h.state.desk!.getDocument).toHaveBeenCalledWith({ id: 1 });
  });

  it('handles every contract method over IPC, for the desk window only', async () => {
    await start();
    expect([...h.state.ipc.keys()].sort()).toEqual(
      [...METHOD_NAMES.map((m) => `desk:${m}`), 'desk-files:exportRegister', 'desk-files:importPackage', 'desk-files:upload'].sort(),
    );
    const id = h.state.windows[0]!.webContents.id as number;
    await expect(h.state.ipc.get('desk:getSetup')!(deskEvent(id), {})).resolves.toEqual({ ok: true, value: { method: 'getSetup' } });
    const forbidden = (await h.state.ipc.get('desk:getSetup')!(deskEvent(id + 100), {})) as { ok: boolean; error: { code: string } };
    expect(forbidden.error.code).toBe('FORBIDDEN');
    // Bytes: the same sender check, then the desk's ingest with a Buffer.
    const upload = h.state.ipc.get('desk-files:upload')!;
    await expect(upload(deskEvent(id), 'giấy.pdf', new Uint8Array([37, 80]).buffer)).resolves.toEqual({ ok: true, value: { name: 'giấy.pdf' } });
    expect(((await upload(deskEvent(id + 100), 'x.pdf', new ArrayBuffer(1))) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect(((await upload(deskEvent(id), '', new ArrayBuffer(1))) as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('prints a document in a separate plugin-enabled window, only when the desk window asks', async () => {
    await start();
    const desk = h.state.windows[0]!;
    const open = desk.webContents.openHandler as (d: { url: string }) => { action: string };
    expect(open({ url: 'https://example.invalid/' })).toEqual({ action: 'deny' });
    expect(h.state.windows).toHaveLength(1);
    expect(open({ url: 'app://desk/documents/5.pdf' })).toEqual({ action: 'deny' });
    expect(h.state.windows).toHaveLength(2);
    const printWin = h.state.windows[1]!;
    expect(printWin.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true });
    expect(printWin.options.webPreferences).not.toHaveProperty('preload');
    expect(printWin.options.parent).toBe(desk);
    expect(printWin.url).toBe('app://desk/documents/5.pdf');
    printWin.webContents.emit('did-stop-loading');
    expect(printWin.webContents.print).toHaveBeenCalledOnce();
    // The print window cannot open another one, nor call the desk.
    const fromPrint = printWin.webContents.openHandler as (d: { url: string }) => { action: string };
    expect(fromPrint({ url: 'app://desk/documents/6.pdf' })).toEqual({ action: 'deny' });
    expect(h.state.windows).toHaveLength(2);
    const denied = (await h.state.ipc.get('desk:getSetup')!(deskEvent(printWin.webContents.id as number, 'app://desk/documents/5.pdf'), {})) as {
      ok: boolean;
    };
    expect(denied.ok).toBe(false);
  });

  it('a second instance focuses the first window', async () => {
    await start();
    h.state.app.emit('second-instance');
    expect(h.state.windows[0]!.focused).toBe(1);
  });

  it('closes the database once on will-quit', async () => {
    await start();
    h.state.app.emit('will-quit');
    h.state.app.emit('will-quit');
    expect(h.state.desk!.close).toHaveBeenCalledTimes(1);
  });

  it('Tệp › Tiếp nhận mới switches the window to the intake route', async () => {
    await start();
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const template = (h.state.menu as { template: Item[] }).template;
    template[0]!.submenu!.find((i) => i.label === 'Tiếp nhận mới')!.click!();
    expect(h.state.windows[0]!.webContents.executeJavaScript).toHaveBeenCalledWith("window.location.hash = '#/intake';");
  });

  it('a database written by a newer version: error box with the desk\'s message, exit, no window', async () => {
    h.reset();
    const err = Object.assign(new Error('Cơ sở dữ liệu do phiên bản mới hơn tạo ra.'), { code: 'DB_TOO_NEW' });
    vi.resetModules();
    h.state.createDeskError = err;
    await import('../../../electron/main/main');
    h.state.ready!();
    await h.state.readyPromise;
    await Promise.resolve();
    expect(h.state.errorBox?.[1]).toBe('Cơ sở dữ liệu do phiên bản mới hơn tạo ra.');
    expect(h.state.order).toContain('exit:1');
    expect(h.state.windows).toHaveLength(0);
    expect(h.state.ipc.size).toBe(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    h.reset();
    h.state.app.requestSingleInstanceLock = () => false;
    vi.resetModules();
    await import('../../../electron/main/main');
    expect(h.state.order).toContain('quit');
    h.state.ready!();
    await h.state.readyPromise;
    await Promise.resolve();
    expect(h.state.windows).toHaveLength(0);
  });
});
