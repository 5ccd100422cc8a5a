import type { TFunction } from 'i18next';
import type { QueueRow } from '../../../../electron/contract';

/** One working day of the desk's office hours (07:00–11:30, 13:30–17:00): 8 hours. */
export const WORKING_DAY_MINUTES = 480;

/**
 * A span of working time, the way the counter says it: "3 ngày 2 giờ", "1 giờ 30 phút", "45 phút".
 * Days count working days of 480 minutes; minutes are dropped once the span is a day or more.
 */
export function workingSpan(minutes: number, t: TFunction): string {
  const total = Math.abs(Math.trunc(minutes));
  const days = Math.floor(total / WORKING_DAY_MINUTES);
  const hours = Math.floor((total % WORKING_DAY_MINUTES) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t('queue.time.days', { n: days }));
    if (hours > 0) parts.push(t('queue.time.hours', { n: hours }));
  } else if (hours > 0) {
    parts.push(t('queue.time.hours', { n: hours }));
    if (mins > 0) parts.push(t('queue.time.minutes', { n: mins }));
  } else {
    parts.push(t('queue.time.minutes', { n: mins }));
  }
  return parts.join(' ');
}

export type Urgency = 'late' | 'soon' | 'normal' | 'none';

export interface Remaining {
  text: string;
  urgency: Urgency;
  /** The row counts down to the online acceptance limit (8 working hours), not to the due date. */
  acceptance: boolean;
}

/**
 * The "remaining" cell: working time to the due date (negative when late), or for an online dossier still
 * waiting, to its acceptance limit. Null when the clock does not run (no due date, decided, returned).
 */
export function remainingOf(row: Pick<QueueRow, 'remainingWorkingMinutes' | 'acceptanceDeadline' | 'flags'>, t: TFunction): Remaining | null {
  const m = row.remainingWorkingMinutes;
  if (m === null) return null;
  const acceptance = row.acceptanceDeadline !== null;
  const late = m < 0 || row.flags.includes(acceptance ? 'acceptanceLate' : 'overdue');
  const urgency: Urgency = late ? 'late' : row.flags.includes('dueSoon') ? 'soon' : 'normal';
  const span = workingSpan(m, t);
  let text: string;
  if (m === 0) text = t(acceptance ? 'queue.time.acceptNow' : 'queue.time.dueNow');
  else if (m < 0) text = t(acceptance ? 'queue.time.acceptLate' : 'queue.time.late', { time: span });
  else text = t(acceptance ? 'queue.time.acceptLeft' : 'queue.time.left', { time: span });
  return { text, urgency, acceptance };
}
