import type { ReactNode } from 'react';
import { svgIcon } from '../svg-icon';

/**
 * Small inline icons for the documents, printing and e-mail screens (no icon package in the dependencies). Always
 * decorative: the text next to them carries the meaning.
 */
const svg = (path: ReactNode, className = '') => svgIcon(path, `picon ${className}`);

export const PrintIcon = () =>
  svg(
    <>
      <path d="M4.5 6V1.8h7V6" />
      <rect x="1.8" y="6" width="12.4" height="5.6" rx="1" />
      <path d="M4.5 9.5h7v4.7h-7z" />
    </>,
  );

export const ViewIcon = () =>
  svg(
    <>
      <path d="M1.2 8s2.4-4.6 6.8-4.6S14.8 8 14.8 8s-2.4 4.6-6.8 4.6S1.2 8 1.2 8z" />
      <circle cx="8" cy="8" r="2" />
    </>,
  );

export const DownloadIcon = () =>
  svg(
    <>
      <path d="M8 1.8v8.4M4.6 7l3.4 3.4L11.4 7" />
      <path d="M2 12.2v2h12v-2" />
    </>,
  );

export const MailIcon = () =>
  svg(
    <>
      <rect x="1.5" y="3.2" width="13" height="9.6" rx="1.2" />
      <path d="M1.8 4l6.2 4.8L14.2 4" />
    </>,
  );

export const DocumentIcon = () =>
  svg(
    <>
      <path d="M3.5 1.5h6l3 3v10h-9z" />
      <path d="M9.5 1.5v3h3M5.5 8h5M5.5 10.5h5" />
    </>,
  );

export const RefreshIcon = () =>
  svg(
    <>
      <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9" />
      <path d="M13.6 1.8v3h-3" />
    </>,
  );

export const ExportIcon = () =>
  svg(
    <>
      <path d="M3.5 1.5h6l3 3v10h-9z" />
      <path d="M8 6.5v5M5.8 9.3 8 11.5l2.2-2.2" />
    </>,
  );

/** One per outbox status: shape differs as well as colour. */
export function MailStatusIcon({ status }: { status: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled' }) {
  switch (status) {
    case 'sent':
      return svg(<path d="M2.5 8.5l3.5 3.5 7.5-8" />);
    case 'failed':
      return svg(
        <>
          <path d="M8 1.8 15 14H1z" />
          <path d="M8 6.2v3.6M8 11.8v.1" />
        </>,
      );
    case 'cancelled':
      return svg(
        <>
          <circle cx="8" cy="8" r="6.2" />
          <path d="M3.6 12.4l8.8-8.8" />
        </>,
      );
    case 'sending':
      return svg(
        <>
          <path d="M1.8 8 14.2 2 10.5 14 8 9.2z" />
          <path d="M8 9.2 14.2 2" />
        </>,
      );
    default:
      return svg(
        <>
          <circle cx="8" cy="8" r="6.2" />
          <path d="M8 4.5V8l2.5 1.6" />
        </>,
      );
  }
}

export function OkIcon() {
  return svg(<path d="M2.5 8.5l3.5 3.5 7.5-8" />);
}

export function WarnIcon() {
  return svg(
    <>
      <path d="M8 1.8 15 14H1z" />
      <path d="M8 6.2v3.6M8 11.8v.1" />
    </>,
  );
}
