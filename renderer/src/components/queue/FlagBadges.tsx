import { useTranslation } from 'react-i18next';
import { QUEUE_FLAGS, type QueueFlag } from '../../../../electron/contract';
import { FLAG_ICONS } from './icons';

/** The order flags are shown in: the most pressing first. */
const ORDER: readonly QueueFlag[] = ['acceptanceLate', 'overdue', 'forwardLate', 'dueSoon', 'stale'];

/** The long description of a flag (tooltip, screen readers). */
export function useFlagText(staleDays: number) {
  const { t } = useTranslation();
  return {
    short: (flag: QueueFlag) => t(`queue.flag.${flag}`),
    long: (flag: QueueFlag) => t(`queue.flagLong.${flag}`, { n: staleDays }),
  };
}

/**
 * A dossier's warnings as labelled badges: icon + short text (+ the full sentence for screen readers and as a native
 * title on hover: an overlay component per row would weigh on scrolling).
 * overdue, acceptanceLate and forwardLate red, dueSoon amber, stale purple-grey.
 */
export function FlagBadges({ flags, staleDays }: { flags: readonly string[]; staleDays: number }) {
  const text = useFlagText(staleDays);
  const shown = ORDER.filter((f) => flags.includes(f) && QUEUE_FLAGS.includes(f));
  if (shown.length === 0) return null;
  return (
    <span className="qflags">
      {shown.map((flag) => {
        const Icon = FLAG_ICONS[flag];
        return (
          <span key={flag} className={`qflag qflag-${flag}`} data-flag={flag} title={text.long(flag)}>
            <Icon />
            <span aria-hidden="true">{text.short(flag)}</span>
            <span className="sr-only">{text.long(flag)}</span>
          </span>
        );
      })}
    </span>
  );
}
