/** The desk's own origin in Electron: pages, assets and documents all live under app://desk/. */
export const DESK_SCHEME = 'app';
export const DESK_HOST = 'desk';
export const DESK_ORIGIN = `${DESK_SCHEME}://${DESK_HOST}`;
export const DESK_HOME_URL = `${DESK_ORIGIN}/`;

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/**
 * True when `url` is on app://desk. Compares scheme and host, not `URL.origin`: Node's URL parser (used in tests and
 * in the main process) reports origin "null" for custom schemes, Chromium does not.
 */
export function isDeskUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${DESK_SCHEME}:` && u.host === DESK_HOST && u.username === '' && u.password === '';
}

const DOCUMENT_PATH = /^\/documents\/([1-9][0-9]{0,14})\.pdf$/;

/** The document id of an app://desk/documents/<id>.pdf URL (query and hash ignored), else null. */
export function parseDocumentUrl(url: string): number | null {
  if (!isDeskUrl(url)) return null;
  const m = DOCUMENT_PATH.exec(new URL(url).pathname);
  return m?.[1] ? Number(m[1]) : null;
}

export const documentUrl = (id: number): string => `${DESK_ORIGIN}/documents/${id}.pdf`;
