import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../electron/contract';
import { formatDate, formatDateTime } from '../../lib/format';
import { StatusTag } from '../StatusTag';
import { FlagBadges } from './FlagBadges';
import { remainingOf } from './remaining';

/** Vietnam wall-clock time of an instant, "09:05" (the date is on the line above). */
const timeOf = (iso: string) => formatDateTime(iso).slice(11);

interface Props {
  row: QueueRow;
  index: number;
  selected: boolean;
  /** translateY of the row inside the virtual body. */
  top: number;
  height: number;
  staleDays: number;
  /** Stable callbacks (the screen keeps them in refs), so scrolling re-renders only rows that come and go. */
  onOpen: (index: number) => void;
  onPick: (index: number, id: number) => void;
}

/**
 * One dossier of the radar: code and status, applicant, procedure and field, channel, received, due (or the online
 * acceptance limit), working time left with its warnings, and the officer holding it. Cheap to render: no overlays
 * (the badges' long descriptions are a native title and screen-reader text).
 */
export const QueueRowView = memo(function QueueRowView({ row, index, selected, top, height, staleDays, onOpen, onPick }: Props) {
  const { t } = useTranslation();
  const remaining = remainingOf(row, t);
  const deadline = row.dueAt ?? row.acceptanceDeadline;
  const acceptance = row.dueAt === null && deadline !== null;
  return (
    <div
      id={`queue-row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-id={row.id}
      className={`queue-row qrow${selected ? ' selected' : ''}${index % 2 ? ' odd' : ''}${remaining ? ` urgency-${remaining.urgency}` : ''}`}
      style={{ height, transform: `translateY(${top}px)` }}
      onClick={() => onOpen(index)}
      onMouseDown={() => onPick(index, row.id)}
    >
      <div role="gridcell" className="qcode-cell">
        <span className="mono code-cell">{row.code}</span>
        <StatusTag status={row.status} />
      </div>
      <div role="gridcell" className="applicant-cell">
        <span className="applicant-name">{row.applicantName}</span>
        <span className="sub">{[row.idNumber, row.phone].filter(Boolean).join(' · ')}</span>
      </div>
      <div role="gridcell" className="qprocedure-cell" title={row.procedureName}>
        <span className="ellipsis qprocedure-name">{row.procedureName}</span>
        <span className="sub ellipsis">{row.field}</span>
      </div>
      <div role="gridcell">{t(`channelShort.${row.channel}`, { defaultValue: String(row.channel) })}</div>
      <div role="gridcell" className="qwhen">
        <span>{formatDate(row.receivedAt)}</span>
        <span className="sub">{timeOf(row.receivedAt)}</span>
      </div>
      <div role="gridcell" className="qwhen" title={acceptance ? t('queue.acceptByLong', { at: formatDateTime(deadline) }) : undefined}>
        {deadline ? (
          <>
            <span>{formatDate(deadline)}</span>
            <span className="sub">
              {timeOf(deadline)}
              {acceptance && ` (${t('queue.acceptBy')})`}
            </span>
          </>
        ) : (
          <span className="qnone">—</span>
        )}
      </div>
      <div role="gridcell" className="qremaining-cell">
        {remaining ? (
          <span className={`qremaining urgency-${remaining.urgency}`} title={t('queue.time.workingHint')}>
            {remaining.text}
          </span>
        ) : (
          <span className="qnone">—</span>
        )}
        <FlagBadges flags={row.flags} staleDays={staleDays} />
      </div>
      <div role="gridcell" className="qassignee ellipsis" title={row.assigneeName ?? undefined}>
        {row.assigneeName ?? <span className="qnone">{t('queue.unassigned')}</span>}
      </div>
    </div>
  );
});
