/**
 * The guards every webContents gets, as functions of the objects they guard (types only from electron), so the
 * decisions are unit-tested with plain fakes. Wired up in main.ts through app 'web-contents-created'.
 */
import type {
  Event,
  HandlerDetails,
  WebContents,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WindowOpenHandlerResponse,
} from 'electron';
import { isDeskUrl, parseDocumentUrl } from './urls';

/** Navigation of a main frame stays on app://desk; anything else (https:, file:, data:, javascript:) is refused. */
export const isAllowedNavigation = (url: string): boolean => isDeskUrl(url);

/**
 * What window.open / target=_blank may do: nothing, except asking main to print one of our PDF documents, which main
 * does itself in its own window (print.ts). The renderer never gets a window it controls.
 */
export type WindowOpenDecision = { kind: 'deny' } | { kind: 'print-document'; id: number; url: string };

export function decideWindowOpen(url: string): WindowOpenDecision {
  const id = parseDocumentUrl(url);
  return id === null ? { kind: 'deny' } : { kind: 'print-document', id, url };
}

/**
 * Requests the desk never makes: the network (it is offline by design; the renderer talks to the desk over IPC) and
 * the file system (everything comes through app://). Defence in depth behind the CSP's connect-src 'self'.
 */
export function isBlockedRequestUrl(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return true;
  }
  return ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'].includes(protocol);
}

/** The subset of WebContents the hardening touches. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface HardeningOptions {
  /**
   * Called for window.open of an app://desk/documents/<id>.pdf (main decides whether this opener may print);
   * undefined = deny those too. The window.open itself is always denied.
   */
  onPrintDocument?: (decision: Extract<WindowOpenDecision, { kind: 'print-document' }>) => void;
  /** Reports refused actions (logged by main). */
  onBlocked?: (what: string, url: string) => void;
}

/** Applied to every webContents the app creates (windows, the print window, devtools, PDF viewer guests). */
export function hardenWebContents(contents: HardenableContents, options: HardeningOptions = {}): void {
  const blocked = options.onBlocked ?? (() => undefined);

  // <webview> is never used: refuse to attach one at all.
  contents.on('will-attach-webview', (event: Event) => {
    event.preventDefault();
    blocked('webview', '');
  });

  // Renderer-initiated main-frame navigations (links, location.href, form posts) stay on app://desk.
  contents.on('will-navigate', (event: Event<WebContentsWillNavigateEventParams>) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      blocked('navigate', event.url);
    }
  });

  // A main-frame redirect may not leave app://desk either (covers navigations main started with loadURL).
  contents.on('will-redirect', (event: Event<WebContentsWillRedirectEventParams>) => {
    if (event.isMainFrame && !isAllowedNavigation(event.url)) {
      event.preventDefault();
      blocked('redirect', event.url);
    }
  });

  // No new windows; the one exception is handled by main, which opens its own print window.
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    const decision = decideWindowOpen(details.url);
    if (decision.kind === 'print-document' && options.onPrintDocument) {
      options.onPrintDocument(decision);
    } else {
      blocked('window.open', details.url);
    }
    return { action: 'deny' };
  });
}

/** The subset of Session used for permissions and requests. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
}

/** No permission is ever granted (camera, notifications, geolocation, USB, …), and no network request leaves. */
export function hardenSession(session: SessionLike, onBlocked: (what: string, url: string) => void = () => undefined): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    onBlocked('permission', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isBlockedRequestUrl(details.url);
    if (cancel) onBlocked('request', details.url);
    callback({ cancel });
  });
}
