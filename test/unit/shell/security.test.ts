import { describe, expect, it, vi } from 'vitest';
import {
  decideWindowOpen,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isBlockedRequestUrl,
  type HardenableContents,
  type SessionLike,
} from '../../../electron/main/security';
import { documentUrl, isDeskUrl, parseDocumentUrl } from '../../../electron/main/urls';

describe('urls', () => {
  it('isDeskUrl accepts app://desk only', () => {
    expect(isDeskUrl('app://desk/')).toBe(true);
    expect(isDeskUrl('app://desk/assets/x.js?y#z')).toBe(true);
    for (const url of ['app://desks/', 'app://desk.evil/', 'app://evil/', 'https://desk/', 'app://u:p@desk/', 'app://desk:1/', 'javascript:alert(1)', 'not a url', ''])
      expect(isDeskUrl(url), url).toBe(false);
  });

  it('parseDocumentUrl reads positive integer ids only', () => {
    expect(parseDocumentUrl(documentUrl(12))).toBe(12);
    expect(parseDocumentUrl('app://desk/documents/3.pdf?print=1#page=2')).toBe(3);
    for (const url of ['app://desk/documents/0.pdf', 'app://desk/documents/1.PDF', 'app://desk/documents/x.pdf', 'https://desk/documents/1.pdf', 'app://evil/documents/1.pdf', 'app://desk/documents/1.pdf/x'])
      expect(parseDocumentUrl(url), url).toBeNull();
  });
});

describe('decisions', () => {
  it('navigation stays on app://desk', () => {
    expect(isAllowedNavigation('app://desk/#/queue')).toBe(true);
    for (const url of ['https://example.invalid/', 'http://127.0.0.1:4780/', 'file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', 'app://other/'])
      expect(isAllowedNavigation(url), url).toBe(false);
  });

  it('window.open is denied except to print a desk document', () => {
    expect(decideWindowOpen('https://example.invalid/')).toEqual({ kind: 'deny' });
    expect(decideWindowOpen('app://desk/')).toEqual({ kind: 'deny' });
    expect(decideWindowOpen('app://desk/documents/5.pdf')).toEqual({ kind: 'print-document', id: 5, url: 'app://desk/documents/5.pdf' });
  });

  it('the network and the file system are blocked, the desk origin and in-page data are not', () => {
    for (const url of ['https://example.invalid/', 'http://127.0.0.1/', 'ws://x/', 'wss://x/', 'ftp://x/', 'file:///etc/passwd', '::garbage'])
      expect(isBlockedRequestUrl(url), url).toBe(true);
    for (const url of ['app://desk/assets/a.js', 'data:image/png;base64,AA', 'blob:app://desk/uuid', 'devtools://devtools/x', 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html'])
      expect(isBlockedRequestUrl(url), url).toBe(false);
  });
});

/** A fake webContents recording listeners, to drive the hardening without Electron. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => void) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  };
  const event = (props: Record<string, unknown> = {}) => {
    const e = { ...props, defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true) };
    return e;
  };
  return {
    contents: contents as unknown as HardenableContents,
    fire: (name: string, props?: Record<string, unknown>) => {
      const e = event(props);
      listeners.get(name)!(e);
      return e.defaultPrevented;
    },
    open: (url: string) => openHandler!({ url }),
    listeners,
  };
}

describe('hardenWebContents', () => {
  it('prevents external navigation and lets app://desk through', () => {
    const f = fakeContents();
    const onBlocked = vi.fn();
    hardenWebContents(f.contents, { onBlocked });
    expect(f.fire('will-navigate', { url: 'https://example.invalid/', isMainFrame: true })).toBe(true);
    expect(onBlocked).toHaveBeenCalledWith('navigate', 'https://example.invalid/');
    expect(f.fire('will-navigate', { url: 'app://desk/#/intake', isMainFrame: true })).toBe(false);
  });

  it('prevents main-frame redirects away from app://desk only', () => {
    const f = fakeContents();
    hardenWebContents(f.contents);
    expect(f.fire('will-redirect', { url: 'https://example.invalid/', isMainFrame: true })).toBe(true);
    expect(f.fire('will-redirect', { url: 'app://desk/', isMainFrame: true })).toBe(false);
    expect(f.fire('will-redirect', { url: 'https://example.invalid/', isMainFrame: false })).toBe(false);
  });

  it('refuses every <webview>', () => {
    const f = fakeContents();
    hardenWebContents(f.contents);
    expect(f.fire('will-attach-webview')).toBe(true);
  });

  it('denies every window.open, handing only desk documents to the print callback', () => {
    const f = fakeContents();
    const onPrintDocument = vi.fn();
    hardenWebContents(f.contents, { onPrintDocument });
    expect(f.open('https://example.invalid/')).toEqual({ action: 'deny' });
    expect(f.open('app://desk/')).toEqual({ action: 'deny' });
    expect(onPrintDocument).not.toHaveBeenCalled();
    expect(f.open('app://desk/documents/9.pdf')).toEqual({ action: 'deny' });
    expect(onPrintDocument).toHaveBeenCalledWith({ kind: 'print-document', id: 9, url: 'app://desk/documents/9.pdf' });
  });

  it('without a print callback, documents are denied too', () => {
    const f = fakeContents();
    const onBlocked = vi.fn();
    hardenWebContents(f.contents, { onBlocked });
    expect(f.open('app://desk/documents/9.pdf')).toEqual({ action: 'deny' });
    expect(onBlocked).toHaveBeenCalledWith('window.open', 'app://desk/documents/9.pdf');
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check, every device, and cancels network requests', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((wc: unknown, permission: string) => boolean) | undefined;
    let device: ((details: unknown) => boolean) | undefined;
    let before: ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | undefined;
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (checkHandler = h),
      setDevicePermissionHandler: (h) => (device = h),
      webRequest: { onBeforeRequest: (l) => (before = l) },
    };
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const cb = vi.fn();
      request!({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(checkHandler!({}, permission)).toBe(false);
    }
    expect(device!({ deviceType: 'usb' })).toBe(false);
    const cb = vi.fn();
    before!({ url: 'https://example.invalid/track' }, cb);
    expect(cb).toHaveBeenLastCalledWith({ cancel: true });
    before!({ url: 'app://desk/index.html' }, cb);
    expect(cb).toHaveBeenLastCalledWith({ cancel: false });
  });
});
