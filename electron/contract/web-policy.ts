/**
 * Content-Security-Policy of every page of the desk, through either door: app://desk (Electron) and the desk server
 * (browser), and the <meta> of the built index.html. One source, here, because both doors and the build need it.
 * 'unsafe-inline' for styles only: antd injects its CSS-in-JS at run time. Scripts come from the bundle, nothing else.
 */
export const DESK_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The policy of the PDF documents (app://desk/documents/<id>.pdf). A PDF is shown by Chromium's PDF viewer, which is
 * a plugin in a synthesised page: `object-src 'none'` makes Chromium refuse it ("Refused to load plugin data …
 * violates … object-src 'none'"), and the synthesised page styles its <embed> inline. So this policy allows exactly
 * that — plugin data from the desk's own origin and inline styles — runs no script of ours, and lets only the desk's
 * own pages frame it (an in-app preview), nothing else.
 */
export const DOCUMENT_CSP = [
  "default-src 'none'",
  "object-src 'self'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "form-action 'none'",
].join('; ');
