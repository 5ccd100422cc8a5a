import type { ReactElement, ReactNode } from 'react';
import { svgIcon } from '../svg-icon';
import type { QueueFlag } from '../../../../electron/contract';

/**
 * Small inline icons (no icon package in the dependencies). Always decorative: the text next to them carries the
 * meaning, so colour and shape are never the only signal.
 */
interface IconProps {
  className?: string;
}

const svg = (path: ReactNode, className = '') => svgIcon(path, `qicon ${className}`);

/** Warning triangle: overdue. */
export const OverdueIcon = ({ className }: IconProps) =>
  svg(
    <>
      <path d="M8 1.8 15 14H1L8 1.8Z" />
      <path d="M8 6.2v3.6" />
      <circle cx="8" cy="11.9" r="0.4" fill="currentColor" />
    </>,
    className,
  );

/** Clock: due soon. */
export const ClockIcon = ({ className }: IconProps) =>
  svg(
    <>
      <circle cx="8" cy="8" r="6.3" />
      <path d="M8 4.5V8l2.6 1.6" />
    </>,
    className,
  );

/** Hourglass: the online acceptance limit has passed. */
export const HourglassIcon = ({ className }: IconProps) =>
  svg(
    <>
      <path d="M4 1.8h8M4 14.2h8" />
      <path d="M5 1.8c0 3 3 4.2 3 6.2s-3 3.2-3 6.2M11 1.8c0 3-3 4.2-3 6.2s3 3.2 3 6.2" />
    </>,
    className,
  );

/** A sheet with an arrow leaving it: a paper dossier not handed over to the competent officer in time. */
export const HandOverIcon = ({ className }: IconProps) =>
  svg(
    <>
      <path d="M9.5 5.2V2H2.5v12h7v-3.2" />
      <path d="M5.5 8h9M12 5.5 14.5 8 12 10.5" />
    </>,
    className,
  );

/** Pause: nothing has happened for days (stale). */
export const PauseIcon = ({ className }: IconProps) =>
  svg(
    <>
      <circle cx="8" cy="8" r="6.3" />
      <path d="M6.5 5.5v5M9.5 5.5v5" />
    </>,
    className,
  );

export const SearchIcon = ({ className }: IconProps) =>
  svg(
    <>
      <circle cx="7" cy="7" r="4.6" />
      <path d="m10.5 10.5 3.7 3.7" />
    </>,
    className,
  );

/** Sort arrows; the active direction is drawn solid. */
export function SortIcon({ direction }: { direction: 'asc' | 'desc' | null }) {
  return (
    <svg className="qicon qsort-icon" viewBox="0 0 10 14" width="10" height="14" aria-hidden="true" focusable="false">
      <path d="M5 1 9 6H1Z" fill="currentColor" opacity={direction === 'asc' ? 1 : 0.28} />
      <path d="M5 13 1 8h8Z" fill="currentColor" opacity={direction === 'desc' ? 1 : 0.28} />
    </svg>
  );
}

export const FLAG_ICONS: Record<QueueFlag, (p: IconProps) => ReactElement> = {
  overdue: OverdueIcon,
  dueSoon: ClockIcon,
  acceptanceLate: HourglassIcon,
  forwardLate: HandOverIcon,
  stale: PauseIcon,
};
