import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierEvent } from '../../../../electron/contract';
import { formatDateTime } from '../../lib/format';

const EVENT_COLORS: Partial<Record<DossierEvent['action'], string>> = {
  accepted: 'green',
  finish: 'green',
  returnResult: 'green',
  refuse: 'red',
  stop: 'red',
  requestSupplement: 'orange',
  requestFinancialObligation: 'orange',
  withdraw: 'gray',
  corrected: 'purple',
  reviewed: 'blue',
  attached: 'gray',
  detached: 'gray',
  imported: 'blue',
};

/** The dossier's history (append-only events), oldest first; a note (e.g. the fields a correction changed) in full. */
export function History({ events }: { events: DossierEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="hint">{t('dossier.noHistory')}</p>;
  const statusName = (s: number | null) => (s === null ? null : t(`status.${s}`, { defaultValue: String(s) }));
  return (
    <Timeline
      className="history"
      items={events.map((e) => {
        const from = statusName(e.fromStatus);
        const to = statusName(e.toStatus);
        return {
          key: e.id,
          color: EVENT_COLORS[e.action] ?? (e.toStatus === 2 ? 'green' : 'blue'),
          content: (
            <div className="event" data-action={e.action}>
              <time className="sub" dateTime={e.at}>
                {formatDateTime(e.at)}
              </time>
              <div className="event-action">{t(`event.${e.action}`, { defaultValue: t(`work.label.${e.action}`, { defaultValue: e.action }) })}</div>
              {(from || to) && from !== to && (
                <div className="event-status">
                  {from ? `${from} → ` : ''}
                  {to}
                </div>
              )}
              {e.officerName && (
                <div className="sub">
                  {t('dossier.by')}: {e.officerName}
                </div>
              )}
              {e.note && (
                <div className="event-note" style={{ whiteSpace: 'pre-line' }}>
                  {e.note}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
