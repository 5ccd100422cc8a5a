import type { ReactNode } from 'react';

/**
 * A small inline stroke icon (the app ships no icon package), 14 px on a 16-unit grid. Always decorative: the text
 * next to it carries the meaning, so colour and shape are never the only signal. `className` names the set's style
 * (qicon for the queue, picon for documents and printing) plus any modifier.
 */
export const svgIcon = (path: ReactNode, className: string) => (
  <svg
    className={className}
    viewBox="0 0 16 16"
    width="14"
    height="14"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    {path}
  </svg>
);
